import { TRPCError } from "@trpc/server";
import { byStudio } from "~/server/db";
import type { StudioContext } from "~/server/trpc/procedures";
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
      id: true, stationId: true, personId: true, stepName: true, family: true, pieces: true, setupMinutes: true, workMinutes: true,
      startAt: true, endAt: true, locked: true, status: true, version: true,
      work: { select: { status: true, piecesDone: true, piecesScrapped: true, claimedById: true } },
      items: {
        select: {
          id: true, pieces: true, stepPosition: true, orderLineId: true,
          orderLine: { select: { designName: true, variantName: true, dueDate: true, order: { select: { id: true, number: true, customerName: true } } } },
        },
      },
    },
  });
  const members = await ctx.db.membership.findMany({
    where: byStudio(studioId),
    orderBy: { createdAt: "asc" },
    select: { userId: true, role: true, user: { select: { name: true } } },
  });
  const stations = await ctx.db.station.findMany({ where: byStudio(studioId), orderBy: { name: "asc" }, select: { id: true, name: true, kind: true, archivedAt: true } });
  const studio = await ctx.db.studio.findFirstOrThrow({ where: { id: studioId }, select: { timeZone: true, workingHours: true } });
  return {
    plan: plan ? { id: plan.id, horizonStart: plan.horizonStart, updatedAt: plan.updatedAt, figures } : null,
    people: members.map((m) => ({ id: m.userId, name: m.user.name, role: m.role })),
    stations: stations.map((s) => ({ id: s.id, name: s.name, kind: s.kind })),
    timeZone: studio.timeZone,
    workingHours: studio.workingHours as Array<{ weekday: number; start: string; end: string }>,
    batches: batches.map(({ work, ...b }) => ({
      ...b,
      bench: work ? { status: work.status, piecesDone: work.piecesDone, piecesScrapped: work.piecesScrapped, claimedBy: members.find((m) => m.userId === work.claimedById)?.user.name ?? null } : null,
      progress: work && work.piecesDone + work.piecesScrapped > 0 ? `${work.piecesDone} done${work.piecesScrapped ? ` · ${work.piecesScrapped} scrapped` : ""}` : null,
      late: b.items.some((item) => late.has(item.orderLineId)),
      items: b.items.map((item) => ({ ...item, late: late.has(item.orderLineId) })),
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
