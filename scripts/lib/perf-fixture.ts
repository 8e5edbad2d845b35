import type { Db } from "../../src/server/db/client";

// Work to report on, written straight into the database (the planner would cap batch sizes): one big order line
// of the studio's first design with steps, and `count` step-0 batches of `pieces` pieces each, assigned to the
// owner. Used by perf:api (write load) and the cluster tests (reports under load).

export async function writeBenchBatches(db: Db, studioId: string, options: { count?: number; pieces?: number } = {}) {
  const count = options.count ?? 10;
  const pieces = options.pieces ?? 10_000;
  const owner = await db.membership.findFirstOrThrow({ where: { studioId, role: "OWNER" } });
  const version = await db.designVersion.findFirst({
    where: { studioId, steps: { some: {} }, variants: { some: {} } },
    include: { variants: { orderBy: { position: "asc" }, take: 1 }, steps: { orderBy: { position: "asc" }, take: 1 } },
  });
  if (!version) throw new Error("The studio has no design with steps; cannot prepare batches to report on.");
  const variant = version.variants[0]!;
  const step = version.steps[0]!;
  const plan = await db.plan.upsert({ where: { studioId }, update: {}, create: { studioId, horizonStart: new Date(), figures: {} } });
  const number = 1 + ((await db.order.aggregate({ where: { studioId }, _max: { number: true } }))._max.number ?? 0);
  const order = await db.order.create({ data: { studioId, number, customerName: "Load test" } });
  const line = await db.orderLine.create({
    data: {
      studioId, orderId: order.id, position: 0, designVersionId: version.id, variantId: variant.id,
      designName: version.name, variantName: variant.name, sku: version.sku, quantity: pieces * count,
      dueDate: new Date(Date.now() + 30 * 86_400_000),
    },
  });
  const batchIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const startAt = new Date(Date.now() + i * 60_000);
    const batch = await db.batch.create({
      data: {
        studioId, planId: plan.id, stationId: step.stationId, personId: owner.userId, stepName: step.name, pieces,
        setupMinutes: 10, workMinutes: 60, startAt, endAt: new Date(startAt.getTime() + 70 * 60_000), locked: true,
      },
    });
    await db.batchItem.create({ data: { studioId, batchId: batch.id, orderLineId: line.id, stepPosition: 0, routingStepId: step.id, pieces } });
    batchIds.push(batch.id);
  }
  return { batchIds, orderLineId: line.id };
}
