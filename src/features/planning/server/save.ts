import { TRPCError } from "@trpc/server";
import type { Prisma } from "~/generated/prisma/client";
import type { TenantDb } from "~/server/db";
import { bulkInsert } from "~/server/db/bulk-insert";
import { publishStudioEvent } from "~/server/realtime/events";
import type { PlannedBatch, StudioPlan } from "~/server/scheduling";
import type { EditedFigures } from "./figures";
import { batchName } from "./naming";
import { lockPlan } from "./plan-state";
import { fingerprint, loadKeptBatches, stalePins, type LoadedProblem } from "./problem";

export type PlanFigures = {
  horizonStart: string;
  /** Over all work not done yet (pinned and started batches included), like `naive`: comparable run to run. */
  planned: StudioPlan["summary"];
  naive: StudioPlan["naive"] | null;
  savings: StudioPlan["savings"] | null;
  lateOrderLineIds: string[];
  warnings: string[];
  orderLines: number;
  batches: number;
  /** Remade pieces this run plans from the first step. */
  remakePieces?: number;
  /** Pinned batches this run did not keep, and why. */
  released?: Array<{ stepName: string; startAt: string; why: "past" | "precedence" }>;
  stats: StudioPlan["stats"];
  /** Set once the board has edited the plan: the planner's own figures, kept for comparison. */
  edited?: EditedFigures;
};

export function figuresOf(plan: StudioPlan, loaded: LoadedProblem, released: PlanFigures["released"] = []): PlanFigures {
  const lineOf = (id: string) => loaded.unitLine.get(id) ?? id;
  return {
    horizonStart: loaded.problem.horizonStart!,
    planned: plan.summary,
    naive: plan.naive ?? null,
    savings: plan.savings ?? null,
    lateOrderLineIds: [...new Set(plan.orderLines.filter((l) => l.latenessMinutes > 0).map((l) => lineOf(l.orderLineId)))],
    warnings: plan.warnings.slice(0, 50),
    orderLines: loaded.lineCount,
    batches: plan.batches.length,
    // Remade pieces this run plans from the first step (a remake already under way is not counted again).
    remakePieces: plan.batches
      .filter((b) => b.status === "planned")
      .flatMap((b) => b.items)
      .filter((item) => item.stepIndex === 0 && loaded.unitLine.has(item.orderLineId))
      .reduce((sum, item) => sum + item.pieces, 0),
    released,
    stats: plan.stats,
  };
}

/** The step's name for a batch item (of an order line, or of a remake planned under its own id). */
function stepNameOf(loaded: LoadedProblem, item: PlannedBatch["items"][number]): string {
  const line = loaded.unitLine.get(item.orderLineId) ?? item.orderLineId;
  return loaded.stepsByLine.get(line)?.[item.stepIndex]?.stepName ?? item.stepId;
}

/** Unattended batches: when the machine runs, and when the person unloads it (the last person segment). */
function machineTimes(b: PlannedBatch, at: (minute: number) => Date): { runStartAt?: Date; runEndAt?: Date; unloadAt?: Date } {
  if (!b.run) return {};
  const unload = b.personSegments.find((s) => s.start >= b.run!.end) ?? { start: b.end };
  return { runStartAt: at(b.run.start), runEndAt: at(b.run.end), unloadAt: at(unload.start) };
}

/**
 * Replaces the studio's planned batches that the engine did not keep with its new ones, in one transaction.
 * Pinned, started and done batches it kept stay as they are; pinned ones it released (their start has passed,
 * or their pieces cannot reach them in time) are re-planned. If any kept batch changed since the problem was
 * loaded (someone pinned or moved a batch meanwhile), or work started on a batch it replaces while it was
 * being written, nothing is written and the run fails with a clear message. Everyone watching the board or the bench hears about the new plan ("plan.updated").
 */
export async function savePlan(db: TenantDb, studioId: string, runId: string, plan: StudioPlan, loaded: LoadedProblem) {
  const horizonStart = new Date(loaded.problem.horizonStart!);
  const existing = await db.plan.findFirst({ where: { studioId }, select: { id: true } });
  // Serialise with board edits: every edit locks this row first (batch-edit.ts), so none can commit between the
  // check of the kept batches below and the writes. An edit that committed earlier, while the engine ran, shows
  // in the check. (A studio's first plan has no row to lock, and no batches to edit either.)
  if (existing) await lockPlan(db, studioId);
  const fixedNow = await loadKeptBatches(db, studioId, horizonStart);
  if (fingerprint(fixedNow) !== loaded.fixedFingerprint) {
    throw new TRPCError({ code: "CONFLICT", message: "Batches were pinned or moved while the planner ran. Plan again to include them." });
  }
  const releasedIds = new Set(plan.released ?? []);
  const releasedRows = [
    ...(await stalePins(db, studioId, horizonStart)).map((b) => ({ stepName: b.stepName, startAt: b.startAt.toISOString(), why: "past" as const })),
    ...fixedNow.filter((b) => releasedIds.has(b.id)).map((b) => ({ stepName: b.stepName, startAt: b.startAt.toISOString(), why: "precedence" as const })),
  ];
  const figures = figuresOf(plan, loaded, releasedRows);
  const planRow = existing
    ? await db.plan.update({ where: { id: existing.id }, data: { runId, horizonStart, figures: figures as unknown as Prisma.InputJsonValue }, select: { id: true } })
    : await db.plan.create({ data: { studioId, runId, horizonStart, figures: figures as unknown as Prisma.InputJsonValue }, select: { id: true } });

  const kept = new Set(fixedNow.filter((b) => !releasedIds.has(b.id)).map((b) => b.id));
  await db.batch.deleteMany({ where: { studioId, status: "PLANNED", id: { notIn: [...kept] } } });
  const fresh = plan.batches.filter((b) => !kept.has(b.id));
  const at = (minute: number) => new Date(horizonStart.getTime() + minute * 60_000);
  const now = new Date();
  const batchRows = fresh.map((b) => ({ id: crypto.randomUUID(), b, machine: machineTimes(b, at) }));
  const itemRows = batchRows.flatMap(({ id, b }) => b.items.map((item) => ({ id: crypto.randomUUID(), batchId: id, item, remakeLine: loaded.unitLine.get(item.orderLineId) })));
  // Kept batches may still hang off an older plan row only if the plan was recreated; keep them on this one.
  await db.batch.updateMany({ where: { studioId, id: { in: [...kept] } }, data: { planId: planRow.id } });
  // One statement per table, however large the plan (bulk-insert.ts).
  await bulkInsert(db, "Batch", [
    { name: "id", type: "text", value: (r) => r.id },
    { name: "studioId", type: "text", constant: studioId },
    { name: "planId", type: "text", constant: planRow.id },
    { name: "stationId", type: "text", value: (r) => r.b.stationId },
    { name: "stationUnit", type: "int", value: (r) => r.b.stationUnit },
    { name: "personId", type: "text", value: (r) => r.b.personId },
    { name: "stepName", type: "text", value: (r) => batchName(r.b.items.map((item) => stepNameOf(loaded, item))) },
    { name: "family", type: "text", value: (r) => r.b.family },
    { name: "pieces", type: "int", value: (r) => r.b.pieces },
    { name: "setupMinutes", type: "int", value: (r) => Math.round(r.b.setupMinutes) },
    { name: "workMinutes", type: "int", value: (r) => Math.round(r.b.workMinutes) },
    { name: "startAt", type: "timestamp", value: (r) => at(r.b.start) },
    { name: "endAt", type: "timestamp", value: (r) => at(r.b.end) },
    { name: "runStartAt", type: "timestamp", value: (r) => r.machine.runStartAt ?? null },
    { name: "runEndAt", type: "timestamp", value: (r) => r.machine.runEndAt ?? null },
    { name: "unloadAt", type: "timestamp", value: (r) => r.machine.unloadAt ?? null },
    { name: "createdAt", type: "timestamp", constant: now },
    { name: "updatedAt", type: "timestamp", constant: now },
  ], batchRows);
  await bulkInsert(db, "BatchItem", [
    { name: "id", type: "text", value: (r) => r.id },
    { name: "studioId", type: "text", constant: studioId },
    { name: "batchId", type: "text", value: (r) => r.batchId },
    // A remake's pieces belong to its order line; the engine plans them under the remake's id.
    { name: "orderLineId", type: "text", value: (r) => r.remakeLine ?? r.item.orderLineId },
    { name: "remakeId", type: "text", value: (r) => (r.remakeLine ? r.item.orderLineId : null) },
    { name: "stepPosition", type: "int", value: (r) => r.item.stepIndex },
    { name: "routingStepId", type: "text", value: (r) => r.item.stepId },
    { name: "pieces", type: "int", value: (r) => r.item.pieces },
  ], itemRows);
  // Bench claims do not take the plan row: one that committed between the check above and the delete kept its
  // batch (now STARTED) from being deleted, while this plan covers its pieces again. Seen now, before commit,
  // it rolls the whole save back.
  const keptAfter = await loadKeptBatches(db, studioId, horizonStart);
  if (keptAfter.some((b) => !kept.has(b.id))) {
    throw new TRPCError({ code: "CONFLICT", message: "Work started on a batch while the plan was being saved. Plan again to include it." });
  }
  await publishStudioEvent(db, { studioId, topic: "plan.updated", data: { runId, batches: plan.batches.length } });
  return { planId: planRow.id, figures };
}
