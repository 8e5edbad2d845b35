import { TRPCError } from "@trpc/server";
import { CSV_MAX_ROWS, missingColumns, parseCsv, type ParsedFile } from "~/lib/csv";

// The server side of every catalog CSV import (docs/catalog-csv.md): the file's checks before any row is read,
// and the all-or-nothing refusal after.

/** Parses an uploaded file; a missing required column, no rows or too many rows is a clear BAD_REQUEST. */
export function readCsvFile(csv: string, required: readonly string[], rowNoun: string): ParsedFile {
  const parsed = parseCsv(csv);
  const missing = missingColumns(parsed.headers, required);
  if (missing.length) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `The file is missing the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}. Download the template to see the layout.` });
  }
  if (parsed.records.length === 0) throw new TRPCError({ code: "BAD_REQUEST", message: `The file has no ${rowNoun} rows.` });
  if (parsed.records.length > CSV_MAX_ROWS) throw new TRPCError({ code: "BAD_REQUEST", message: `Import at most ${CSV_MAX_ROWS.toLocaleString("en-US")} rows at a time.` });
  return parsed;
}

/** An import refused as a whole: the first few rows that need fixing, in one BAD_REQUEST. */
export function refuseWithErrors(rows: { row: number; errors: string[] }[]): void {
  const bad = rows.filter((r) => r.errors.length > 0);
  if (bad.length === 0) return;
  const first = bad.slice(0, 5).map((r) => `row ${r.row}: ${r.errors[0]}`);
  throw new TRPCError({
    code: "BAD_REQUEST",
    message: `Nothing was imported: ${bad.length} row${bad.length === 1 ? "" : "s"} need fixing (${first.join("; ")}).`,
  });
}
