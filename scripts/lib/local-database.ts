import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { prepareDatabase } from "../../src/server/db/bootstrap";
import { ensureDatabase, startEmbeddedPostgres, superviseEmbeddedPostgres } from "../../src/server/db/embedded-postgres";
import { choosePort } from "./ports";

// Shared by `npm run dev` and `npm start`: a real PostgreSQL (DATABASE_URL, or an embedded one under
// .data/ when it is unset), migrated, with the app role ready, plus the secrets a local run needs.

export type LocalDatabase = { env: Record<string, string>; embedded: boolean; stop: () => Promise<void> };

function persistentSecret(dataDir: string, file: string): string {
  const secretPath = path.join(dataDir, file);
  if (existsSync(secretPath)) return readFileSync(secretPath, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(secretPath, secret, { mode: 0o600 });
  return secret;
}

/** The embedded PostgreSQL's usual port; when it is taken (another checkout), the next free one is used. */
export const DEFAULT_EMBEDDED_PG_PORT = 54329;

export async function prepareLocalDatabase(
  log: (line: string) => void,
  options: {
    /** Restart the embedded PostgreSQL if it dies (long-lived runners: dev, start, e2e). */
    supervise?: boolean;
    defaultPgPort?: number;
  } = {},
): Promise<LocalDatabase> {
  const dataDir = path.resolve(process.env.BENCHFLOW_DATA_DIR ?? ".data");
  mkdirSync(dataDir, { recursive: true });
  const env: Record<string, string> = {};
  env.NEXTAUTH_SECRET = process.env.NEXTAUTH_SECRET ?? persistentSecret(dataDir, "nextauth-secret");
  env.NEXTAUTH_URL = process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  const appPassword = process.env.APP_DB_PASSWORD ?? persistentSecret(dataDir, "app-db-password");

  if (process.env.DATABASE_URL) {
    log("Using the PostgreSQL server in DATABASE_URL.");
    const { appUrl } = await prepareDatabase(process.env.DATABASE_URL, { appPassword, log });
    env.DATABASE_URL = process.env.DATABASE_URL;
    env.APP_DATABASE_URL = process.env.APP_DATABASE_URL ?? appUrl;
    return { env, embedded: false, stop: async () => {} };
  }

  const port = await choosePort({
    what: "the embedded PostgreSQL",
    envVar: "EMBEDDED_PG_PORT",
    explicit: process.env.EMBEDDED_PG_PORT,
    preferred: options.defaultPgPort ?? DEFAULT_EMBEDDED_PG_PORT,
    host: "127.0.0.1",
    log,
  });
  log(`Starting embedded PostgreSQL on 127.0.0.1:${port} (data in ${path.relative(process.cwd(), dataDir)}/pg)…`);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port, persistent: true });
  const supervisor = options.supervise ? superviseEmbeddedPostgres(server, log) : null;
  try {
    await ensureDatabase(server.url("postgres"), "benchflow");
    const ownerUrl = server.url("benchflow");
    const { appUrl } = await prepareDatabase(ownerUrl, { appPassword, log });
    env.DATABASE_URL = ownerUrl;
    env.APP_DATABASE_URL = appUrl;
  } catch (error) {
    await (supervisor?.stop() ?? server.stop());
    throw error;
  }
  return { env, embedded: true, stop: () => supervisor?.stop() ?? server.stop() };
}
