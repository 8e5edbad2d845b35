import { spawn } from "node:child_process";
import path from "node:path";
import type { LocalDatabase } from "./local-database";

/** Runs the Next.js CLI with the database env; stops the embedded PostgreSQL when Next exits. */
export function runNext(args: string[], database: LocalDatabase): void {
  const nextBin = path.resolve("node_modules/next/dist/bin/next");
  const child = spawn(process.execPath, [nextBin, ...args], {
    stdio: "inherit",
    env: { ...process.env, ...database.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await database.stop().catch(() => {});
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      child.kill(signal);
    });
  }
  child.on("exit", (code) => void stop(code ?? 0));
}
