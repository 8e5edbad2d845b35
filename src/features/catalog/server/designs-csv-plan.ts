import { parseDecimal, parseWhole, type CsvRecord, type Parsed } from "~/lib/csv";
import { readCsvFile } from "~/server/csv-import";
import { DESIGN_REQUIRED, parseOverrides } from "../csv-layout";
import { designFields, type DesignFields } from "./schemas";
import type { StudioContext } from "~/server/trpc/procedures";

// Reads a designs CSV (layout: docs/catalog-csv.md) against the studio's materials, stations, catalogs and
// designs. Every row gets its errors; nothing is written here.

export type DesignPreviewRow = { row: number; sku: string; summary: string; errors: string[] };
export type PlannedDesign = {
  sku: string;
  name: string;
  firstRow: number;
  existing: { id: string; version: number } | null;
  /** Catalog names from the file ([] = keep the design's catalogs, or the default catalog for a new design). */
  catalogNames: string[];
  fields: Omit<DesignFields, "catalogIds">;
};
export type DesignPlan = { rows: DesignPreviewRow[]; designs: PlannedDesign[]; newCatalogs: string[] };

type Step = DesignFields["steps"][number] & { number: number; row: number };
type Variant = { name: string; sku: string; bom: { materialId: string; quantityMilli: number }[]; overrides: { stepNumber: number; secondsPerPiece: number }[]; row: number };
type Group = { sku: string; rows: DesignPreviewRow[]; head: Record<string, { value: string; row: number }>; variants: Map<string, Variant>; steps: Step[] };

// Built once: zod compiles a schema on first use, and an import checks hundreds of designs.
const importedDesign = designFields.omit({ catalogIds: true });

const HEAD_COLUMNS = ["design_name", "description", "catalogs", "photo_url"] as const;

export async function planDesigns(ctx: StudioContext, csv: string): Promise<DesignPlan> {
  const { records } = readCsvFile(csv, DESIGN_REQUIRED, "design");

  const studioId = ctx.studio.id;
  const [materials, stations, catalogs, designs] = await Promise.all([
    ctx.db.material.findMany({ where: { studioId }, select: { id: true, name: true } }),
    ctx.db.station.findMany({ where: { studioId }, select: { id: true, name: true, archivedAt: true } }),
    ctx.db.catalog.findMany({ where: { studioId }, select: { name: true } }),
    ctx.db.design.findMany({ where: { studioId }, select: { id: true, sku: true, version: true, archivedAt: true } }),
  ]);
  const materialByName = new Map(materials.map((m) => [m.name.toLowerCase(), m]));
  const stationByName = new Map(stations.map((s) => [s.name.toLowerCase(), s]));
  const catalogNames = new Set(catalogs.map((c) => c.name.toLowerCase()));
  const designBySku = new Map(designs.map((d) => [d.sku, d]));

  const rows: DesignPreviewRow[] = [];
  const groups = new Map<string, Group>();
  records.forEach((record, index) => {
    const row: DesignPreviewRow = { row: index + 2, sku: record.sku ?? "", summary: "", errors: [] };
    rows.push(row);
    if (!row.sku) return void row.errors.push("Missing sku");
    let group = groups.get(row.sku);
    if (!group) groups.set(row.sku, (group = { sku: row.sku, rows: [], head: {}, variants: new Map(), steps: [] }));
    group.rows.push(row);
    readRow(record, row, group, { materialByName, stationByName });
  });

  const planned: PlannedDesign[] = [];
  const newCatalogs = new Map<string, string>();
  for (const group of groups.values()) {
    const first = group.rows[0]!;
    const existing = designBySku.get(group.sku) ?? null;
    if (existing?.archivedAt) first.errors.push(`Design ${group.sku} is archived: restore it before importing a new version`);
    const names = (group.head.catalogs?.value ?? "").split(";").map((n) => n.trim()).filter(Boolean);
    for (const name of names) if (!catalogNames.has(name.toLowerCase())) newCatalogs.set(name.toLowerCase(), name);
    const fields = buildFields(group);
    if (fields) planned.push({ sku: group.sku, name: fields.name, firstRow: first.row, existing: existing && { id: existing.id, version: existing.version }, catalogNames: names, fields });
  }
  return { rows, designs: planned, newCatalogs: [...newCatalogs.values()] };
}

type Lookups = { materialByName: Map<string, { id: string; name: string }>; stationByName: Map<string, { id: string; name: string; archivedAt: Date | null }> };

function readRow(record: CsvRecord, row: DesignPreviewRow, group: Group, lookups: Lookups) {
  const get = (column: string) => record[column] ?? "";
  const take = <T,>(result: Parsed<T>): T | null => (result.ok ? result.value : (row.errors.push(result.error), null));
  for (const column of HEAD_COLUMNS) {
    const value = get(column);
    if (!value) continue;
    const seen = group.head[column];
    if (!seen) group.head[column] = { value, row: row.row };
    else if (seen.value !== value) row.errors.push(`${column} differs from row ${seen.row} of ${group.sku}`);
  }
  const parts: string[] = [];
  const variantName = get("variant");
  if (variantName) {
    let variant = group.variants.get(variantName);
    if (!variant) group.variants.set(variantName, (variant = { name: variantName, sku: "", bom: [], overrides: [], row: row.row }));
    const sku = get("variant_sku");
    if (sku && variant.sku && sku !== variant.sku) row.errors.push(`variant_sku of ${variantName} differs from row ${variant.row}`);
    else if (sku) variant.sku = sku;
    const overrides = take(parseOverrides(get("overrides")));
    if (overrides?.length) {
      if (variant.overrides.length) row.errors.push(`Overrides for ${variantName} are already on row ${variant.row}`);
      else variant.overrides = overrides;
    }
    const materialName = get("material");
    if (materialName) {
      const material = lookups.materialByName.get(materialName.toLowerCase());
      if (!material) row.errors.push(`Unknown material "${materialName}" (import the materials CSV first)`);
      const quantity = get("quantity") ? take(parseDecimal(get("quantity"), "Quantity", 1000, { min: 1 })) : (row.errors.push("Missing quantity"), null);
      if (material && quantity !== null) variant.bom.push({ materialId: material.id, quantityMilli: quantity });
      parts.push(`${variantName}: ${get("quantity")} × ${materialName}`);
    } else {
      if (get("quantity")) row.errors.push("A quantity needs a material");
      parts.push(`${variantName}`);
    }
  } else if (get("material") || get("quantity") || get("overrides")) {
    row.errors.push("Materials, quantities and overrides need a variant");
  }

  if (get("step") || get("step_name") || get("station")) {
    const number = get("step") ? take(parseWhole(get("step"), "Step")) : (row.errors.push("Missing step number"), null);
    const name = get("step_name");
    if (!name) row.errors.push("Missing step_name");
    const stationName = get("station");
    const station = stationName ? lookups.stationByName.get(stationName.toLowerCase()) : undefined;
    if (!stationName) row.errors.push("Missing station");
    else if (!station) row.errors.push(`Unknown station "${stationName}" (add it on the Stations page first)`);
    else if (station.archivedAt) row.errors.push(`Station "${station.name}" is archived`);
    const minutes = (column: string, label: string) => (get(column) ? take(parseDecimal(get(column), label, 60)) : (row.errors.push(`Missing ${column}`), null));
    const setup = minutes("setup_min", "Setup minutes");
    const perPiece = minutes("min_per_piece", "Minutes per piece");
    const maxBatch = get("max_batch") ? take(parseWhole(get("max_batch"), "Max batch")) : null;
    const unattended = get("unattended_min") ? take(parseDecimal(get("unattended_min"), "Unattended minutes", 60, { min: 1 })) : null;
    const family = get("batch_family");
    if (number !== null && group.steps.some((s) => s.number === number)) row.errors.push(`Step ${number} of ${group.sku} is already on row ${group.steps.find((s) => s.number === number)!.row}`);
    else if (number !== null && name && station && setup !== null && perPiece !== null) {
      group.steps.push({
        number, row: row.row, name, stationId: station.id, setupSeconds: setup, secondsPerPiece: perPiece,
        batchable: Boolean(family), batchFamily: family || null, maxBatchSize: maxBatch, unattendedRunSeconds: unattended,
      });
    }
    parts.push(`step ${get("step")} ${name} @ ${stationName}`);
  } else if (!variantName && !row.errors.length) {
    row.errors.push("Fill in a variant (with its material) or a routing step");
  }
  row.summary = parts.join(" · ");
}

/** The design as the service takes it; group-level problems go on the group's first row. */
function buildFields(group: Group): PlannedDesign["fields"] | null {
  const first = group.rows[0]!;
  const steps = [...group.steps].sort((a, b) => a.number - b.number);
  const position = new Map(steps.map((s, index) => [s.number, index]));
  const variants = [...group.variants.values()].map((variant) => {
    for (const o of variant.overrides) {
      if (!position.has(o.stepNumber)) first.errors.push(`Overrides of ${variant.name} name step ${o.stepNumber}, which ${group.sku} does not have`);
    }
    return {
      name: variant.name,
      ...(variant.sku ? { sku: variant.sku } : {}),
      bom: variant.bom,
      overrides: variant.overrides.filter((o) => position.has(o.stepNumber)).map((o) => ({ step: position.get(o.stepNumber)!, secondsPerPiece: o.secondsPerPiece })),
    };
  });
  const candidate = {
    name: group.head.design_name?.value ?? "",
    sku: group.sku,
    description: group.head.description?.value ?? "",
    photoUrl: group.head.photo_url?.value || null,
    variants,
    steps: steps.map(({ number: _n, row: _r, ...step }) => step),
  };
  if (!candidate.name) first.errors.push(`Missing design_name for ${group.sku}`);
  // Row errors first: a step row with an error would otherwise also read as "no routing steps".
  if (group.rows.some((r) => r.errors.length)) return null;
  const checked = importedDesign.safeParse(candidate);
  if (checked.success) return checked.data;
  for (const issue of checked.error.issues.slice(0, 3)) first.errors.push(`${group.sku}: ${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}`);
  return null;
}
