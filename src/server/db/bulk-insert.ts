import type pg from "pg";
import type { TenantDb } from "./tenant";

// Bulk inserts, COPY-style: one `INSERT ... SELECT FROM json_to_recordset($1)` per table, all rows passed as
// one JSON parameter. Thousands of rows cost one round trip and one statement instead of one per row (or per
// chunk of rows); one string parameter also keeps Prisma's per-parameter work out of the way (an array per
// column cost twice as much through Prisma). It works inside a tenant transaction: the rows go through
// row-level security's WITH CHECK like any other insert.

export type BulkValue = string | number | boolean | Date | null | object;
/** The column's SQL type: text, int, bool, timestamp(3), jsonb, or an enum's quoted name like `"BatchStatus"`. */
export type BulkType = "text" | "int" | "bool" | "timestamp" | "jsonb" | `"${string}"`;
/** A column read from each row, or one value for every row (sent once, not once per row). */
export type BulkColumn<R> = { name: string; type: BulkType } & ({ value: (row: R) => BulkValue } | { constant: BulkValue });

const sqlType = (type: BulkType) => (type === "timestamp" ? "timestamp(3)" : type);
// timestamp(3) columns hold UTC; pass naive ISO strings so the session time zone cannot shift them.
const jsonValue = (value: BulkValue) => (value instanceof Date ? value.toISOString().slice(0, 23) : value);

type Prepared<R> = { sql: string; constants: BulkValue[]; perRow: Array<{ name: string; value: (row: R) => BulkValue }> };

function prepare<R>(table: string, columns: ReadonlyArray<BulkColumn<R>>): Prepared<R> {
  const constants: BulkValue[] = [];
  const perRow: Prepared<R>["perRow"] = [];
  const select = columns.map((c) => {
    if ("constant" in c) {
      constants.push(jsonValue(c.constant));
      return `$${constants.length + 1}::${sqlType(c.type)}`;
    }
    perRow.push({ name: c.name, value: c.value });
    return `"${c.name}"`;
  });
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  const record = columns.filter((c) => !("constant" in c)).map((c) => `"${c.name}" ${sqlType(c.type)}`).join(", ");
  return { sql: `INSERT INTO "${table}" (${names}) SELECT ${select.join(", ")} FROM json_to_recordset($1::json) AS t(${record})`, constants, perRow };
}

type Target = TenantDb | pg.ClientBase;

/**
 * Inserts the rows into `table`, one statement (or one per `chunk` rows, for generated data sets too large to
 * pass as one parameter); `onConflictDoNothing` skips rows that already exist. Returns the number of rows written.
 */
export async function bulkInsert<R>(
  target: Target,
  table: string,
  columns: Array<BulkColumn<R>>,
  rows: readonly R[],
  options: { chunk?: number; onConflictDoNothing?: boolean } = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  const prepared = prepare(table, columns);
  const { constants, perRow } = prepared;
  const sql = options.onConflictDoNothing ? `${prepared.sql} ON CONFLICT DO NOTHING` : prepared.sql;
  const chunk = options.chunk ?? rows.length;
  let written = 0;
  for (let from = 0; from < rows.length; from += chunk) {
    const json = JSON.stringify(rows.slice(from, from + chunk).map((row) => Object.fromEntries(perRow.map((c) => [c.name, jsonValue(c.value(row))]))));
    if ("$executeRawUnsafe" in target) written += await target.$executeRawUnsafe(sql, json, ...constants);
    else written += (await target.query(sql, [json, ...constants])).rowCount ?? 0;
  }
  return written;
}
