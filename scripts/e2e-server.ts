// The app for the Playwright suite: a production build (run `npm run build` first, or E2E_DEV=1 for the
// dev server) on a fresh embedded PostgreSQL under .data/e2e, so every run starts from an empty studio list.
import { rmSync } from "node:fs";
import path from "node:path";
import { prepareLocalDatabase } from "./lib/local-database";
import { runNext } from "./lib/run-next";

const port = process.env.E2E_PORT ?? "3100";
process.env.PORT = port;

process.env.EMBEDDED_PG_PORT ??= String(Number(port) + 51_000 > 65_000 ? 55_100 : Number(port) + 51_000);
process.env.NEXTAUTH_URL = `http://localhost:${port}`;
process.env.BENCHFLOW_DATA_DIR = path.resolve(`.data/e2e-${port}`);
if (!process.env.E2E_KEEP_DATA) rmSync(process.env.BENCHFLOW_DATA_DIR, { recursive: true, force: true });

const database = await prepareLocalDatabase((line) => console.log(`[e2e] ${line}`), { supervise: true });
Object.assign(process.env, database.env);
const { seedDemo } = await import("../src/server/demo/seed-demo");
const { systemDb, disconnectDb } = await import("../src/server/db");
await seedDemo(systemDb());
await disconnectDb();
runNext(process.env.E2E_DEV ? { dev: true, port: Number(port) } : { dev: false, port: Number(port), hostname: "127.0.0.1" }, database);
