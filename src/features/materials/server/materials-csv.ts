import { TRPCError } from "@trpc/server";
import { formatMilli, formatMoney, parseDecimal, toCsv, type CsvInput, type CsvRecord } from "~/lib/csv";
import type { StudioContext } from "~/server/trpc/procedures";
import { assertPlanActive } from "~/server/billing/plan-limits";
import { bulkInsert } from "~/server/db/bulk-insert";
import { readCsvFile, refuseWithErrors } from "~/server/csv-import";
import { uniqueOr } from "~/server/errors";
import { MATERIAL_COLUMNS, MATERIAL_REQUIRED, parseCategory, parseUnit, unitLabel } from "../csv-layout";
import type { MaterialFields } from "./schemas";

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
  const { records } = readCsvFile(csv, MATERIAL_REQUIRED, "material");

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

export async function previewMaterials(ctx: StudioContext, input: CsvInput) {
  const rows = (await plan(ctx, input.csv)).map((p) => p.row);
  return {
    rows,
    createCount: rows.filter((r) => r.action === "create").length,
    updateCount: rows.filter((r) => r.action === "update").length,
    errorCount: rows.filter((r) => r.errors.length > 0).length,
  };
}

/**
 * All or nothing, in the request's transaction: new materials are created with their opening stock
 * received through the ledger; existing ones (same name, any case) are updated with a version bump, and a
 * different on_hand is recorded as an ADJUST movement. Bulk writes: one statement per table and kind of
 * change, however many rows (5,000 at most).
 */
export async function importMaterials(ctx: StudioContext, input: CsvInput) {
  const planned = await plan(ctx, input.csv);
  refuseWithErrors(planned.map((p) => p.row));
  await assertPlanActive(ctx);
  const studioId = ctx.studio.id;
  const now = new Date();
  const creates = planned.filter((p) => !p.existing).map((p) => ({ id: crypto.randomUUID(), fields: p.fields!, onHandMilli: p.onHandMilli ?? 0 }));
  const updates = planned.flatMap(({ fields, existing, onHandMilli }) => (existing ? [{ fields, existing, delta: onHandMilli === null ? 0 : onHandMilli - existing.onHandMilli }] : []));

  await uniqueOr(
    bulkInsert(ctx.db, "Material", [
      { name: "id", type: "text", value: (m) => m.id },
      { name: "studioId", type: "text", constant: studioId },
      { name: "name", type: "text", value: (m) => m.fields.name },
      { name: "category", type: '"MaterialCategory"', value: (m) => m.fields.category },
      { name: "alloy", type: "text", value: (m) => m.fields.alloy ?? null },
      { name: "gauge", type: "text", value: (m) => m.fields.gauge ?? null },
      { name: "unit", type: '"MaterialUnit"', value: (m) => m.fields.unit },
      { name: "onHandMilli", type: "int", value: (m) => m.onHandMilli },
      { name: "unitCostCents", type: "int", value: (m) => m.fields.unitCostCents },
      { name: "reorderPointMilli", type: "int", value: (m) => m.fields.reorderPointMilli },
      { name: "createdAt", type: "timestamp", constant: now },
      { name: "updatedAt", type: "timestamp", constant: now },
    ], creates),
    "Someone added one of these materials while you were importing. Preview the file again.",
  );
  const balances = await updateExisting(ctx, updates, now);

  const movements = [
    ...creates.filter((m) => m.onHandMilli > 0).map((m) => ({ materialId: m.id, kind: "RECEIVE", quantityMilli: m.onHandMilli, balanceAfterMilli: m.onHandMilli, unitCostCents: m.fields.unitCostCents, note: "Opening stock" })),
    ...updates.filter((u) => u.delta !== 0).map((u) => ({ materialId: u.existing.id, kind: "ADJUST", quantityMilli: u.delta, balanceAfterMilli: balances.get(u.existing.id)!, unitCostCents: null, note: "CSV import" })),
  ];
  await bulkInsert(ctx.db, "StockMovement", [
    { name: "id", type: "text", value: () => crypto.randomUUID() },
    { name: "studioId", type: "text", constant: studioId },
    { name: "materialId", type: "text", value: (m) => m.materialId },
    { name: "kind", type: '"StockMovementKind"', value: (m) => m.kind },
    { name: "quantityMilli", type: "int", value: (m) => m.quantityMilli },
    { name: "balanceAfterMilli", type: "int", value: (m) => m.balanceAfterMilli },
    { name: "unitCostCents", type: "int", value: (m) => m.unitCostCents },
    { name: "note", type: "text", value: (m) => m.note },
    { name: "createdById", type: "text", constant: ctx.user.id },
    { name: "createdAt", type: "timestamp", constant: now },
  ], movements);
  return { created: creates.length, updated: updates.length };
}

type Update = { fields: MaterialFields | null; existing: Existing; delta: number };

/**
 * One UPDATE for every existing material: the file's fields (the name keeps its case), a version bump, and
 * the on-hand change as an increment (stock used meanwhile is not overwritten). A material edited since the
 * preview read it, or stock that would go below zero, refuses the whole import. Returns the new balances.
 */
async function updateExisting(ctx: StudioContext, updates: Update[], now: Date): Promise<Map<string, number>> {
  if (updates.length === 0) return new Map();
  const rows = updates.map((u) => ({
    id: u.existing.id, version: u.existing.version, delta: u.delta, category: u.fields!.category, alloy: u.fields!.alloy ?? null, gauge: u.fields!.gauge ?? null,
    unitCostCents: u.fields!.unitCostCents, reorderPointMilli: u.fields!.reorderPointMilli,
  }));
  const changed = await ctx.db.$queryRawUnsafe<Array<{ id: string; onHandMilli: number }>>(
    `UPDATE "Material" AS m SET "category" = t."category", "alloy" = t."alloy", "gauge" = t."gauge", "unitCostCents" = t."unitCostCents",
       "reorderPointMilli" = t."reorderPointMilli", "onHandMilli" = m."onHandMilli" + t."delta", "version" = m."version" + 1, "updatedAt" = $3::timestamp(3)
     FROM json_to_recordset($1::json) AS t("id" text, "version" int, "delta" int, "category" "MaterialCategory", "alloy" text, "gauge" text, "unitCostCents" int, "reorderPointMilli" int)
     WHERE m."id" = t."id" AND m."studioId" = $2 AND m."version" = t."version" AND m."onHandMilli" + t."delta" >= 0
     RETURNING m."id", m."onHandMilli"`,
    JSON.stringify(rows), ctx.studio.id, now.toISOString().slice(0, 23),
  );
  if (changed.length !== updates.length) {
    throw new TRPCError({ code: "CONFLICT", message: "Nothing was imported: some of these materials were changed (or their stock used) since the file was read. Preview the file again." });
  }
  return new Map(changed.map((row) => [row.id, row.onHandMilli]));
}

export async function exportMaterials(ctx: StudioContext): Promise<{ csv: string }> {
  const materials = await ctx.db.material.findMany({
    where: { studioId: ctx.studio.id, archivedAt: null },
    orderBy: { name: "asc" },
    select: { name: true, category: true, alloy: true, gauge: true, unit: true, unitCostCents: true, reorderPointMilli: true, onHandMilli: true },
  });
  const csv = toCsv(
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
  return { csv };
}
