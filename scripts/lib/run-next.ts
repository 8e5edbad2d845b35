import { spawn, type ChildProcess } from "node:child_process";
import type { LocalDatabase } from "./local-database";
import { TSX_NODE_ARGS } from "./tsx-args";

export type ServerOptions = { dev: boolean; port: number; hostname?: string };

/**
 * Runs the web server (scripts/server.ts: Next.js behind a Node HTTP server) and the background worker (planner
 * jobs) with the database env; when either exits, stops the other and the embedded PostgreSQL.
 * BENCHFLOW_JOBS=inline runs the jobs inside the web server instead.
 */
export function runNext(server: ServerOptions, database: LocalDatabase): void {
  const inline = process.env.BENCHFLOW_JOBS === "inline";
  const env = { ...process.env, ...database.env, NEXT_TELEMETRY_DISABLED: "1" };
  const children: ChildProcess[] = [
    spawn(process.execPath, [...TSX_NODE_ARGS, "scripts/server.ts", ...(server.dev ? ["--dev"] : [])], {
      stdio: "inherit",
      env: { ...env, PORT: String(server.port), HOSTNAME_BIND: server.hostname ?? "", BENCHFLOW_JOBS: inline ? "on" : "off" },
    }),
  ];
  if (!inline) {
    children.push(
      spawn(process.execPath, [...TSX_NODE_ARGS, "scripts/worker.ts"], { stdio: "inherit", env }),
    );
  }
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
    await database.stop().catch(() => {});
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => void stop(0));
  }
  for (const child of children) child.on("exit", (code) => void stop(code ?? 0));
}
