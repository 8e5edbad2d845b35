import { TRPCError } from "@trpc/server";
import type { Prisma } from "~/generated/prisma/client";
import type { TenantDb } from "~/server/db";
import type { StudioPlan } from "~/server/scheduling";
import { fingerprint, loadKeptBatches, type LoadedProblem } from "./problem";

export type PlanFigures = {
  horizonStart: string;
  planned: StudioPlan["summary"];
  naive: StudioPlan["naive"] | null;
  savings: StudioPlan["savings"] | null;
  lateOrderLineIds: string[];
  warnings: string[];
  orderLines: number;
  batches: number;
  stats: StudioPlan["stats"];
};

export function figuresOf(plan: StudioPlan, loaded: LoadedProblem): PlanFigures {
  return {
    horizonStart: loaded.problem.horizonStart!,
    planned: plan.summary,
    naive: plan.naive ?? null,
    savings: plan.savings ?? null,
    lateOrderLineIds: plan.orderLines.filter((l) => l.latenessMinutes > 0).map((l) => l.orderLineId),
    warnings: plan.warnings.slice(0, 50),
    orderLines: loaded.lineCount,
    batches: plan.batches.length,
    stats: plan.stats,
  };
}

/**
 * Replaces the studio's movable batches (planned, unlocked) with the engine's new ones, in one transaction.
 * Locked, started and done batches are kept as they are; if any of them changed since the problem was loaded
 * (someone locked or moved a batch meanwhile), nothing is written and the run fails with a clear message.
 */
export async function savePlan(db: TenantDb, studioId: string, runId: string, plan: StudioPlan, loaded: LoadedProblem) {
  const horizonStart = new Date(loaded.problem.horizonStart!);
  const figures = figuresOf(plan, loaded);
  const existing = await db.plan.findFirst({ where: { studioId }, select: { id: true } });
  // Serialise with batch edits: lock the plan row (edits lock it too), then re-check the kept batches.
  if (existing) await db.$queryRaw`SELECT id FROM "Plan" WHERE id = ${existing.id} AND "studioId" = ${studioId} FOR UPDATE`;
  const fixedNow = await loadKeptBatches(db, studioId, horizonStart);
  if (fingerprint(fixedNow) !== loaded.fixedFingerprint) {
    throw new TRPCError({ code: "CONFLICT", message: "Batches were locked or moved while the planner ran. Plan again to include them." });
  }
  const planRow = existing
    ? await db.plan.update({ where: { id: existing.id }, data: { runId, horizonStart, figures: figures as unknown as Prisma.InputJsonValue }, select: { id: true } })
    : await db.plan.create({ data: { studioId, runId, horizonStart, figures: figures as unknown as Prisma.InputJsonValue }, select: { id: true } });

  await db.batch.deleteMany({ where: { studioId, id: { notIn: loaded.fixedIds }, locked: false, status: "PLANNED" } });
  const kept = new Set(fixedNow.map((b) => b.id));
  const fresh = plan.batches.filter((b) => !kept.has(b.id));
  const at = (minute: number) => new Date(horizonStart.getTime() + minute * 60_000);
  const batchRows: Prisma.BatchCreateManyInput[] = [];
  const itemRows: Prisma.BatchItemCreateManyInput[] = [];
  for (const b of fresh) {
    const id = crypto.randomUUID();
    const first = b.items[0]!;
    const step = loaded.stepsByLine.get(first.orderLineId)?.[first.stepIndex];
    batchRows.push({
      id,
      studioId,
      planId: planRow.id,
      stationId: b.stationId,
      stationUnit: b.stationUnit,
      personId: b.personId,
      stepName: step?.stepName ?? first.stepId,
      family: b.family,
      pieces: b.pieces,
      setupMinutes: Math.round(b.setupMinutes),
      workMinutes: Math.round(b.workMinutes),
      startAt: at(b.start),
      endAt: at(b.end),
    });
    for (const item of b.items) {
      itemRows.push({
        studioId,
        batchId: id,
        orderLineId: item.orderLineId,
        stepPosition: item.stepIndex,
        routingStepId: item.stepId,
        pieces: item.pieces,
      });
    }
  }
  // Kept batches may still hang off an older plan row only if the plan was recreated; keep them on this one.
  await db.batch.updateMany({ where: { studioId, id: { in: [...kept] } }, data: { planId: planRow.id } });
  for (let i = 0; i < batchRows.length; i += 1000) await db.batch.createMany({ data: batchRows.slice(i, i + 1000) });
  for (let i = 0; i < itemRows.length; i += 2000) await db.batchItem.createMany({ data: itemRows.slice(i, i + 2000) });
  return { planId: planRow.id, figures };
}
