import type { Prisma } from "~/generated/prisma/client";
import type { TenantDb } from "~/server/db";
import type { StudioPlan } from "~/server/scheduling";
import type { PlanFigures } from "./save";

// After board edits the plan's figures are worked out again from the batches as they now are, so the board
// shows what the edits did (hours saved, setups, finish, late lines) next to what the planner produced.

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The planner's figures and, after edits, the figures of the plan as edited. */
export type EditedFigures = { editedAt: string; atRun: StudioPlan["summary"]; savingsAtRun: StudioPlan["savings"] | null };

/** Recomputes the current plan's figures from its open batches (the planner's run figures are kept beside them). */
export async function refreshFigures(db: TenantDb, studioId: string, now = new Date()): Promise<void> {
  const plan = await db.plan.findFirst({ where: { studioId }, select: { id: true, horizonStart: true, figures: true } });
  const figures = plan?.figures as PlanFigures | null | undefined;
  if (!plan || !figures?.planned) return;
  const [totals] = await db.$queryRaw<Array<{ setups: number; setupMinutes: number; workMinutes: number; lastEnd: Date | null }>>`
    SELECT COUNT(*)::int AS "setups", COALESCE(SUM("setupMinutes"), 0)::int AS "setupMinutes",
           COALESCE(SUM("workMinutes"), 0)::int AS "workMinutes", MAX("endAt") AS "lastEnd"
      FROM "Batch" WHERE "studioId" = ${studioId} AND "status" IN ('PLANNED', 'STARTED')`;
  // Completion of each open line: the end of the last batch holding its last routing step.
  const lines = await db.$queryRaw<Array<{ id: string; dueDate: Date; finish: Date | null }>>`
    SELECT l."id", l."dueDate", MAX(b."endAt") AS "finish"
      FROM "OrderLine" l
      JOIN "BatchItem" bi ON bi."orderLineId" = l."id" AND bi."studioId" = l."studioId"
      JOIN "Batch" b ON b."id" = bi."batchId" AND b."studioId" = bi."studioId"
     WHERE l."studioId" = ${studioId} AND l."status" = 'OPEN'
       AND bi."stepPosition" = (SELECT MAX(rs."position") FROM "RoutingStep" rs WHERE rs."designVersionId" = l."designVersionId")
     GROUP BY l."id", l."dueDate"`;
  const lateness = lines.map((l) => ({ id: l.id, minutes: l.finish ? Math.max(0, Math.round((l.finish.getTime() - l.dueDate.getTime()) / 60_000)) : 0 }));
  const late = lateness.filter((l) => l.minutes > 0);
  const horizon = plan.horizonStart.getTime();
  const planned: StudioPlan["summary"] = {
    makespanMinutes: totals?.lastEnd ? Math.max(0, Math.round((totals.lastEnd.getTime() - horizon) / 60_000)) : 0,
    totalLatenessMinutes: late.reduce((s, l) => s + l.minutes, 0),
    maxLatenessMinutes: late.reduce((m, l) => Math.max(m, l.minutes), 0),
    lateOrderLines: late.length,
    setups: totals?.setups ?? 0,
    setupHours: round2((totals?.setupMinutes ?? 0) / 60),
    workHours: round2((totals?.workMinutes ?? 0) / 60),
  };
  const naive = figures.naive;
  const next: PlanFigures = {
    ...figures,
    planned,
    lateOrderLineIds: late.map((l) => l.id),
    savings: naive
      ? {
          setupHours: round2(naive.setupHours - planned.setupHours),
          setupHoursPercent: naive.setupHours > 0 ? Math.round((1000 * (naive.setupHours - planned.setupHours)) / naive.setupHours) / 10 : 0,
          makespanMinutes: naive.makespanMinutes - planned.makespanMinutes,
          totalLatenessMinutes: naive.totalLatenessMinutes - planned.totalLatenessMinutes,
        }
      : null,
    edited: { editedAt: now.toISOString(), atRun: figures.edited?.atRun ?? figures.planned, savingsAtRun: figures.edited ? figures.edited.savingsAtRun : figures.savings },
  };
  await db.plan.update({ where: { id: plan.id }, data: { figures: next as unknown as Prisma.InputJsonValue } });
}
