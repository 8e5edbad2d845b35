import { TRPCError } from "@trpc/server";
import type { Prisma } from "~/generated/prisma/client";
import { planningHorizonEnd } from "~/server/billing/plan-limits";
import { withTenant } from "~/server/db";
import { LeaseLost, workerName, type Lease } from "~/server/jobs/lease";
import type { JobHandler } from "~/server/jobs/runner";
import { logger } from "~/server/logger";
import { SchedulingError, solveStudio } from "~/server/scheduling";
import { horizonStartFrom } from "../calendar";
import { claimPlanRun, planRuns } from "./plan-run-queue";
import { loadProblem } from "./problem";
import { savePlan } from "./save";

// The planner job, registered with the job runner (src/server/jobs/handlers.ts). Cross-tenant by nature: claims
// a queued run through the owner connection with a lease (src/server/jobs/lease.ts: FOR UPDATE SKIP LOCKED, so
// two workers never take the same run, and a dead worker's run is taken over by another once its lease
// expires), then reads and writes the studio's data only inside withTenant(studioId) transactions (row-level
// security applies). The plan and the run's SUCCEEDED are committed in one transaction that checks the lease is
// still held, so a run's plan is written exactly once; a follow-up re-plan asked for while the run was active is
// queued in the transaction that ends it (plan-run-queue.ts).

class Cancelled extends Error {}

export function planTimeLimitMs(): number {
  const value = Number(process.env.PLAN_TIME_LIMIT_MS);
  return Number.isFinite(value) && value >= 0 ? value : 1500;
}

async function progress(lease: Lease, percent: number, message: string) {
  const { cancelRequested } = await lease.progress(percent, message);
  if (cancelRequested) throw new Cancelled();
}

function successMessage(
  batches: number,
  loaded: { lineCount: number; beyondHorizon: number },
  horizon: { end: Date; planName: string; weeks: number },
  remakePieces: number | undefined,
): string {
  const { beyondHorizon } = loaded;
  return (
    `Planned ${batches} batches for ${loaded.lineCount} order lines` +
    (remakePieces ? ` (${remakePieces} ${remakePieces === 1 ? "piece" : "pieces"} to remake)` : "") +
    (beyondHorizon
      ? `. ${beyondHorizon} order line${beyondHorizon === 1 ? " is" : "s are"} due after ${horizon.end.toISOString().slice(0, 10)}, beyond the ${horizon.planName} plan's ${horizon.weeks}-week planning horizon: ${beyondHorizon === 1 ? "it is" : "they are"} planned once within it`
      : "")
  );
}

export type JobOutcome = { runId: string; status: "SUCCEEDED" | "FAILED" | "CANCELLED" | "TAKEN_OVER" } | null;

/**
 * Claims and runs one queued plan run (or one a dead worker left), of one studio if given (tests sharing a
 * database use that). Returns null when there is nothing to do.
 */
export async function runNextPlanJob(options: { timeLimitMs?: number; now?: Date; studioId?: string } = {}): Promise<JobOutcome> {
  const timeLimitMs = options.timeLimitMs ?? planTimeLimitMs();
  const lease = await claimPlanRun({ engineTimeLimitMs: timeLimitMs, studioId: options.studioId });
  if (!lease) return null;
  const run = { id: lease.jobId, studioId: lease.studioId };
  const started = Date.now();
  try {
    await progress(lease, 10, "Loading orders, designs and stations");
    const horizonStart = horizonStartFrom(options.now);
    // The billing plan decides how far ahead: order lines due after its horizon wait for a later run.
    const { loaded, horizon } = await withTenant(run.studioId, async (db) => {
      const horizon = await planningHorizonEnd(db, run.studioId, horizonStart);
      const loaded = await loadProblem(db, run.studioId, horizonStart, { timeLimitMs, dueBy: horizon.end });
      return { loaded, horizon };
    });
    await progress(lease, 40, `Grouping ${loaded.lineCount} order lines into batches and improving the schedule`);
    const plan = solveStudio(loaded.problem);
    await progress(lease, 90, `Saving ${plan.batches.length} batches`);
    // Bulk writes (one statement per table) save a 2,000-line plan in about a second. The margin is for a fresh
    // database's first large plan, before autovacuum has analysed the new rows (several seconds on a busy machine).
    await withTenant(
      run.studioId,
      async (db) => {
        const saved = await savePlan(db, run.studioId, run.id, plan, loaded);
        // The lease is checked (and the run row locked until commit) after the plan's rows, in the order a scrap
        // report takes them (plan, then the run to flag a follow-up): no deadlock between the two. A holder that
        // lost its lease rolls the whole save back here.
        await lease.assertHeld(db);
        const ended = await db.planRun.update({
          where: { studioId_id: { studioId: run.studioId, id: run.id } },
          data: {
            status: "SUCCEEDED", progress: 100, message: successMessage(plan.batches.length, loaded, horizon, saved.figures.remakePieces), activeSlot: null, finishedAt: new Date(),
            figures: { ...saved.figures, elapsedMs: Date.now() - started } as unknown as Prisma.InputJsonValue,
          },
          select: { id: true, studioId: true, followUp: true, reason: true, requestedById: true },
        });
        await planRuns.onEnded(db, ended, "SUCCEEDED");
      },
      { timeoutMs: 20_000 },
    );
    logger.info("planning.succeeded", { runId: run.id, studioId: run.studioId, attempt: lease.attempt, worker: workerName(), batches: plan.batches.length, ms: Date.now() - started });
    return { runId: run.id, status: "SUCCEEDED" };
  } catch (error) {
    if (error instanceof LeaseLost) {
      logger.warn("planning.taken_over", { runId: run.id, worker: workerName() });
      return { runId: run.id, status: "TAKEN_OVER" };
    }
    if (error instanceof Cancelled) {
      await lease.finish("CANCELLED", "Cancelled. The previous plan is unchanged.");
      return { runId: run.id, status: "CANCELLED" };
    }
    const known = error instanceof TRPCError || error instanceof SchedulingError;
    const message = known ? (error as Error).message : "The planner failed unexpectedly. Please try again.";
    if (!known) logger.error("planning.failed", { runId: run.id, message: error instanceof Error ? error.message : String(error) });
    await lease.finish("FAILED", message);
    return { runId: run.id, status: "FAILED" };
  } finally {
    lease.release();
  }
}

export const planJobHandler: JobHandler = { name: "planning", runNext: () => runNextPlanJob() };
