import pg from "pg";
import { describe, expect, it } from "vitest";

// Every table with a studioId (and Studio itself) must have row-level security enabled, forced, and a
// policy — a new tenant table without one fails here.
describe("row-level security coverage", () => {
  it("enables and forces RLS with a policy on every tenant table", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ table: string; enabled: boolean; forced: boolean; policies: string }>(
        `SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
                (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
           FROM pg_class c
          WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
            AND (c.relname = 'Studio' OR EXISTS (
              SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'studioId' AND NOT a.attisdropped))`,
      );
      expect(rows.length).toBeGreaterThanOrEqual(2);
      const missing = rows.filter((row) => !row.enabled || !row.forced || Number(row.policies) === 0).map((row) => row.table);
      expect(missing).toEqual([]);
    } finally {
      await client.end();
    }
  });
});
