import { overridesSchema } from "../overrides";
import { DESIGN_COLUMNS, formatMilli, formatMinutes, toCsv } from "../csv";
import { createCatalog, ensureDefaultCatalog } from "./catalogs";
import { refuseWithErrors } from "./csv-materials";
import { planDesigns } from "./csv-designs-plan";
import { createDesign, updateDesign } from "./design-write";
import type { StudioContext } from "~/server/trpc/procedures";

export async function previewDesigns(ctx: StudioContext, csv: string) {
  const plan = await planDesigns(ctx, csv);
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
 * form, so versioning, costing and plan limits apply exactly as they do there. Catalogs named in the file
 * that do not exist yet are created.
 */
export async function importDesigns(ctx: StudioContext, csv: string) {
  const plan = await planDesigns(ctx, csv);
  refuseWithErrors(plan.rows);
  const catalogIds = new Map<string, string>();
  for (const name of plan.newCatalogs) await createCatalog(ctx, { catalog: { name, description: "" } });
  const catalogs = await ctx.db.catalog.findMany({ where: { studioId: ctx.studio.id }, select: { id: true, name: true } });
  for (const catalog of catalogs) catalogIds.set(catalog.name.toLowerCase(), catalog.id);

  let created = 0;
  let versioned = 0;
  for (const design of plan.designs) {
    let ids = design.catalogNames.map((name) => catalogIds.get(name.toLowerCase())!);
    if (design.existing) {
      if (ids.length === 0) {
        const entries = await ctx.db.catalogDesign.findMany({ where: { studioId: ctx.studio.id, designId: design.existing.id }, select: { catalogId: true } });
        ids = entries.map((entry) => entry.catalogId);
        if (ids.length === 0) ids = [await ensureDefaultCatalog(ctx)];
      }
      await updateDesign(ctx, { id: design.existing.id, expectedVersion: design.existing.version, design: { ...design.fields, catalogIds: ids } });
      versioned++;
    } else {
      if (ids.length === 0) ids = [await ensureDefaultCatalog(ctx)];
      await createDesign(ctx, { ...design.fields, catalogIds: ids });
      created++;
    }
  }
  return { created, versioned, catalogsCreated: plan.newCatalogs.length };
}

/** The studio's own active designs at their current version, in the import layout. */
export async function exportDesigns(ctx: StudioContext): Promise<string> {
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
  return toCsv(DESIGN_COLUMNS, rows);
}
