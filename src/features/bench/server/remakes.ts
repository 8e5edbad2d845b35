import { loadPlanState, writeChanges } from "~/features/planning/server/plan-state";
import { refreshFigures } from "~/features/planning/server/figures";
import { requestReplan } from "~/features/planning/server/runs";
import type { OpenItem } from "~/features/planning/reflow";
import type { StudioContext } from "~/server/trpc/procedures";

// Scrapped pieces are made again. A scrap report creates a Remake per order line and step — traceable to
// the report (bench event), the line and the step (and batch) where the pieces were lost — takes the lost
// pieces out of the line's later planned batches (which would otherwise still count them), and asks for a
// re-plan, which schedules the remake through the whole routing like an order line of its own.

export type Scrap = { orderLineId: string; remakeId: string | null; stepPosition: number; routingStepId: string; pieces: number };

export async function recordRemakes(ctx: StudioContext, batchId: string, benchEventId: string, reason: string, scraps: Scrap[]) {
  const studioId = ctx.studio.id;
  const lost = scraps.filter((s) => s.pieces > 0);
  if (lost.length === 0) return [];
  const steps = await ctx.db.routingStep.findMany({ where: { id: { in: lost.map((s) => s.routingStepId) } }, select: { id: true, name: true } });
  const batch = await ctx.db.batch.findFirstOrThrow({ where: { id: batchId, studioId }, select: { stepName: true } });
  const remakes = [];
  for (const scrap of lost) {
    remakes.push(
      await ctx.db.remake.create({
        data: {
          studioId, orderLineId: scrap.orderLineId, batchId, stepPosition: scrap.stepPosition, benchEventId, pieces: scrap.pieces, reason,
          stepName: steps.find((s) => s.id === scrap.routingStepId)?.name ?? batch.stepName, reportedById: ctx.user.id,
        },
        select: { id: true, pieces: true, orderLine: { select: { order: { select: { number: true } } } } },
      }),
    );
  }
  await trimLaterSteps(ctx, lost);
  const pieces = lost.reduce((sum, s) => sum + s.pieces, 0);
  const orders = [...new Set(remakes.map((r) => `#${r.orderLine.order.number}`))].join(", ");
  await requestReplan(ctx.db, studioId, ctx.user.id, `${pieces} ${pieces === 1 ? "piece" : "pieces"} to remake (${batch.stepName}, ${orders})`);
  return remakes;
}

/**
 * The lost pieces never reach the line's later steps: where the later steps hold more of the same pieces
 * (the line's, or a remake's) than can now arrive — ordered less scrapped before that step — the planned
 * (not started) batches there give up the excess, latest first, and are retimed shorter through the shared
 * timing rules. Batches left empty are removed.
 */
async function trimLaterSteps(ctx: StudioContext, scraps: Scrap[]) {
  const studioId = ctx.studio.id;
  const later = await ctx.db.batchItem.count({
    where: { studioId, batch: { status: "PLANNED" }, OR: scraps.map((s) => ({ orderLineId: s.orderLineId, remakeId: s.remakeId, stepPosition: { gt: s.stepPosition } })) },
  });
  if (later === 0) return;
  const { state } = await loadPlanState(ctx);
  const lines = await ctx.db.orderLine.findMany({ where: { studioId, id: { in: scraps.map((s) => s.orderLineId) } }, select: { id: true, quantity: true } });
  const remakes = await ctx.db.remake.findMany({ where: { studioId, id: { in: scraps.flatMap((s) => (s.remakeId ? [s.remakeId] : [])) } }, select: { id: true, pieces: true } });
  const emptied: string[] = [];
  const removedItems: string[] = [];
  const shrunk = new Map<string, number>();
  const units = new Map(scraps.map((s) => [`${s.orderLineId}|${s.remakeId}`, s]));
  for (const scrap of units.values()) {
    const ordered = scrap.remakeId ? remakes.find((r) => r.id === scrap.remakeId)?.pieces : lines.find((l) => l.id === scrap.orderLineId)?.quantity;
    if (ordered === undefined) continue;
    const mine = (item: OpenItem) => item.orderLineId === scrap.orderLineId && item.remakeId === scrap.remakeId;
    const all = [...state.batches.values()].flatMap((b) => b.items.filter(mine));
    const steps = [...new Set(all.map((item) => item.stepPosition).filter((step) => step > scrap.stepPosition))];
    for (const step of steps) {
      const lostBefore = all.filter((item) => item.stepPosition < step).reduce((sum, item) => sum + item.scrapped, 0);
      let excess = all.filter((item) => item.stepPosition === step).reduce((sum, item) => sum + item.pieces, 0) - (ordered - lostBefore);
      const planned = [...state.batches.values()].filter((b) => b.status === "PLANNED").sort((a, b) => b.startAt - a.startAt);
      for (const b of planned) {
        if (excess <= 0) break;
        const items: OpenItem[] = [];
        for (const item of b.items) {
          const take = excess > 0 && mine(item) && item.stepPosition === step ? Math.min(excess, item.pieces) : 0;
          excess -= take;
          if (take > 0 && take === item.pieces) removedItems.push(item.id);
          else {
            if (take > 0) shrunk.set(item.id, item.pieces - take);
            items.push({ ...item, pieces: item.pieces - take });
          }
        }
        if (items.length === b.items.length && items.every((item, i) => item.pieces === b.items[i]!.pieces)) continue;
        if (items.length === 0) {
          emptied.push(b.id);
          state.batches.delete(b.id);
          state.changed.delete(b.id);
        } else state.shrink(b, items);
      }
    }
  }
  await writeChanges(ctx, state, new Map());
  for (const [id, pieces] of shrunk) await ctx.db.batchItem.updateMany({ where: { id, studioId }, data: { pieces } });
  if (removedItems.length) await ctx.db.batchItem.deleteMany({ where: { studioId, id: { in: removedItems } } });
  if (emptied.length) await ctx.db.batch.deleteMany({ where: { studioId, id: { in: emptied }, status: "PLANNED" } });
  await refreshFigures(ctx.db, studioId);
}
