import type { Prisma } from "~/generated/prisma/client";
import { studioDay } from "~/server/time-zone";
import { readyPerItem } from "./availability";
import { notFound } from "~/server/errors";
import type { StudioContext } from "~/server/trpc/procedures";
import type { BatchIdInput } from "./schemas";

const batchSelect = {
  id: true,
  stepName: true,
  stationId: true,
  personId: true,
  pieces: true,
  startAt: true,
  endAt: true,
  status: true,
  work: {
    select: {
      status: true, claimedById: true, claimedAt: true, runningSince: true, accumulatedSeconds: true,
      piecesDone: true, piecesScrapped: true, completedAt: true, version: true,
    },
  },
  items: {
    select: {
      id: true, orderLineId: true, stepPosition: true, pieces: true, routingStepId: true,
      remake: { select: { id: true, stepName: true, reason: true, pieces: true, createdAt: true } },
      progress: { select: { piecesDone: true, piecesScrapped: true } },
      orderLine: { select: { designName: true, variantName: true, dueDate: true, order: { select: { number: true } } } },
    },
  },
} satisfies Prisma.BatchSelect;

type BatchRow = Prisma.BatchGetPayload<{ select: typeof batchSelect }>;

async function describe(ctx: StudioContext, batches: BatchRow[]) {
  const stations = await ctx.db.station.findMany({
    where: { studioId: ctx.studio.id, id: { in: [...new Set(batches.map((b) => b.stationId))] } },
    select: { id: true, name: true },
  });
  const members = await ctx.db.membership.findMany({ where: { studioId: ctx.studio.id }, select: { userId: true, user: { select: { name: true } } } });
  const stepNames = new Map(
    (await ctx.db.routingStep.findMany({ where: { id: { in: [...new Set(batches.flatMap((b) => b.items.map((i) => i.routingStepId)))] } }, select: { id: true, name: true } })).map((s) => [s.id, s.name]),
  );
  // Pieces scrapped in these batches and made again: when the plan has the remake start.
  const remakes = await ctx.db.remake.findMany({
    where: { studioId: ctx.studio.id, batchId: { in: batches.map((b) => b.id) } },
    orderBy: { createdAt: "asc" },
    select: { batchId: true, pieces: true, reason: true, batchItems: { select: { batch: { select: { startAt: true } } } } },
  });
  const nameOf = (userId: string | null | undefined) => (userId ? members.find((m) => m.userId === userId)?.user.name ?? "a former member" : null);
  const sorted = batches.map((batch) => ({
    batch,
    items: [...batch.items].sort((a, b) => a.orderLine.dueDate.getTime() - b.orderLine.dueDate.getTime() || a.id.localeCompare(b.id)),
  }));
  const flat = sorted.flatMap(({ items }) => items);
  const ready = await readyPerItem(
    ctx,
    flat.map((item) => ({ ...item, done: item.progress?.piecesDone ?? 0, scrapped: item.progress?.piecesScrapped ?? 0 })),
  );
  let index = 0;
  return sorted.map(({ batch, items }) => {
    const detailed = items.map((item) => ({
      id: item.id,
      orderNumber: item.orderLine.order.number,
      designName: item.orderLine.designName,
      variantName: item.orderLine.variantName,
      dueDate: item.orderLine.dueDate,
      stepPosition: item.stepPosition,
      // The item's own step (a family batch holds several designs' steps).
      stepName: stepNames.get(item.routingStepId) ?? batch.stepName,
      // Pieces made again for scrapped ones: where and why they were lost.
      remake: item.remake ? { stepName: item.remake.stepName, reason: item.remake.reason } : null,
      pieces: item.pieces,
      piecesDone: item.progress?.piecesDone ?? 0,
      piecesScrapped: item.progress?.piecesScrapped ?? 0,
      ready: ready[index++]!,
    }));
    const claimedById = batch.work?.claimedById ?? null;
    const mine = claimedById === ctx.user.id || (!claimedById && batch.personId === ctx.user.id);
    return {
      batchId: batch.id,
      stepName: batch.stepName,
      stationName: stations.find((s) => s.id === batch.stationId)?.name ?? "Station",
      personName: nameOf(batch.personId),
      startAt: batch.startAt,
      endAt: batch.endAt,
      pieces: batch.pieces,
      batchStatus: batch.status,
      status: batch.work?.status ?? "OPEN",
      version: batch.work?.version ?? 0,
      claimedById,
      claimedByName: nameOf(claimedById),
      runningSince: batch.work?.runningSince ?? null,
      accumulatedSeconds: batch.work?.accumulatedSeconds ?? 0,
      piecesDone: batch.work?.piecesDone ?? 0,
      piecesScrapped: batch.work?.piecesScrapped ?? 0,
      ready: detailed.reduce((sum, item) => sum + item.ready, 0),
      section: (mine ? "mine" : claimedById ? "others" : "open") as "mine" | "open" | "others",
      items: detailed,
      remade: remakes
        .filter((r) => r.batchId === batch.id)
        .map((r) => ({ pieces: r.pieces, reason: r.reason, plannedAt: r.batchItems.length ? new Date(Math.min(...r.batchItems.map((i) => i.batch.startAt.getTime()))) : null })),
    };
  });
}

const SECTION_ORDER = { mine: 0, open: 1, others: 2 } as const;

/**
 * Today's queue: batches starting by the end of the studio's day (overdue ones too), and today's done ones.
 * When nothing is left to claim today (an evening, a weekend, or only work already under way), the next day
 * with planned work joins it (`nextDay`), so the bench never runs dry while work is waiting.
 */
export async function benchQueue(ctx: StudioContext, now = new Date()) {
  const [dayStart, dayEnd] = studioDay(ctx.studio.timeZone, now);
  const studioId = ctx.studio.id;
  const open = { studioId, status: { in: ["PLANNED" as const, "STARTED" as const] } };
  // Three narrow index scans instead of one OR across relations: a studio's history holds 100k+ done batches.
  const dueBy = (end: Date) =>
    ctx.db.batch.findMany({ where: { ...open, startAt: { lt: end } }, orderBy: [{ startAt: "asc" }, { id: "asc" }], take: 200, select: { id: true } });
  let due = await dueBy(dayEnd);
  let nextDay: Date | null = null;
  if ((await ctx.db.batch.count({ where: { studioId, status: "PLANNED", startAt: { lt: dayEnd } } })) === 0) {
    const next = await ctx.db.batch.findFirst({ where: { studioId, status: "PLANNED", startAt: { gte: dayEnd } }, orderBy: [{ startAt: "asc" }, { id: "asc" }], select: { startAt: true } });
    if (next) {
      const [start, end] = studioDay(ctx.studio.timeZone, next.startAt);
      nextDay = start;
      due = await dueBy(end);
    }
  }
  const mine = await ctx.db.batchWork.findMany({
    where: { studioId, status: { in: ["CLAIMED", "RUNNING", "PAUSED"] }, claimedById: ctx.user.id },
    select: { batchId: true },
  });
  const doneToday = await ctx.db.batchWork.findMany({ where: { studioId, status: "DONE", completedAt: { gte: dayStart } }, select: { batchId: true } });
  const ids = [...new Set([...due.map((b) => b.id), ...mine.map((w) => w.batchId), ...doneToday.map((w) => w.batchId)])];
  const batches = await ctx.db.batch.findMany({
    where: { studioId, id: { in: ids } },
    orderBy: [{ startAt: "asc" }, { id: "asc" }],
    take: 200,
    select: batchSelect,
  });
  const cards = await describe(ctx, batches);
  const active = cards.filter((card) => card.status !== "DONE");
  active.sort((a, b) => SECTION_ORDER[a.section] - SECTION_ORDER[b.section]);
  return { dayStart, dayEnd, nextDay, cards: active, done: cards.filter((card) => card.status === "DONE") };
}

/** One batch with its items, readiness and audit trail (who did what when). */
export async function benchBatch(ctx: StudioContext, input: BatchIdInput) {
  const { batchId } = input;
  const batch = await ctx.db.batch.findFirst({ where: { id: batchId, studioId: ctx.studio.id }, select: batchSelect });
  if (!batch) throw notFound("Batch");
  const [card] = await describe(ctx, [batch]);
  const events = await ctx.db.benchEvent.findMany({
    where: { studioId: ctx.studio.id, batchId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: { id: true, kind: true, userId: true, piecesDone: true, piecesScrapped: true, scrapReason: true, createdAt: true },
  });
  const members = await ctx.db.membership.findMany({ where: { studioId: ctx.studio.id }, select: { userId: true, user: { select: { name: true } } } });
  return {
    ...card!,
    events: events.map((event) => ({ ...event, userName: members.find((m) => m.userId === event.userId)?.user.name ?? "A former member" })),
  };
}
