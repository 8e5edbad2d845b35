// `npm run seed:demo -- --studios N --scale S [--seed K]`: adds N realistic studios with a production history
// of about S x 10,000 bench events each (scale 100 = 1M events) to the local database (the embedded one
// under .data/, running or not, or DATABASE_URL). Idempotent per studio: existing scale studios are kept.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { prepareLocalDatabase } from "./lib/local-database";

process.env.DB_QUERY_TIMEOUT_MS ??= "120000"; // bulk history inserts outlast a web request's deadline

const log = (line: string) => console.log(`[seed:demo] ${line}`);
const { values } = parseArgs({
  options: { studios: { type: "string", default: "1" }, scale: { type: "string", default: "1" }, seed: { type: "string" }, help: { type: "boolean", short: "h" } },
});
if (values.help) {
  console.log("npm run seed:demo -- --studios N --scale S [--seed K]\n  N studios (1-20), each with ~S x 10,000 bench events of history (S from 0.1 to 200; 100 = 1M events).");
  process.exit(0);
}
const studios = Number(values.studios);
const scale = Number(values.scale);
if (!Number.isInteger(studios) || studios < 1 || studios > 20) fail("--studios must be a whole number from 1 to 20");
if (!Number.isFinite(scale) || scale < 0.1 || scale > 200) fail("--scale must be a number from 0.1 to 200 (100 = 1M bench events per studio)");
const seed = values.seed === undefined ? undefined : Number(values.seed);
if (seed !== undefined && !Number.isInteger(seed)) fail("--seed must be a whole number");

function fail(message: string): never {
  console.error(`[seed:demo] ${message}`);
  process.exit(2);
}

/**
 * The dev server's embedded PostgreSQL may already be running on this data directory (a second server cannot
 * start on it): reuse it, on the port its postmaster.pid records.
 */
async function runningEmbeddedUrl(): Promise<string | undefined> {
  const pidFile = path.resolve(process.env.BENCHFLOW_DATA_DIR ?? ".data", "pg", "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const port = Number(readFileSync(pidFile, "utf8").split("\n")[3]);
  if (!Number.isInteger(port) || port <= 0) return undefined;
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/benchflow`;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    await client.end();
    return url;
  } catch {
    return undefined;
  }
}

if (!process.env.DATABASE_URL) {
  const running = await runningEmbeddedUrl();
  if (running) {
    log("Using the embedded PostgreSQL that is already running (npm run dev).");
    process.env.DATABASE_URL = running;
  }
}
const database = await prepareLocalDatabase(log).catch((error: unknown) =>
  fail(`Could not start or reach the database (${error instanceof Error ? error.message : String(error)}). Is another PostgreSQL using .data/pg? Set DATABASE_URL to seed a running server.`),
);
Object.assign(process.env, database.env, { LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" });
const { systemDb, disconnectDb } = await import("../src/server/db");
const { seedScale, SCALE_PASSWORD } = await import("../src/server/demo/scale/seed-scale");
const started = performance.now();
try {
  const seeded = await seedScale(systemDb(), { studios, scale, seed, databaseUrl: database.env.DATABASE_URL!, log });
  log(`Done in ${Math.round((performance.now() - started) / 1000)} s. Sign in with password "${SCALE_PASSWORD}" as:`);
  for (const studio of seeded) {
    log(`  /s/${studio.slug}: ${studio.ownerEmail} (owner)${studio.assistantEmails[0] ? `, ${studio.assistantEmails[0]} (admin)` : ""}${studio.assistantEmails[1] ? `, ${studio.assistantEmails[1]} (assistant)` : ""} — ${studio.events.toLocaleString("en")} bench events`);
  }
} finally {
  await disconnectDb();
  await database.stop();
}
