import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, statSync } from "node:fs";
import path from "node:path";
import { TSX_NODE_ARGS } from "./tsx-args";

/**
 * The production build benchmarks run against. `build: "if-missing"` runs `npm run build` when there is none;
 * otherwise a missing build stops the run. An existing build is used as it is: rebuild after changing the code.
 */
export function ensureProductionBuild(log: (line: string) => void, options: { build: "if-missing" | "never" }): void {
  const buildId = path.resolve(".next/BUILD_ID");
  if (existsSync(buildId)) {
    log(`Using the production build in .next (built ${statSync(buildId).mtime.toISOString()}); run \`npm run build\` after changing the code.`);
    return;
  }
  if (options.build === "never") throw new Error("No production build found (.next/BUILD_ID is missing). Run `npm run build` first.");
  log("No production build found: running `npm run build`…");
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error(`npm run build failed (exit code ${result.status}).`);
}

export type ProductionServer = { origin: string; stop: () => Promise<void> };

/**
 * The same web server as `npm start` (scripts/server.ts: per-caller fair share and per-address limits included)
 * on 127.0.0.1:`port`, with the database env, planner jobs off and its output in `logFile`. Resolves once it answers.
 */
export async function startProductionServer(options: { port: number; env: Record<string, string>; logFile: string }): Promise<ProductionServer> {
  const origin = `http://127.0.0.1:${options.port}`;
  const out = createWriteStream(options.logFile);
  const child: ChildProcess = spawn(process.execPath, [...TSX_NODE_ARGS, "scripts/server.ts"], {
    env: {
      ...process.env, ...options.env, PORT: String(options.port), HOSTNAME_BIND: "127.0.0.1", NEXTAUTH_URL: origin,
      BENCHFLOW_JOBS: "off", NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  };
  const until = Date.now() + 90_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited (code ${child.exitCode}); see ${options.logFile}`);
    try {
      if ((await fetch(`${origin}/api/auth/csrf`)).ok) return { origin, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`the server did not answer within 90 s; see ${options.logFile}`);
}
