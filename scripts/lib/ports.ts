import { createServer } from "node:net";

/** Whether nothing listens on the port (binding it succeeds). */
export function isPortFree(port: number, host?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export class PortTakenError extends Error {}

/**
 * The port a local server listens on. Set explicitly (env var), it must be free, or the run stops with a message
 * that says which port and how to choose another. Unset, the preferred port, else the next free one after it
 * (so a second checkout on the same machine starts too).
 */
export async function choosePort(options: {
  what: string;
  envVar: string;
  explicit: string | undefined;
  preferred: number;
  host?: string;
  log: (line: string) => void;
}): Promise<number> {
  const { what, envVar, host, log } = options;
  if (options.explicit) {
    const port = Number(options.explicit);
    if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new PortTakenError(`${envVar}=${options.explicit} is not a port number.`);
    if (!(await isPortFree(port, host))) {
      throw new PortTakenError(
        `Port ${port} for ${what} is already in use (another Benchflow checkout, or another program). Stop it, or choose another port: ${envVar}=${port + 1} npm run dev`,
      );
    }
    return port;
  }
  for (let port = options.preferred; port < options.preferred + 50 && port <= 65_535; port++) {
    if (await isPortFree(port, host)) {
      if (port !== options.preferred) log(`Port ${options.preferred} for ${what} is in use (another checkout?); using ${port}. Set ${envVar} to choose.`);
      return port;
    }
  }
  throw new PortTakenError(`No free port for ${what} between ${options.preferred} and ${options.preferred + 49}. Choose one with ${envVar}=<port>.`);
}
