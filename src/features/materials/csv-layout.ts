import { toCsv, type Parsed } from "~/lib/csv";
import { MATERIAL_CATEGORIES, MATERIAL_UNITS, UNIT_LABELS, type MaterialUnitName } from "~/lib/units";

// The materials CSV layout (docs/catalog-csv.md), shared by the server and the import page. No server-only imports.

export const MATERIAL_COLUMNS = ["name", "category", "alloy", "gauge", "unit", "unit_cost", "reorder_point", "on_hand"] as const;
export const MATERIAL_REQUIRED = ["name", "category", "unit", "unit_cost"] as const;

export const MATERIALS_TEMPLATE = toCsv(MATERIAL_COLUMNS, [
  { name: "Sterling wire 18ga", category: "METAL", alloy: "925", gauge: "18", unit: "g", unit_cost: "0.95", reorder_point: "50", on_hand: "120.5" },
  { name: "Jump ring 5mm", category: "FINDING", alloy: "925", gauge: "", unit: "pcs", unit_cost: "0.12", reorder_point: "100", on_hand: "400" },
]);

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

/** GRAM -> "g" (what the unit column holds; the import accepts either). */
export const unitLabel = (unit: string) => UNIT_LABELS[unit as MaterialUnitName] ?? unit;
