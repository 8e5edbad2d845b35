import Papa from "papaparse";
import { MATERIAL_CATEGORIES, MATERIAL_UNITS, UNIT_LABELS, type MaterialUnitName } from "./units";

// Catalog CSV layouts (docs/catalog-csv.md), shared by the server and the import page. No server-only imports.
// Quantities are decimals in the material's unit, money is decimal currency, times are minutes.

export const CSV_MAX_BYTES = 1_000_000;
export const CSV_MAX_ROWS = 5_000;

export const MATERIAL_COLUMNS = ["name", "category", "alloy", "gauge", "unit", "unit_cost", "reorder_point", "on_hand"] as const;
export const MATERIAL_REQUIRED = ["name", "category", "unit", "unit_cost"] as const;

export const DESIGN_COLUMNS = [
  "sku", "design_name", "description", "catalogs", "photo_url",
  "variant", "variant_sku", "material", "quantity", "overrides",
  "step", "step_name", "station", "setup_min", "min_per_piece", "batch_family", "max_batch", "unattended_min",
] as const;
export const DESIGN_REQUIRED = ["sku", "design_name", "variant", "material", "quantity", "step", "step_name", "station", "setup_min", "min_per_piece"] as const;

export const MATERIALS_TEMPLATE = toCsv(MATERIAL_COLUMNS, [
  { name: "Sterling wire 18ga", category: "METAL", alloy: "925", gauge: "18", unit: "g", unit_cost: "0.95", reorder_point: "50", on_hand: "120.5" },
  { name: "Jump ring 5mm", category: "FINDING", alloy: "925", gauge: "", unit: "pcs", unit_cost: "0.12", reorder_point: "100", on_hand: "400" },
]);

export const DESIGNS_TEMPLATE = toCsv(DESIGN_COLUMNS, [
  { sku: "RING-1", design_name: "Stacking ring", description: "A hammered band", catalogs: "Rings", variant: "Size 6", variant_sku: "RING-1-6", material: "Sterling wire 18ga", quantity: "2" },
  { sku: "RING-1", design_name: "Stacking ring", variant: "Size 9", variant_sku: "RING-1-9", material: "Sterling wire 18ga", quantity: "3", overrides: "1=6" },
  { sku: "RING-1", design_name: "Stacking ring", step: "1", step_name: "Solder join", station: "Solder bench", setup_min: "10", min_per_piece: "4", batch_family: "hard-solder", max_batch: "20" },
  { sku: "RING-1", design_name: "Stacking ring", step: "2", step_name: "Tumble", station: "Tumbler", setup_min: "5", min_per_piece: "0.5", batch_family: "tumble-steel", max_batch: "5", unattended_min: "120" },
]);

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

export function parseUnit(raw: string): Parsed<MaterialUnitName> {
  const key = raw.toUpperCase();
  const unit = MATERIAL_UNITS.find((u) => u === key || UNIT_LABELS[u] === raw.toLowerCase());
  if (unit) return { ok: true, value: unit };
  return { ok: false, error: `Unit "${raw}" is not one of ${MATERIAL_UNITS.map((u) => UNIT_LABELS[u]).join(", ")}` };
}

export function parseCategory(raw: string): Parsed<(typeof MATERIAL_CATEGORIES)[number]> {
  const category = MATERIAL_CATEGORIES.find((c) => c === raw.toUpperCase());
  if (category) return { ok: true, value: category };
  return { ok: false, error: `Category "${raw}" is not one of ${MATERIAL_CATEGORIES.join(", ")}` };
}

/** Overrides "1=6; 2=0.5" (routing step number = minutes per piece) -> [{ step: 0, secondsPerPiece: 360 }, …]. */
export function parseOverrides(raw: string): Parsed<{ stepNumber: number; secondsPerPiece: number }[]> {
  if (!raw) return { ok: true, value: [] };
  const result: { stepNumber: number; secondsPerPiece: number }[] = [];
  for (const part of raw.split(";").map((p) => p.trim()).filter(Boolean)) {
    const match = /^(\d+)\s*=\s*(\d+(?:\.\d+)?)$/.exec(part);
    if (!match) return { ok: false, error: `Overrides: "${part}" should look like 1=6 (step 1, 6 minutes per piece)` };
    result.push({ stepNumber: Number(match[1]), secondsPerPiece: Math.round(Number(match[2]) * 60) });
  }
  return { ok: true, value: result };
}

// --- export formatting -------------------------------------------------------------------------------------

/** 1250 with scale 1000 -> "1.25"; never thousands separators. */
export function formatDecimal(value: number, scale: number, digits: number): string {
  return String(Number((value / scale).toFixed(digits)));
}

/** GRAM -> "g" (what the unit column holds; the import accepts either). */
export const unitLabel = (unit: string) => UNIT_LABELS[unit as MaterialUnitName] ?? unit;

export const formatMoney = (cents: number) => (cents / 100).toFixed(2);
export const formatMinutes = (seconds: number) => formatDecimal(seconds, 60, 4);
export const formatMilli = (milli: number) => formatDecimal(milli, 1000, 3);
