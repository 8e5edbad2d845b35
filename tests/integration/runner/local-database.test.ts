import { mkdtempSync, rmSync, chmodSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freePort, runningPostmaster } from "~/server/db/embedded-postgres";
import { prepareLocalDatabase, type LocalDatabase } from "../../../scripts/lib/local-database";

// The runner behind `npm run dev` / `npm start` (scripts/lib): its own embedded PostgreSQL in a data folder, on a
// free port, kept alive. Each test uses a throwaway data folder; the shared test database is not involved.

const VARIABLES = ["DATABASE_URL", "APP_DATABASE_URL", "EMBEDDED_PG_PORT", "APP_DB_PASSWORD", "BENCHFLOW_DATA_DIR"];
const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
let dataDir: string;
let database: LocalDatabase | undefined;
let blocker: Server | undefined;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "benchflow-runner-"));
  chmodSync(dataDir, 0o755); // embedded PostgreSQL may run initdb as another user
  for (const name of VARIABLES) delete process.env[name];
  process.env.BENCHFLOW_DATA_DIR = dataDir;
});

afterEach(async () => {
  await database?.stop();
  database = undefined;
  await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()));
  blocker = undefined;
  rmSync(dataDir, { recursive: true, force: true });
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

/** Something else listening on a port (another checkout's PostgreSQL, say). */
async function occupyPort(): Promise<number> {
  const port = await freePort();
  blocker = createServer();
  await new Promise<void>((resolve) => blocker!.listen(port, "127.0.0.1", resolve));
  return port;
}

async function query(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  await client.connect();
  try {
    return (await client.query("SELECT count(*)::int AS n FROM \"_prisma_migrations\"")).rows[0].n;
  } finally {
    await client.end();
  }
}

describe("the dev/start runner's database", () => {
  it("starts beside another checkout (its usual port taken) and restarts PostgreSQL when it dies", async () => {
    const taken = await occupyPort();
    const lines: string[] = [];
    database = await prepareLocalDatabase((line) => lines.push(line), { supervise: true, defaultPgPort: taken });
    const url = database.env.DATABASE_URL!;
    expect(new URL(url).port).not.toBe(String(taken));
    expect(lines.join("\n")).toContain(`Port ${taken} for the embedded PostgreSQL is in use`);
    const migrations = await query(url);
    expect(migrations).toBeGreaterThan(0);

    const first = runningPostmaster(path.join(dataDir, "pg"))!;
    process.kill(first.pid, "SIGKILL");
    const deadline = Date.now() + 30_000;
    let back = false;
    while (!back && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      back = await query(url).then((n) => n === migrations, () => false);
    }
    expect(back, "PostgreSQL should be running again").toBe(true);
    expect(runningPostmaster(path.join(dataDir, "pg"))!.pid).not.toBe(first.pid);
    expect(lines.join("\n")).toContain("PostgreSQL stopped unexpectedly");

    await database.stop();
    database = undefined;
    expect(runningPostmaster(path.join(dataDir, "pg"))).toBeNull();
  }, 90_000);

  it("says which port is taken and how to choose another when EMBEDDED_PG_PORT is in use", async () => {
    const taken = await occupyPort();
    process.env.EMBEDDED_PG_PORT = String(taken);
    const failure = await prepareLocalDatabase(() => {}, { supervise: true }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toContain(`Port ${taken} for the embedded PostgreSQL is already in use`);
    expect((failure as Error).message).toContain("EMBEDDED_PG_PORT=");
  }, 30_000);
});
