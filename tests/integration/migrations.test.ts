import { createHash } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDatabase } from "~/server/db/embedded-postgres";
import { migrate, readMigrations } from "~/server/db/migrate";
import { diffSchemas, readSchema } from "~/server/db/schema-diff";
import { uniqueSuffix } from "../helpers/factories";

const ownerUrl = process.env.DATABASE_URL!;
/** Hand-written in prisma/migrations (Prisma's schema has no CHECK constraints); every other difference is drift. */
const CHECKS_ONLY_IN_MIGRATIONS = ["BatchWork_pieces_bounds", "BatchItemProgress_pieces_bounds"];
const created: string[] = [];

async function freshDatabase(label: string): Promise<string> {
  const name = `bf_${label}_${uniqueSuffix().replace(/-/g, "")}`;
  await ensureDatabase(ownerUrl, name);
  created.push(name);
  const url = new URL(ownerUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Tables, columns, types, defaults, nullability, indexes, constraints and enums, as comparable text. */
async function describeSchema(url: string): Promise<string[]> {
  const rows = await query<{ line: string }>(
    url,
    `SELECT format('column %s.%s %s null=%s default=%s', table_name, column_name, data_type, is_nullable, coalesce(column_default, '-')) AS line
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
     UNION ALL
     SELECT format('index %s', indexdef) FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
     UNION ALL
     SELECT format('constraint %s %s', conname, pg_get_constraintdef(oid)) FROM pg_constraint
       WHERE connamespace = 'public'::regnamespace AND conrelid <> 0 AND conrelid::regclass::text <> '"_prisma_migrations"' AND conrelid::regclass::text <> '_prisma_migrations'
     UNION ALL
     SELECT format('enum %s %s', t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder))
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
  );
  return rows.map((row) => row.line).sort();
}

describe("migrations", () => {
  let url: string;
  beforeAll(async () => {
    url = await freshDatabase("migrate");
  });
  afterAll(async () => {
    for (const name of created) {
      await query(ownerUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
    }
  });

  it("applies every migration once and records it like prisma migrate deploy", async () => {
    const files = readMigrations();
    const first = await migrate(url);
    expect(first.applied).toEqual(files.map((file) => file.name));

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; rolled_back_at: Date | null }>(
      url,
      'SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((row) => row.migration_name)).toEqual(files.map((file) => file.name));
    for (const [index, row] of rows.entries()) {
      expect(row.checksum).toBe(createHash("sha256").update(files[index]!.sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.rolled_back_at).toBeNull();
    }
  });

  it("is idempotent", async () => {
    const again = await migrate(url);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBe(readMigrations().length);
  });

  it("serialises concurrent runners with an advisory lock: each migration applied exactly once", async () => {
    const racing = await freshDatabase("race");
    const results = await Promise.all([migrate(racing), migrate(racing), migrate(racing)]);
    expect(results.flatMap((result) => result.applied).sort()).toEqual(readMigrations().map((file) => file.name).sort());
    const count = await query<{ n: string }>(racing, 'SELECT count(*) AS n FROM "_prisma_migrations"');
    expect(Number(count[0]!.n)).toBe(readMigrations().length);
  });

  it("produces exactly the schema that prisma/schema.prisma describes (no drift)", async () => {
    const fromSchema = await freshDatabase("fromschema");
    const sql = await diffSchemas({ from: null, to: readSchema(), databaseUrl: fromSchema });
    await query(fromSchema, sql);
    const migrated = await describeSchema(url);
    // CHECK constraints Prisma's schema cannot express: written by hand in a migration, and named here.
    const checks = migrated.filter((line) => CHECKS_ONLY_IN_MIGRATIONS.some((name) => line.startsWith(`constraint ${name} CHECK`)));
    expect(checks).toHaveLength(CHECKS_ONLY_IN_MIGRATIONS.length);
    expect(migrated.filter((line) => !checks.includes(line))).toEqual(await describeSchema(fromSchema));
  }, 60_000);
});
