import { TRPCError } from "@trpc/server";
import { standardCost } from "../costing";
import type { DesignFields } from "./schemas";
import { resolveVariantSkus } from "./variant-skus";
import type { StudioContext } from "~/server/trpc/procedures";

type Content = Pick<DesignFields, "name" | "sku" | "description" | "photoUrl" | "variants" | "steps">;

/**
 * Writes one immutable version of a design: its variants, BOM lines and routing steps as rows, with the
 * material and station details and the standard cost copied in, so the version reads the same forever
 * (and a studio it is shared with never needs the owner's inventory). Materials and stations are looked
 * up in the caller's studio only; an unknown id is a BAD_REQUEST (composite keys would refuse it anyway).
 */
export async function publishVersion(ctx: StudioContext, designId: string, number: number, content: Content) {
  const studioId = ctx.studio.id;
  const materialIds = [...new Set(content.variants.flatMap((variant) => variant.bom.map((line) => line.materialId)))];
  const stationIds = [...new Set(content.steps.map((step) => step.stationId))];
  const [materials, stations, studio] = await Promise.all([
    ctx.db.material.findMany({ where: { studioId, id: { in: materialIds } }, select: { id: true, name: true, unit: true, unitCostCents: true, archivedAt: true } }),
    ctx.db.station.findMany({ where: { studioId, id: { in: stationIds } }, select: { id: true, name: true, kind: true, archivedAt: true } }),
    ctx.db.studio.findFirstOrThrow({ where: { id: studioId }, select: { labourRateCents: true, costingBatchSize: true } }),
  ]);
  const materialById = new Map(materials.map((m) => [m.id, m]));
  const stationById = new Map(stations.map((s) => [s.id, s]));
  if (materialById.size !== materialIds.length) throw new TRPCError({ code: "BAD_REQUEST", message: "A bill of materials names a material this studio does not have." });
  if (stationById.size !== stationIds.length) throw new TRPCError({ code: "BAD_REQUEST", message: "A routing step names a station this studio does not have." });

  const skus = await resolveVariantSkus(ctx, designId, content);
  const version = await ctx.db.designVersion.create({
    data: {
      studioId,
      designId,
      number,
      name: content.name,
      sku: content.sku,
      description: content.description,
      photoUrl: content.photoUrl,
      labourRateCents: studio.labourRateCents,
      costingBatchSize: studio.costingBatchSize,
      createdById: ctx.user.id,
    },
    select: { id: true },
  });
  const steps = content.steps.map((step, position) => {
    const station = stationById.get(step.stationId)!;
    return {
      ...step,
      batchFamily: step.batchable ? step.batchFamily : null,
      position,
      studioId,
      designVersionId: version.id,
      stationName: station.name,
      stationKind: station.kind,
    };
  });
  await ctx.db.routingStep.createMany({ data: steps });

  for (const [position, variant] of content.variants.entries()) {
    const beyond = variant.bom.findIndex((line) => line.stepPosition != null && line.stepPosition >= steps.length);
    if (beyond >= 0) {
      throw new TRPCError({ code: "BAD_REQUEST", message: `${variant.name}: material ${beyond + 1} is used at step ${variant.bom[beyond]!.stepPosition! + 1}, which the routing does not have.` });
    }
    const bom = variant.bom.map((line, linePosition) => {
      const material = materialById.get(line.materialId)!;
      return {
        studioId,
        position: linePosition,
        materialId: material.id,
        materialName: material.name,
        materialUnit: material.unit,
        unitCostCents: material.unitCostCents,
        quantityMilli: line.quantityMilli,
        stepPosition: line.stepPosition ?? null,
      };
    });
    const overrides = variant.overrides.filter((o) => o.step < steps.length);
    const cost = standardCost(bom, steps, overrides, studio);
    await ctx.db.designVariant.create({
      data: {
        studioId,
        designVersionId: version.id,
        position,
        name: variant.name,
        sku: skus[position]!,
        overrides,
        materialCostCents: cost.materialCostCents,
        labourCostCents: cost.labourCostCents,
        standardCostCents: cost.standardCostCents,
        bomLines: { createMany: { data: bom.map(({ studioId: _s, ...line }) => line) } },
      },
    });
  }
  return version.id;
}
