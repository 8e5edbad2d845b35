import { TRPCError } from "@trpc/server";
import {
  CSV_MAX_ROWS, formatMilli, formatMoney, MATERIAL_COLUMNS, MATERIAL_REQUIRED, missingColumns, parseCategory, parseCsv,
  parseDecimal, parseUnit, toCsv, unitLabel, type CsvRecord,
} from "../csv";
import type { MaterialFields } from "./schemas";
import { appendMovement, createMaterial, updateMaterial } from "./material-stock";
import type { StudioContext } from "~/server/trpc/procedures";

export type MaterialPreviewRow = {
  row: number;
  name: string;
  action: "create" | "update";
  summary: string;
  errors: string[];
};

type Planned = { row: MaterialPreviewRow; fields: MaterialFields | null; onHandMilli: number | null; existing: Existing | null };
type Existing = { id: string; name: string; unit: string; version: number; onHandMilli: number };

/** Reads the file and the studio's materials; every row gets its errors. Writes nothing. */
async function plan(ctx: StudioContext, csv: string): Promise<Planned[]> {
  const { headers, records } = parseCsv(csv);
  const missing = missingColumns(headers, MATERIAL_REQUIRED);
  if (missing.length) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `The file is missing the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}. Download the template to see the layout.` });
  }
  if (records.length === 0) throw new TRPCError({ code: "BAD_REQUEST", message: "The file has no material rows." });
  if (records.length > CSV_MAX_ROWS) throw new TRPCError({ code: "BAD_REQUEST", message: `Import at most ${CSV_MAX_ROWS.toLocaleString("en-US")} rows at a time.` });

  const existing = await ctx.db.material.findMany({
    where: { studioId: ctx.studio.id },
    select: { id: true, name: true, unit: true, version: true, onHandMilli: true },
  });
  const byName = new Map(existing.map((m) => [m.name.toLowerCase(), m]));
  const seen = new Map<string, number>();
  return records.map((record, index) => planRow(record, index + 2, byName, seen));
}

function planRow(record: CsvRecord, rowNumber: number, byName: Map<string, Existing>, seen: Map<string, number>): Planned {
  const errors: string[] = [];
  const get = (column: string) => record[column] ?? "";
  const name = get("name");
  const take = <T,>(result: { ok: true; value: T } | { ok: false; error: string }): T | null => {
    if (result.ok) return result.value;
    errors.push(result.error);
    return null;
  };
  if (!name) errors.push("Missing name");
  else if (name.length > 120) errors.push("Name: use at most 120 characters");
  const key = name.toLowerCase();
  if (name && seen.has(key)) errors.push(`"${name}" is also on row ${seen.get(key)}`);
  else if (name) seen.set(key, rowNumber);
  const category = get("category") ? take(parseCategory(get("category"))) : (errors.push("Missing category"), null);
  const unit = get("unit") ? take(parseUnit(get("unit"))) : (errors.push("Missing unit"), null);
  const unitCost = get("unit_cost") ? take(parseDecimal(get("unit_cost"), "Unit cost", 100, { currency: true })) : (errors.push("Missing unit_cost"), null);
  const reorder = get("reorder_point") ? take(parseDecimal(get("reorder_point"), "Reorder point", 1000)) : 0;
  const onHand = get("on_hand") ? take(parseDecimal(get("on_hand"), "On hand", 1000)) : null;
  const alloy = get("alloy") || null;
  const gauge = get("gauge") || null;
  if (alloy && alloy.length > 60) errors.push("Alloy: use at most 60 characters");
  if (gauge && gauge.length > 30) errors.push("Gauge: use at most 30 characters");

  const match = name ? (byName.get(key) ?? null) : null;
  if (match && unit && match.unit !== unit) {
    errors.push(`"${match.name}" is counted in ${unitLabel(match.unit)}: change its unit on the Materials page, not by import`);
  }
  const fields =
    errors.length === 0 ? { name, category: category!, alloy, gauge, unit: unit!, unitCostCents: unitCost!, reorderPointMilli: reorder! } : null;
  const summary = [unit && unitLabel(unit), unitCost !== null && `cost ${formatMoney(unitCost)}`, onHand !== null && `on hand ${formatMilli(onHand)}`]
    .filter(Boolean)
    .join(" · ");
  return { row: { row: rowNumber, name, action: match ? "update" : "create", summary, errors }, fields, onHandMilli: onHand, existing: match };
}

export async function previewMaterials(ctx: StudioContext, csv: string) {
  const rows = (await plan(ctx, csv)).map((p) => p.row);
  return {
    rows,
    createCount: rows.filter((r) => r.action === "create").length,
    updateCount: rows.filter((r) => r.action === "update").length,
    errorCount: rows.filter((r) => r.errors.length > 0).length,
  };
}

export function refuseWithErrors(rows: { row: number; errors: string[] }[]): void {
  const bad = rows.filter((r) => r.errors.length > 0);
  if (bad.length === 0) return;
  const first = bad.slice(0, 5).map((r) => `row ${r.row}: ${r.errors[0]}`);
  throw new TRPCError({
    code: "BAD_REQUEST",
    message: `Nothing was imported: ${bad.length} row${bad.length === 1 ? "" : "s"} need fixing (${first.join("; ")}).`,
  });
}

/**
 * All or nothing, in the request's transaction: new materials are created with their opening stock
 * received through the ledger; existing ones (same name, any case) are updated with a version bump, and a
 * different on_hand is recorded as an ADJUST movement.
 */
export async function importMaterials(ctx: StudioContext, csv: string) {
  const planned = await plan(ctx, csv);
  refuseWithErrors(planned.map((p) => p.row));
  let created = 0;
  let updated = 0;
  for (const { fields, onHandMilli, existing } of planned) {
    if (!existing) {
      await createMaterial(ctx, { material: fields!, openingStockMilli: onHandMilli ?? 0 });
      created++;
      continue;
    }
    await updateMaterial(ctx, { id: existing.id, expectedVersion: existing.version, material: { ...fields!, name: existing.name } });
    if (onHandMilli !== null && onHandMilli !== existing.onHandMilli) {
      await appendMovement(ctx, { materialId: existing.id, kind: "ADJUST", quantityMilli: onHandMilli - existing.onHandMilli, note: "CSV import" });
    }
    updated++;
  }
  return { created, updated };
}

export async function exportMaterials(ctx: StudioContext): Promise<string> {
  const materials = await ctx.db.material.findMany({ where: { studioId: ctx.studio.id, archivedAt: null }, orderBy: { name: "asc" } });
  return toCsv(
    MATERIAL_COLUMNS,
    materials.map((m) => ({
      name: m.name,
      category: m.category,
      alloy: m.alloy ?? "",
      gauge: m.gauge ?? "",
      unit: unitLabel(m.unit),
      unit_cost: formatMoney(m.unitCostCents),
      reorder_point: formatMilli(m.reorderPointMilli),
      on_hand: formatMilli(m.onHandMilli),
    })),
  );
}
