import { runNextPlanJob } from "~/server/jobs/plan-worker";
import { systemDb } from "~/server/db";
import { callerFor } from "../../helpers/caller";
import { makeCatalogFixture, makeStudio } from "../../helpers/factories";
import { inDays } from "../orders/fixtures";

/** A studio with the catalog fixture (solder bench ×2, tumbler) and two orders over both variants. */
export async function planningWorld(quantities: { size6: number; size9: number } = { size6: 4, size9: 3 }) {
  const { studio, owner } = await makeStudio();
  const catalog = await makeCatalogFixture(studio.id, owner);
  const caller = callerFor(owner);
  const variants = await caller.order.orderableVariants({ studioId: studio.id });
  const [size6, size9] = [variants.find((v) => v.variantName === "Size 6")!, variants.find((v) => v.variantName === "Size 9")!];
  const first = await caller.order.create({
    studioId: studio.id,
    order: { kind: "CUSTOMER", customerName: "Ana", notes: "", lines: [{ variantId: size6.variantId, quantity: quantities.size6, dueDate: inDays(6) }] },
  });
  const second = await caller.order.create({
    studioId: studio.id,
    order: { kind: "WHOLESALE", customerName: "Shop", notes: "", lines: [{ variantId: size9.variantId, quantity: quantities.size9, dueDate: inDays(9) }] },
  });
  return { studio, owner, caller, catalog, size6, size9, orders: [first, second], db: systemDb() };
}

/** Queues a run and lets the worker run it (the way the poller does), with a short engine budget. */
export async function planNow(caller: ReturnType<typeof callerFor>, studioId: string) {
  const run = await caller.planning.requestPlan({ studioId });
  const outcome = await runNextPlanJob({ timeLimitMs: 100 });
  return { run, outcome, after: await caller.planning.getRun({ studioId, runId: run.id }) };
}

/** Sum of batch pieces per order line and step position. */
export async function piecesByLineAndStep(studioId: string) {
  const items = await systemDb().batchItem.findMany({ where: { studioId }, select: { orderLineId: true, stepPosition: true, pieces: true } });
  const sums: Record<string, number> = {};
  for (const item of items) sums[`${item.orderLineId}#${item.stepPosition}`] = (sums[`${item.orderLineId}#${item.stepPosition}`] ?? 0) + item.pieces;
  return sums;
}

export const wideRange = () => ({ from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 40 * 86_400_000) });
