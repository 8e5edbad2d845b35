import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { LocalDatabase } from "./local-database";

/**
 * Runs the Next.js CLI and the background worker (planner jobs) with the database env; when either exits,
 * stops the other and the embedded PostgreSQL. BENCHFLOW_JOBS=inline runs the jobs inside Next instead.
 */
export function runNext(args: string[], database: LocalDatabase): void {
  const inline = process.env.BENCHFLOW_JOBS === "inline";
  const env = { ...process.env, ...database.env, NEXT_TELEMETRY_DISABLED: "1" };
  const children: ChildProcess[] = [
    spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), ...args], {
      stdio: "inherit",
      env: { ...env, BENCHFLOW_JOBS: inline ? "on" : "off" },
    }),
  ];
  if (!inline) {
    children.push(
      spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/worker.ts"], { stdio: "inherit", env }),
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
