// Writes prisma/migrations/<timestamp>_<name>/migration.sql for the changes in prisma/schema.prisma since
// the last generated migration, offline. Usage: npm run db:new-migration -- <name>
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, startEmbeddedPostgres } from "../src/server/db/embedded-postgres";
import { diffSchemas, readSchema } from "../src/server/db/schema-diff";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:new-migration -- <name_in_snake_case>");
  process.exit(1);
}
const snapshotPath = path.resolve("prisma/migrations/schema.snapshot.prisma");
const previous = existsSync(snapshotPath) ? readFileSync(snapshotPath, "utf8") : null;
const current = readSchema();

const server = await startEmbeddedPostgres({
  dataDir: path.join(tmpdir(), `benchflow-migration-${process.pid}`),
  port: await freePort(),
  persistent: false,
});
try {
  const sql = await diffSchemas({ from: previous, to: current, databaseUrl: server.url("postgres") });
  if (!sql.trim() || /^-- This is an empty migration\.?\s*$/.test(sql.trim())) {
    console.log("No schema changes since the last migration.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.resolve("prisma/migrations", `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    writeFileSync(snapshotPath, current);
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql — review it, then commit it.`);
  }
} finally {
  await server.stop();
}
