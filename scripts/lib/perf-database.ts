import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../../src/server/db/embedded-postgres";
import { prepareLocalDatabase, type LocalDatabase } from "./local-database";

/**
 * Runs a benchmark on its own embedded PostgreSQL (never DATABASE_URL): a fresh temporary data folder, or
 * `keepDir` reused across runs. Bounded: gives up after `limitMs`. Always stops PostgreSQL and removes the
 * temporary folder; exits 1 on failure.
 */
export async function runOnBenchDatabase(
  name: string,
  options: { limitMs: number; keepDir?: string },
  bench: (database: LocalDatabase, log: (line: string) => void) => Promise<void>,
): Promise<void> {
  const log = (line: string) => console.error(`[${name}] ${line}`);
  const dataDir = options.keepDir ? path.resolve(options.keepDir) : mkdtempSync(path.join(tmpdir(), `benchflow-${name.replace(/\W+/g, "-")}-`));
  chmodSync(dataDir, 0o755); // mkdtemp makes it 0700; embedded PostgreSQL may run initdb as another user
  if (options.keepDir && existsSync(path.join(dataDir, "pg"))) log(`Reusing ${dataDir}.`);
  delete process.env.DATABASE_URL; // always an embedded server, never someone's database
  process.env.DB_QUERY_TIMEOUT_MS ??= "120000"; // seeding and planner writes outlast a web request's deadline
  Object.assign(process.env, { BENCHFLOW_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" });

  let database: LocalDatabase | undefined;
  const cleanup = async () => {
    await database?.stop().catch(() => {});
    if (!options.keepDir) rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = setTimeout(() => {
    log(`Gave up after ${options.limitMs / 1000} s.`);
    void cleanup().then(() => process.exit(1));
  }, options.limitMs);
  try {
    database = await prepareLocalDatabase(log);
    Object.assign(process.env, database.env);
    await bench(database, log);
    clearTimeout(deadline);
    await cleanup();
  } catch (error) {
    clearTimeout(deadline);
    log(`Failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await cleanup();
    process.exit(1);
  }
}
