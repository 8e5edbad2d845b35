import { overridesSchema } from "../overrides";
import { formatMilli, formatMinutes, toCsv, type CsvInput } from "~/lib/csv";
import { refuseWithErrors } from "~/server/csv-import";
import { DESIGN_COLUMNS } from "../csv-layout";
import type { StudioContext } from "~/server/trpc/procedures";
import { createCatalog, ensureDefaultCatalog } from "./catalogs";
import { planDesigns, type PlannedDesign } from "./designs-csv-plan";
import { createDesigns, updateDesigns } from "./design-write";

export async function previewDesigns(ctx: StudioContext, input: CsvInput) {
  const plan = await planDesigns(ctx, input.csv);
  return {
    rows: plan.rows,
    designs: plan.designs.map((d) => ({
      sku: d.sku,
      name: d.name,
      action: d.existing ? ("new version" as const) : ("create" as const),
      nextVersion: d.existing ? d.existing.version + 1 : 1,
      variantCount: d.fields.variants.length,
      stepCount: d.fields.steps.length,
    })),
    newCatalogs: plan.newCatalogs,
    errorCount: plan.rows.filter((r) => r.errors.length > 0).length,
  };
}

/**
 * All or nothing, in the request's transaction: any row error refuses the file. New SKUs are created
 * (version 1) and existing SKUs get a new published version, through the same services as the design
 * form (in bulk: one statement per table for the whole file), so versioning, costing and plan limits apply
 * exactly as they do there. Catalogs named in the file that do not exist yet are created.
 */
export async function importDesigns(ctx: StudioContext, input: CsvInput) {
  const plan = await planDesigns(ctx, input.csv);
  refuseWithErrors(plan.rows);
  const studioId = ctx.studio.id;
  for (const name of plan.newCatalogs) await createCatalog(ctx, { catalog: { name, description: "" } });
  const catalogs = await ctx.db.catalog.findMany({ where: { studioId }, select: { id: true, name: true } });
  const catalogIds = new Map(catalogs.map((catalog) => [catalog.name.toLowerCase(), catalog.id]));
  const idsOf = (design: PlannedDesign) => design.catalogNames.map((name) => catalogIds.get(name.toLowerCase())!);

  // Existing designs without catalogs in the file keep theirs; new ones without go to the default catalog.
  const keep = plan.designs.filter((d) => d.existing && d.catalogNames.length === 0).map((d) => d.existing!.id);
  const entries = keep.length ? await ctx.db.catalogDesign.findMany({ where: { studioId, designId: { in: keep } }, select: { designId: true, catalogId: true } }) : [];
  const current = new Map<string, string[]>();
  for (const entry of entries) current.set(entry.designId, [...(current.get(entry.designId) ?? []), entry.catalogId]);
  const needsDefault = plan.designs.some((d) => d.catalogNames.length === 0 && !(d.existing && current.has(d.existing.id)));
  const fallback = needsDefault ? [await ensureDefaultCatalog(ctx)] : [];

  const updates = plan.designs.filter((d) => d.existing);
  const creates = plan.designs.filter((d) => !d.existing);
  await updateDesigns(ctx, updates.map((d) => {
    const ids = d.catalogNames.length ? idsOf(d) : (current.get(d.existing!.id) ?? fallback);
    return { id: d.existing!.id, expectedVersion: d.existing!.version, design: { ...d.fields, catalogIds: ids } };
  }));
  await createDesigns(ctx, creates.map((d) => ({ ...d.fields, catalogIds: d.catalogNames.length ? idsOf(d) : fallback })));
  return { created: creates.length, versioned: updates.length, catalogsCreated: plan.newCatalogs.length };
}

/** The studio's own active designs at their current version, in the import layout. */
export async function exportDesigns(ctx: StudioContext): Promise<{ csv: string }> {
  const studioId = ctx.studio.id;
  const designs = await ctx.db.design.findMany({
    where: { studioId, archivedAt: null },
    orderBy: { sku: "asc" },
    select: { id: true, sku: true, version: true, catalogs: { select: { catalog: { select: { name: true } } } } },
  });
  const versions = designs.length
    ? await ctx.db.designVersion.findMany({
        where: { studioId, OR: designs.map((d) => ({ designId: d.id, number: d.version })) },
        select: {
          designId: true, name: true, description: true, photoUrl: true,
          steps: { orderBy: { position: "asc" }, select: { position: true, name: true, setupSeconds: true, secondsPerPiece: true, batchFamily: true, maxBatchSize: true, unattendedRunSeconds: true, station: { select: { name: true } } } },
          variants: {
            orderBy: { position: "asc" },
            select: { name: true, sku: true, overrides: true, bomLines: { orderBy: { position: "asc" }, select: { quantityMilli: true, material: { select: { name: true } } } } },
          },
        },
      })
    : [];
  const byDesign = new Map(versions.map((v) => [v.designId, v]));
  const rows: Record<string, string>[] = [];
  for (const design of designs) {
    const version = byDesign.get(design.id);
    if (!version) continue;
    const head = {
      sku: design.sku,
      design_name: version.name,
      description: version.description,
      catalogs: design.catalogs.map((c) => c.catalog.name).sort().join("; "),
      photo_url: version.photoUrl ?? "",
    };
    for (const variant of version.variants) {
      const overrides = overridesSchema.parse(variant.overrides).map((o) => `${o.step + 1}=${formatMinutes(o.secondsPerPiece)}`).join("; ");
      const lines = variant.bomLines.length ? variant.bomLines : [null];
      lines.forEach((line, index) => {
        rows.push({
          ...head,
          variant: variant.name,
          variant_sku: variant.sku,
          material: line?.material.name ?? "",
          quantity: line ? formatMilli(line.quantityMilli) : "",
          overrides: index === 0 ? overrides : "",
        });
      });
    }
    for (const step of version.steps) {
      rows.push({
        ...head,
        step: String(step.position + 1),
        step_name: step.name,
        station: step.station.name,
        setup_min: formatMinutes(step.setupSeconds),
        min_per_piece: formatMinutes(step.secondsPerPiece),
        batch_family: step.batchFamily ?? "",
        max_batch: step.maxBatchSize ? String(step.maxBatchSize) : "",
        unattended_min: step.unattendedRunSeconds ? formatMinutes(step.unattendedRunSeconds) : "",
      });
    }
  }
  return { csv: toCsv(DESIGN_COLUMNS, rows) };
}
