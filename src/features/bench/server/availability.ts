
import type { StudioContext } from "~/server/trpc/procedures";
// Partial quantities flow on: at step k > 0 of an order line, the pieces ready are the pieces done at step
// k-1 of that line (across all batches) minus the pieces already done or scrapped at step k (across all
// batches). Step 0 is always ready. An item can never take more than its own remaining pieces.

export type ItemRef = { orderLineId: string; stepPosition: number; pieces: number; done: number; scrapped: number };

const key = (orderLineId: string, step: number) => `${orderLineId}#${step}`;

/** Pieces ready per (line, step) for the later steps among the items: done upstream minus used here. */
export async function lineReadiness(ctx: StudioContext, items: Array<Pick<ItemRef, "orderLineId" | "stepPosition">>) {
  const lineIds = [...new Set(items.filter((item) => item.stepPosition > 0).map((item) => item.orderLineId))];
  const ready = new Map<string, number>();
  if (lineIds.length === 0) return ready;
  const sums = await ctx.db.batchItemProgress.groupBy({
    by: ["orderLineId", "stepPosition"],
    where: { studioId: ctx.studio.id, orderLineId: { in: lineIds } },
    _sum: { piecesDone: true, piecesScrapped: true },
  });
  const done = new Map<string, number>();
  const used = new Map<string, number>();
  for (const row of sums) {
    done.set(key(row.orderLineId, row.stepPosition), row._sum.piecesDone ?? 0);
    used.set(key(row.orderLineId, row.stepPosition), (row._sum.piecesDone ?? 0) + (row._sum.piecesScrapped ?? 0));
  }
  for (const item of items) {
    if (item.stepPosition === 0) continue;
    const k = key(item.orderLineId, item.stepPosition);
    ready.set(k, Math.max(0, (done.get(key(item.orderLineId, item.stepPosition - 1)) ?? 0) - (used.get(k) ?? 0)));
  }
  return ready;
}

/** Pieces ready for each item, sharing a line's ready pieces between the items in the order given. */
export async function readyPerItem(ctx: StudioContext, items: ItemRef[]): Promise<number[]> {
  const lineReady = await lineReadiness(ctx, items);
  return items.map((item) => {
    const remaining = Math.max(0, item.pieces - item.done - item.scrapped);
    if (item.stepPosition === 0) return remaining;
    const k = key(item.orderLineId, item.stepPosition);
    const take = Math.min(remaining, lineReady.get(k) ?? 0);
    lineReady.set(k, (lineReady.get(k) ?? 0) - take);
    return take;
  });
}

/**
 * Serialises reports that draw on the same line's ready pieces at a later step (they may sit in different
 * batches): transaction-scoped advisory locks, taken in a fixed order so two reports cannot deadlock.
 */
export async function lockLineSteps(ctx: StudioContext, items: Array<Pick<ItemRef, "orderLineId" | "stepPosition">>) {
  const keys = [...new Set(items.filter((item) => item.stepPosition > 0).map((item) => key(item.orderLineId, item.stepPosition)))].sort();
  for (const lockKey of keys) {
    await ctx.db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`bench:${ctx.studio.id}:${lockKey}`}, 0))`;
  }
}
