import { TRPCError } from "@trpc/server";
import { workingHoursSchema } from "~/features/studios/working-hours";
import { byStudio } from "~/server/db";
import type { StudioContext } from "~/server/trpc/procedures";
import { dayOf, studioDay } from "~/server/time-zone";
import type { PlanFigures } from "./save";

/** The current plan's figures, and the batches overlapping [from, to) with their items, people and stations. */
export async function currentPlan(ctx: StudioContext, range: { from: Date; to: Date }) {
  const studioId = ctx.studio.id;
  if (range.to.getTime() - range.from.getTime() > 42 * 86_400_000) throw new TRPCError({ code: "BAD_REQUEST", message: "Show at most six weeks at a time." });
  const plan = await ctx.db.plan.findFirst({ where: byStudio(studioId), select: { id: true, horizonStart: true, figures: true, updatedAt: true } });
  const figures = (plan?.figures ?? null) as PlanFigures | null;
  const late = new Set(figures?.lateOrderLineIds ?? []);
  const batches = await ctx.db.batch.findMany({
    where: byStudio(studioId, { startAt: { lt: range.to }, endAt: { gt: range.from } }),
    orderBy: { startAt: "asc" },
    take: 2000,
    select: {
      id: true, stationId: true, stationUnit: true, personId: true, stepName: true, family: true, pieces: true, setupMinutes: true, workMinutes: true,
      startAt: true, endAt: true, runStartAt: true, runEndAt: true, unloadAt: true, locked: true, pinReason: true, pinnedAt: true, pinnedById: true,
      status: true, version: true,
      work: { select: { status: true, piecesDone: true, piecesScrapped: true, claimedById: true } },
      items: {
        select: {
          id: true, pieces: true, stepPosition: true, orderLineId: true, routingStepId: true,
          remake: { select: { stepName: true, reason: true } },
          orderLine: { select: { designName: true, variantName: true, dueDate: true, order: { select: { id: true, number: true, customerName: true } } } },
        },
      },
    },
  });
  const stepNames = new Map(
    (await ctx.db.routingStep.findMany({ where: { id: { in: [...new Set(batches.flatMap((b) => b.items.map((i) => i.routingStepId)))] } }, select: { id: true, name: true } })).map((r) => [r.id, r.name]),
  );
  // Every pinned batch still ahead, wherever the board is looking: the board says what the next plan keeps.
  const pins = await ctx.db.batch.findMany({
    where: byStudio(studioId, { locked: true, status: "PLANNED" as const }),
    orderBy: { startAt: "asc" },
    take: 200,
    select: { id: true, stepName: true, startAt: true, pinReason: true, pinnedById: true, pinnedAt: true },
  });
  const members = await ctx.db.membership.findMany({
    where: byStudio(studioId),
    orderBy: { createdAt: "asc" },
    select: { userId: true, role: true, user: { select: { name: true } } },
  });
  const stations = await ctx.db.station.findMany({ where: byStudio(studioId), orderBy: { name: "asc" }, select: { id: true, name: true, kind: true, archivedAt: true, unattended: true } });
  const studio = await ctx.db.studio.findFirstOrThrow({ where: { id: studioId }, select: { timeZone: true, workingHours: true } });
  const nameOf = (userId: string | null) => (userId ? (members.find((m) => m.userId === userId)?.user.name ?? "a former member") : null);
  return {
    plan: plan ? { id: plan.id, horizonStart: plan.horizonStart, updatedAt: plan.updatedAt, figures } : null,
    people: members.map((m) => ({ id: m.userId, name: m.user.name, role: m.role })),
    stations: stations.map((s) => ({ id: s.id, name: s.name, kind: s.kind, unattended: s.unattended })),
    timeZone: studio.timeZone,
    workingHours: studio.workingHours as Array<{ weekday: number; start: string; end: string }>,
    pins: pins.map(({ pinnedById, ...pin }) => ({ ...pin, pinnedBy: nameOf(pinnedById) })),
    batches: batches.map(({ work, pinnedById, ...b }) => ({
      ...b,
      pinnedBy: nameOf(pinnedById),
      bench: work ? { status: work.status, piecesDone: work.piecesDone, piecesScrapped: work.piecesScrapped, claimedBy: nameOf(work.claimedById) } : null,
      progress: work && work.piecesDone + work.piecesScrapped > 0 ? `${work.piecesDone} done${work.piecesScrapped ? ` · ${work.piecesScrapped} scrapped` : ""}` : null,
      late: b.items.some((item) => late.has(item.orderLineId)),
      remake: b.items.some((item) => item.remake !== null),
      items: b.items.map(({ routingStepId, ...item }) => ({ ...item, stepName: stepNames.get(routingStepId) ?? b.stepName, late: late.has(item.orderLineId) })),
    })),
  };
}

/** Plan figures only (for the studio home's "hours saved by batching"). */
export async function planSummary(ctx: StudioContext) {
  const plan = await ctx.db.plan.findFirst({ where: byStudio(ctx.studio.id), select: { updatedAt: true, figures: true } });
  if (!plan) return null;
  // Batches still to work: done ones are history (a busy studio keeps 100k+ of them).
  const batchCount = await ctx.db.batch.count({ where: byStudio(ctx.studio.id, { status: { in: ["PLANNED" as const, "STARTED" as const] } }) });
  return { updatedAt: plan.updatedAt, figures: plan.figures as unknown as PlanFigures, batchCount };
}

/**
 * Where the board opens: the first studio-local day from today with work still to do (so an evening or a
 * weekend does not open on an empty day), else today; with the studio's zone and the span of its working
 * hours, which the board's time scale covers.
 */
export async function boardStart(ctx: StudioContext, now = new Date()) {
  const studioId = ctx.studio.id;
  const studio = await ctx.db.studio.findFirstOrThrow({ where: { id: studioId }, select: { timeZone: true, workingHours: true } });
  const shifts = workingHoursSchema.catch([]).parse(studio.workingHours);
  const [todayStart] = studioDay(studio.timeZone, now);
  const next = await ctx.db.batch.findFirst({
    where: byStudio(studioId, { status: { in: ["PLANNED" as const, "STARTED" as const] }, endAt: { gt: todayStart } }),
    orderBy: { startAt: "asc" },
    select: { startAt: true },
  });
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const first = next && next.startAt > todayStart ? next.startAt : now;
  return {
    timeZone: studio.timeZone,
    today: dayOf(studio.timeZone, now),
    firstDay: dayOf(studio.timeZone, first),
    workingDays: [...new Set(shifts.map((s) => s.weekday))].sort(),
    dayStartMinute: shifts.length ? Math.min(...shifts.map((s) => minutes(s.start))) : 8 * 60,
    dayEndMinute: shifts.length ? Math.max(...shifts.map((s) => minutes(s.end))) : 18 * 60,
  };
}
