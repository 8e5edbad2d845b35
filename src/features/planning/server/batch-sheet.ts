import { byStudio } from "~/server/db";
import type { StudioContext } from "~/server/trpc/procedures";
import { cutList } from "./cut-list";
import { notFound } from "~/server/errors";
import type { BatchIdInput } from "./schemas";

/** Everything the printable batch sheet shows: pieces per order, the routing around this step, materials. */
export async function batchSheet(ctx: StudioContext, input: BatchIdInput) {
  const { batchId } = input;
  const studioId = ctx.studio.id;
  const batch = await ctx.db.batch.findFirst({
    where: byStudio(studioId, { id: batchId }),
    select: {
      id: true, stepName: true, family: true, stationId: true, personId: true, pieces: true, setupMinutes: true, workMinutes: true,
      startAt: true, endAt: true, locked: true, status: true,
      items: {
        orderBy: { orderLine: { dueDate: "asc" } },
        select: {
          id: true, pieces: true, stepPosition: true,
          orderLine: { select: { id: true, designVersionId: true, designName: true, variantName: true, sku: true, quantity: true, dueDate: true, order: { select: { number: true, customerName: true, kind: true } } } },
        },
      },
    },
  });
  if (!batch) throw notFound("Batch");
  const versionIds = [...new Set(batch.items.map((i) => i.orderLine.designVersionId))];
  const steps = await ctx.db.routingStep.findMany({
    where: { designVersionId: { in: versionIds } },
    orderBy: [{ designVersionId: "asc" }, { position: "asc" }],
    select: { designVersionId: true, position: true, name: true, stationName: true },
  });
  const station = await ctx.db.station.findFirst({ where: byStudio(studioId, { id: batch.stationId }), select: { name: true } });
  const person = await ctx.db.membership.findFirst({ where: byStudio(studioId, { userId: batch.personId }), select: { user: { select: { name: true } } } });
  const materials = await cutList(ctx, { batchId });
  const routings = versionIds.map((versionId) => ({
    designName: batch.items.find((i) => i.orderLine.designVersionId === versionId)!.orderLine.designName,
    steps: steps.filter((s) => s.designVersionId === versionId).map((s) => ({ position: s.position, name: s.name, stationName: s.stationName })),
    currentPosition: batch.items.find((i) => i.orderLine.designVersionId === versionId)!.stepPosition,
  }));
  return { batch, stationName: station?.name ?? "Unknown station", personName: person?.user.name ?? "Unassigned", routings, materials: materials.materials };
}
