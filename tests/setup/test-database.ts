import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { ensureDatabase, freePort, startEmbeddedPostgres, type EmbeddedServer } from "../../src/server/db/embedded-postgres";
import { prepareDatabase } from "../../src/server/db/bootstrap";

export const TEST_APP_PASSWORD = "benchflow_app_test";

export type TestDatabase = { ownerUrl: string; appUrl: string; server: EmbeddedServer | null; drop: () => Promise<void> };

/**
 * A fresh database with migrations applied: on the server in DATABASE_URL when it is set, otherwise on
 * an embedded PostgreSQL started for this run in a temporary folder.
 */
export async function createTestDatabase(
  name: string,
  options: { forceEmbedded?: boolean; persistent?: boolean } = {},
): Promise<TestDatabase> {
  const external = options.forceEmbedded ? undefined : process.env.DATABASE_URL;
  const dataDir = path.join(tmpdir(), `benchflow-test-pg-${process.pid}-${name}`);
  const server = external
    ? null
    : await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: options.persistent ?? false });
  const adminUrl = server ? server.url("postgres") : external!;
  const database = `${name}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.end();
  await ensureDatabase(adminUrl, database);
  const ownerUrl = new URL(adminUrl);
  ownerUrl.pathname = `/${database}`;
  const { appUrl } = await prepareDatabase(ownerUrl.toString(), { appPassword: TEST_APP_PASSWORD });
  return {
    ownerUrl: ownerUrl.toString(),
    appUrl,
    server,
    drop: async () => {
      if (server) {
        await server.stop();
        if (options.persistent) rmSync(dataDir, { recursive: true, force: true });
        return;
      }
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await client.end();
    },
  };
}
