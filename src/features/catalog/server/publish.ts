import { TRPCError } from "@trpc/server";
import { bulkInsert } from "~/server/db/bulk-insert";
import { standardCost } from "../costing";
import type { CatalogCtx } from "./access";
import type { DesignFields } from "./schemas";
import { resolveVariantSkus } from "./variant-skus";

type Content = Pick<DesignFields, "name" | "sku" | "description" | "photoUrl" | "variants" | "steps">;
export type Publication = { designId: string; number: number; content: Content };

/**
 * Writes one immutable version of each design: its variants, BOM lines and routing steps as rows, with the
 * material and station details and the standard cost copied in, so the version reads the same forever
 * (and a studio it is shared with never needs the owner's inventory). Materials and stations are looked
 * up in the caller's studio only; an unknown id is a BAD_REQUEST (composite keys would refuse it anyway).
 * One bulk insert per table however many designs (the design form publishes one, a CSV import hundreds).
 * Returns the new versions' ids, in order.
 */
export async function publishVersions(ctx: CatalogCtx, publications: Publication[]): Promise<string[]> {
  const studioId = ctx.studio.id;
  const contents = publications.map((p) => p.content);
  const materialIds = [...new Set(contents.flatMap((c) => c.variants.flatMap((variant) => variant.bom.map((line) => line.materialId))))];
  const stationIds = [...new Set(contents.flatMap((c) => c.steps.map((step) => step.stationId)))];
  const [materials, stations, studio] = await Promise.all([
    ctx.db.material.findMany({ where: { studioId, id: { in: materialIds } }, select: { id: true, name: true, unit: true, unitCostCents: true, archivedAt: true } }),
    ctx.db.station.findMany({ where: { studioId, id: { in: stationIds } }, select: { id: true, name: true, kind: true, archivedAt: true } }),
    ctx.db.studio.findFirstOrThrow({ where: { id: studioId }, select: { labourRateCents: true, costingBatchSize: true } }),
  ]);
  const materialById = new Map(materials.map((m) => [m.id, m]));
  const stationById = new Map(stations.map((s) => [s.id, s]));
  if (materialById.size !== materialIds.length) throw new TRPCError({ code: "BAD_REQUEST", message: "A bill of materials names a material this studio does not have." });
  if (stationById.size !== stationIds.length) throw new TRPCError({ code: "BAD_REQUEST", message: "A routing step names a station this studio does not have." });
  const skus = await resolveVariantSkus(ctx, publications);

  const versions = publications.map((p) => ({ ...p, id: crypto.randomUUID() }));
  const steps = versions.flatMap((version) =>
    version.content.steps.map((step, position) => {
      const station = stationById.get(step.stationId)!;
      return { ...step, batchFamily: step.batchable ? step.batchFamily : null, position, designVersionId: version.id, stationName: station.name, stationKind: station.kind };
    }),
  );
  const stepsOf = new Map<string, typeof steps>();
  for (const step of steps) stepsOf.set(step.designVersionId, [...(stepsOf.get(step.designVersionId) ?? []), step]);
  const variants = versions.flatMap((version, index) => {
    const ownSteps = stepsOf.get(version.id) ?? [];
    return version.content.variants.map((variant, position) => {
      const beyond = variant.bom.findIndex((line) => line.stepPosition != null && line.stepPosition >= ownSteps.length);
      if (beyond >= 0) {
        throw new TRPCError({ code: "BAD_REQUEST", message: `${variant.name}: material ${beyond + 1} is used at step ${variant.bom[beyond]!.stepPosition! + 1}, which the routing does not have.` });
      }
      const id = crypto.randomUUID();
      const bom = variant.bom.map((line, linePosition) => {
        const material = materialById.get(line.materialId)!;
        return { variantId: id, position: linePosition, materialId: material.id, materialName: material.name, materialUnit: material.unit, unitCostCents: material.unitCostCents, quantityMilli: line.quantityMilli, stepPosition: line.stepPosition ?? null };
      });
      const overrides = variant.overrides.filter((o) => o.step < ownSteps.length);
      return { id, designVersionId: version.id, position, name: variant.name, sku: skus[index]![position]!, overrides, bom, cost: standardCost(bom, ownSteps, overrides, studio) };
    });
  });

  await bulkInsert(ctx.db, "DesignVersion", [
    { name: "id", type: "text", value: (v) => v.id },
    { name: "studioId", type: "text", constant: studioId },
    { name: "designId", type: "text", value: (v) => v.designId },
    { name: "number", type: "int", value: (v) => v.number },
    { name: "name", type: "text", value: (v) => v.content.name },
    { name: "sku", type: "text", value: (v) => v.content.sku },
    { name: "description", type: "text", value: (v) => v.content.description },
    { name: "photoUrl", type: "text", value: (v) => v.content.photoUrl ?? null },
    { name: "labourRateCents", type: "int", constant: studio.labourRateCents },
    { name: "costingBatchSize", type: "int", constant: studio.costingBatchSize },
    { name: "createdById", type: "text", constant: ctx.user.id },
  ], versions);
  await bulkInsert(ctx.db, "RoutingStep", [
    { name: "id", type: "text", value: () => crypto.randomUUID() },
    { name: "studioId", type: "text", constant: studioId },
    { name: "designVersionId", type: "text", value: (s) => s.designVersionId },
    { name: "position", type: "int", value: (s) => s.position },
    { name: "name", type: "text", value: (s) => s.name },
    { name: "stationId", type: "text", value: (s) => s.stationId },
    { name: "stationName", type: "text", value: (s) => s.stationName },
    { name: "stationKind", type: '"StationKind"', value: (s) => s.stationKind },
    { name: "setupSeconds", type: "int", value: (s) => s.setupSeconds },
    { name: "secondsPerPiece", type: "int", value: (s) => s.secondsPerPiece },
    { name: "batchable", type: "bool", value: (s) => s.batchable },
    { name: "batchFamily", type: "text", value: (s) => s.batchFamily ?? null },
    { name: "maxBatchSize", type: "int", value: (s) => s.maxBatchSize ?? null },
    { name: "unattendedRunSeconds", type: "int", value: (s) => s.unattendedRunSeconds ?? null },
  ], steps);
  await bulkInsert(ctx.db, "DesignVariant", [
    { name: "id", type: "text", value: (v) => v.id },
    { name: "studioId", type: "text", constant: studioId },
    { name: "designVersionId", type: "text", value: (v) => v.designVersionId },
    { name: "position", type: "int", value: (v) => v.position },
    { name: "name", type: "text", value: (v) => v.name },
    { name: "sku", type: "text", value: (v) => v.sku },
    { name: "overrides", type: "jsonb", value: (v) => v.overrides },
    { name: "materialCostCents", type: "int", value: (v) => v.cost.materialCostCents },
    { name: "labourCostCents", type: "int", value: (v) => v.cost.labourCostCents },
    { name: "standardCostCents", type: "int", value: (v) => v.cost.standardCostCents },
  ], variants);
  await bulkInsert(ctx.db, "BomLine", [
    { name: "id", type: "text", value: () => crypto.randomUUID() },
    { name: "studioId", type: "text", constant: studioId },
    { name: "variantId", type: "text", value: (l) => l.variantId },
    { name: "position", type: "int", value: (l) => l.position },
    { name: "materialId", type: "text", value: (l) => l.materialId },
    { name: "materialName", type: "text", value: (l) => l.materialName },
    { name: "materialUnit", type: '"MaterialUnit"', value: (l) => l.materialUnit },
    { name: "unitCostCents", type: "int", value: (l) => l.unitCostCents },
    { name: "quantityMilli", type: "int", value: (l) => l.quantityMilli },
    { name: "stepPosition", type: "int", value: (l) => l.stepPosition },
  ], variants.flatMap((v) => v.bom));
  return versions.map((v) => v.id);
}
