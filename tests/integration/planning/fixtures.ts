import { runNextPlanJob } from "~/features/planning/server/plan-job";
import { systemDb } from "~/server/db";
import { callerFor } from "../../helpers/caller";
import { makeCatalogFixture, makeStudio } from "../../helpers/factories";

/**
 * The planning tests' "now": Monday 4 March 2030, 08:30 in Paris (the factory studios' zone, working
 * Mon–Fri 09:00–17:00). Plans never depend on the day the tests run.
 */
export const NOW = new Date("2030-03-04T07:30:00.000Z");
const DAY = 86_400_000;

/** "YYYY-MM-DD", `days` after NOW. */
export const dueIn = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString().slice(0, 10);

/** An instant on a day after NOW's Monday at a Paris wall-clock time (winter: UTC+1). */
export const paris = (dayOffset: number, hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return new Date(Date.UTC(2030, 2, 4 + dayOffset, h - 1, m));
};

/** A studio with the catalog fixture (solder bench ×2, tumbler) and two orders over both variants, due 6 and 9 days after `now`. */
export async function planningWorld(quantities: { size6: number; size9: number } = { size6: 4, size9: 3 }, now = NOW) {
  const due = (days: number) => new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);
  const { studio, owner } = await makeStudio();
  const catalog = await makeCatalogFixture(studio.id, owner);
  const caller = callerFor(owner);
  const variants = await caller.order.orderableVariants({ studioId: studio.id });
  const [size6, size9] = [variants.find((v) => v.variantName === "Size 6")!, variants.find((v) => v.variantName === "Size 9")!];
  const first = await caller.order.create({
    studioId: studio.id,
    order: { kind: "CUSTOMER", customerName: "Ana", notes: "", lines: [{ variantId: size6.variantId, quantity: quantities.size6, dueDate: due(6) }] },
  });
  const second = await caller.order.create({
    studioId: studio.id,
    order: { kind: "WHOLESALE", customerName: "Shop", notes: "", lines: [{ variantId: size9.variantId, quantity: quantities.size9, dueDate: due(9) }] },
  });
  return { studio, owner, caller, catalog, size6, size9, orders: [first, second], db: systemDb() };
}

/** Queues a run and lets the worker run it (the way the poller does) at `now`, with a short engine budget. */
export async function planNow(caller: ReturnType<typeof callerFor>, studioId: string, now = NOW) {
  const run = await caller.planning.requestPlan({ studioId });
  const outcome = await runNextPlanJob({ timeLimitMs: 100, now, studioId });
  return { run, outcome, after: await caller.planning.getRun({ studioId, runId: run.id }) };
}

/** Sum of batch pieces per order line and step position. */
export async function piecesByLineAndStep(studioId: string) {
  const items = await systemDb().batchItem.findMany({ where: { studioId }, select: { orderLineId: true, stepPosition: true, pieces: true } });
  const sums: Record<string, number> = {};
  for (const item of items) sums[`${item.orderLineId}#${item.stepPosition}`] = (sums[`${item.orderLineId}#${item.stepPosition}`] ?? 0) + item.pieces;
  return sums;
}

export const wideRange = () => ({ from: new Date(NOW.getTime() - DAY), to: new Date(NOW.getTime() + 40 * DAY) });
