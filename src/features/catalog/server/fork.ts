import { TRPCError } from "@trpc/server";
import type { z } from "zod";
import { assertWithinLimit } from "~/server/billing/plan-limits";
import { overridesSchema } from "../overrides";
import { readableDesignWhere, type CatalogCtx } from "./access";
import { createDesign } from "./design-write";
import { notFound } from "./errors";
import type { forkDesignInput } from "./schemas";

/**
 * Copies the current version of a design (typically one shared with this studio) into the studio's own
 * catalog as a new design it can change. The copy's stations and materials must be the studio's own: each
 * is matched by name (materials also by unit) and created when missing, with no stock.
 */
export async function forkDesign(ctx: CatalogCtx, input: z.infer<typeof forkDesignInput>) {
  const studioId = ctx.studio.id;
  // Checked before any station or material is copied (createDesign checks again; both in one transaction).
  await assertWithinLimit(ctx, "activeDesigns");
  const source = await ctx.db.design.findFirst({
    where: { id: input.id, archivedAt: null, ...readableDesignWhere(studioId) },
    select: { version: true },
  });
  if (!source) throw notFound("Design");
  const version = await ctx.db.designVersion.findFirst({
    where: { designId: input.id, number: source.version },
    select: {
      id: true, name: true, description: true, photoUrl: true,
      steps: { orderBy: { position: "asc" } },
      variants: { orderBy: { position: "asc" }, select: { name: true, overrides: true, bomLines: { orderBy: { position: "asc" } } } },
    },
  });
  if (!version) throw notFound("Design");

  const stationIds = new Map<string, string>();
  for (const step of version.steps) {
    const key = step.stationName.toLowerCase();
    if (stationIds.has(key)) continue;
    const own = await ctx.db.station.findFirst({ where: { studioId, name: { equals: step.stationName, mode: "insensitive" } }, select: { id: true } });
    const id = own?.id ?? (await ctx.db.station.create({ data: { studioId, name: step.stationName, kind: step.stationKind }, select: { id: true } })).id;
    stationIds.set(key, id);
  }
  const materialIds = new Map<string, string>();
  for (const line of version.variants.flatMap((variant) => variant.bomLines)) {
    const key = line.materialName.toLowerCase();
    if (materialIds.has(key)) continue;
    const own = await ctx.db.material.findFirst({
      where: { studioId, name: { equals: line.materialName, mode: "insensitive" } },
      select: { id: true, unit: true },
    });
    if (own && own.unit !== line.materialUnit) {
      throw new TRPCError({ code: "BAD_REQUEST", message: `Your material "${line.materialName}" uses a different unit. Rename it or change its unit first.` });
    }
    const id =
      own?.id ??
      (await ctx.db.material.create({
        data: { studioId, name: line.materialName, category: "OTHER", unit: line.materialUnit, unitCostCents: line.unitCostCents },
        select: { id: true },
      })).id;
    materialIds.set(key, id);
  }

  const created = await createDesign(ctx, {
    name: version.name,
    sku: input.sku,
    description: version.description,
    photoUrl: version.photoUrl,
    catalogIds: [input.catalogId],
    steps: version.steps.map((step) => ({
      name: step.name,
      stationId: stationIds.get(step.stationName.toLowerCase())!,
      setupSeconds: step.setupSeconds,
      secondsPerPiece: step.secondsPerPiece,
      batchable: step.batchable,
      batchFamily: step.batchFamily,
      maxBatchSize: step.maxBatchSize,
      unattendedRunSeconds: step.unattendedRunSeconds,
    })),
    variants: version.variants.map((variant) => ({
      name: variant.name,
      overrides: overridesSchema.parse(variant.overrides),
      bom: variant.bomLines.map((line) => ({ materialId: materialIds.get(line.materialName.toLowerCase())!, quantityMilli: line.quantityMilli, stepPosition: line.stepPosition })),
    })),
  });
  await ctx.db.design.updateMany({ where: { id: created.id, studioId }, data: { forkedFromVersionId: version.id } });
  return created;
}
