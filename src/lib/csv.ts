import Papa from "papaparse";
import { z } from "zod";

// Reading and writing the CSV files the catalog imports and exports (docs/catalog-csv.md): parsing, value
// parsers and export formatting, shared by the server and the import page. No server-only imports. Each file's
// layout lives with its feature (materials/csv-layout.ts, catalog/csv-layout.ts).
// Quantities are decimals in the material's unit, money is decimal currency, times are minutes.

export const CSV_MAX_BYTES = 1_000_000;
export const CSV_MAX_ROWS = 5_000;

/** A CSV file's text, for the import previews and imports. */
export const csvInput = z.object({
  csv: z
    .string()
    .min(1, { message: "Choose a CSV file" })
    .max(CSV_MAX_BYTES, { message: `The file is larger than ${CSV_MAX_BYTES / 1_000_000} MB: split it into smaller files` }),
});
export type CsvInput = z.infer<typeof csvInput>;

export type CsvRecord = Record<string, string>;
export type ParsedFile = { headers: string[]; records: CsvRecord[] };

/** Excel formula guards: export prefixes risky cells with ' (Papa escapeFormulae); import strips it again. */
const unescapeFormula = (value: string) => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value);

export function parseCsv(text: string): ParsedFile {
  const parsed = Papa.parse<CsvRecord>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (header) => header.trim().toLowerCase().replace(/\s+/g, "_"),
    transform: (value) => unescapeFormula(value.trim()),
  });
  return { headers: parsed.meta.fields ?? [], records: parsed.data };
}

export function toCsv(columns: readonly string[], rows: Partial<Record<string, string>>[]): string {
  return Papa.unparse({ fields: [...columns], data: rows.map((row) => columns.map((column) => row[column] ?? "")) }, { escapeFormulae: true, newline: "\n" });
}

export function missingColumns(headers: string[], required: readonly string[]): string[] {
  return required.filter((column) => !headers.includes(column));
}

// --- values ----------------------------------------------------------------------------------------------

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** "1.25" -> 1250 with `scale` 1000; "$0.95" -> 95 with scale 100 (a leading currency sign is allowed). */
export function parseDecimal(raw: string, label: string, scale: number, options: { currency?: boolean; min?: number } = {}): Parsed<number> {
  const text = options.currency ? raw.replace(/^[$€£]/, "") : raw;
  if (!/^\d+(\.\d+)?$/.test(text)) return { ok: false, error: `${label}: "${raw}" is not a number (use digits and a dot, e.g. 2.5)` };
  const value = Math.round(Number(text) * scale);
  if (value > 2_000_000_000) return { ok: false, error: `${label} is too large` };
  if (options.min !== undefined && value < options.min) return { ok: false, error: `${label} must be at least ${options.min / scale}` };
  return { ok: true, value };
}

export function parseWhole(raw: string, label: string, min = 1): Parsed<number> {
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > 1_000_000) return { ok: false, error: `${label}: "${raw}" must be a whole number of at least ${min}` };
  return { ok: true, value: Number(raw) };
}

// --- export formatting -------------------------------------------------------------------------------------

/** 1250 with scale 1000 -> "1.25"; never thousands separators. */
export function formatDecimal(value: number, scale: number, digits: number): string {
  return String(Number((value / scale).toFixed(digits)));
}

export const formatMoney = (cents: number) => (cents / 100).toFixed(2);
export const formatMinutes = (seconds: number) => formatDecimal(seconds, 60, 4);
export const formatMilli = (milli: number) => formatDecimal(milli, 1000, 3);
