import { TRPCError } from "@trpc/server";
import { loadProblem } from "~/features/planning/server/problem";
import { savePlan } from "~/features/planning/server/save";
import { horizonStartFrom } from "~/features/planning/calendar";
import type { Prisma } from "~/generated/prisma/client";
import { planningHorizonEnd } from "~/server/billing/plan-limits";
import { systemDb, withTenant } from "~/server/db";
import { logger } from "~/server/logger";
import { SchedulingError, solveStudio } from "~/server/scheduling";

// The planner job runner. Cross-tenant by nature: claims a queued run through the owner connection
// (systemDb, FOR UPDATE SKIP LOCKED so two workers never take the same run), then reads and writes the
// studio's data only inside withTenant(studioId) transactions (row-level security applies).

const STALE_RUN_MS = 10 * 60_000;

class Cancelled extends Error {}

export function planTimeLimitMs(): number {
  const value = Number(process.env.PLAN_TIME_LIMIT_MS);
  return Number.isFinite(value) && value >= 0 ? value : 1500;
}

async function progress(runId: string, percent: number, message: string) {
  const run = await systemDb().planRun.update({ where: { id: runId }, data: { progress: percent, message }, select: { cancelRequested: true } });
  if (run.cancelRequested) throw new Cancelled();
}

/** Ends a run; if changes arrived while it ran (a scrap report asked for a re-plan), queues the next one. */
async function finish(runId: string, data: Prisma.PlanRunUpdateInput) {
  const run = await systemDb().planRun.update({
    where: { id: runId },
    data: { ...data, activeSlot: null, finishedAt: new Date() },
    select: { studioId: true, followUp: true, reason: true, requestedById: true },
  });
  if (!run.followUp) return;
  const reason = run.reason ?? "changes while planning";
  await systemDb().$executeRaw`
    INSERT INTO "PlanRun" ("id", "studioId", "requestedById", "reason", "message")
    VALUES (${crypto.randomUUID()}, ${run.studioId}, ${run.requestedById}, ${reason}, ${`Re-planning: ${reason}`})
    ON CONFLICT ("studioId", "activeSlot") DO NOTHING`;
}

/** Runs that have been RUNNING too long belong to a crashed process: fail them so the studio can plan again. */
async function failStaleRuns() {
  await systemDb().planRun.updateMany({
    where: { status: "RUNNING", startedAt: { lt: new Date(Date.now() - STALE_RUN_MS) } },
    data: { status: "FAILED", activeSlot: null, message: "The planner stopped unexpectedly. Plan again.", finishedAt: new Date() },
  });
}

async function claim(studioId?: string): Promise<{ id: string; studioId: string } | null> {
  return systemDb().$transaction(async (tx) => {
    const rows = studioId
      ? await tx.$queryRaw<Array<{ id: string; studioId: string }>>`
          SELECT id, "studioId" FROM "PlanRun" WHERE status = 'QUEUED' AND "studioId" = ${studioId} ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED`
      : await tx.$queryRaw<Array<{ id: string; studioId: string }>>`
          SELECT id, "studioId" FROM "PlanRun" WHERE status = 'QUEUED' ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
    const run = rows[0];
    if (!run) return null;
    await tx.planRun.update({ where: { id: run.id }, data: { status: "RUNNING", startedAt: new Date(), progress: 5, message: "Starting" } });
    return run;
  });
}

export type JobOutcome = { runId: string; status: "SUCCEEDED" | "FAILED" | "CANCELLED" } | null;

/**
 * Claims and runs one queued plan run (of one studio, if given: tests sharing a database use that).
 * Returns null when there is nothing to do.
 */
export async function runNextPlanJob(options: { timeLimitMs?: number; now?: Date; studioId?: string } = {}): Promise<JobOutcome> {
  await failStaleRuns();
  const run = await claim(options.studioId);
  if (!run) return null;
  const started = Date.now();
  try {
    await progress(run.id, 10, "Loading orders, designs and stations");
    const horizonStart = horizonStartFrom(options.now);
    // The billing plan decides how far ahead: order lines due after its horizon wait for a later run.
    const { loaded, horizon } = await withTenant(run.studioId, async (db) => {
      const horizon = await planningHorizonEnd(db, run.studioId, horizonStart);
      const loaded = await loadProblem(db, run.studioId, horizonStart, { timeLimitMs: options.timeLimitMs ?? planTimeLimitMs(), dueBy: horizon.end });
      return { loaded, horizon };
    });
    await progress(run.id, 40, `Grouping ${loaded.lineCount} order lines into batches and improving the schedule`);
    const plan = solveStudio(loaded.problem);
    await progress(run.id, 90, `Saving ${plan.batches.length} batches`);
    // Bulk writes (one statement per table) save a 2,000-line plan in about a second. The margin is for a fresh
    // database's first large plan, before autovacuum has analysed the new rows (several seconds on a busy machine).
    const saved = await withTenant(run.studioId, (db) => savePlan(db, run.studioId, run.id, plan, loaded), { timeoutMs: 20_000 });
    await finish(run.id, {
      status: "SUCCEEDED",
      progress: 100,
      message:
        `Planned ${plan.batches.length} batches for ${loaded.lineCount} order lines` +
        (saved.figures.remakePieces ? ` (${saved.figures.remakePieces} ${saved.figures.remakePieces === 1 ? "piece" : "pieces"} to remake)` : "") +
        (loaded.beyondHorizon
          ? `. ${loaded.beyondHorizon} order line${loaded.beyondHorizon === 1 ? " is" : "s are"} due after ${horizon.end.toISOString().slice(0, 10)}, beyond the ${horizon.planName} plan's ${horizon.weeks}-week planning horizon: ${loaded.beyondHorizon === 1 ? "it is" : "they are"} planned once within it`
          : ""),
      figures: { ...saved.figures, elapsedMs: Date.now() - started } as unknown as Prisma.InputJsonValue,
    });
    logger.info("planning.succeeded", { runId: run.id, studioId: run.studioId, batches: plan.batches.length, ms: Date.now() - started });
    return { runId: run.id, status: "SUCCEEDED" };
  } catch (error) {
    if (error instanceof Cancelled) {
      await finish(run.id, { status: "CANCELLED", message: "Cancelled. The previous plan is unchanged." });
      return { runId: run.id, status: "CANCELLED" };
    }
    const known = error instanceof TRPCError || error instanceof SchedulingError;
    const message = known ? (error as Error).message : "The planner failed unexpectedly. Please try again.";
    if (!known) logger.error("planning.failed", { runId: run.id, message: error instanceof Error ? error.message : String(error) });
    await finish(run.id, { status: "FAILED", message });
    return { runId: run.id, status: "FAILED" };
  }
}

/** Runs queued jobs until none is left (used by the poller and the benchmark). */
export async function drainPlanJobs(options: { timeLimitMs?: number } = {}) {
  while (await runNextPlanJob(options));
}
