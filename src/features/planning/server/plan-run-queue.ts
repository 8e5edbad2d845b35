import { randomUUID } from "node:crypto";
import { systemDb, type TenantDb } from "~/server/db";
import { claimJob, MAX_ATTEMPTS, type EndStatus, type JobTable } from "~/server/jobs/lease";
import { publishStudioEvent } from "~/server/realtime/events";

// Planner runs as leased jobs (src/server/jobs/lease.ts): at most one run per studio is QUEUED or RUNNING (unique
// activeSlot). Follow-ups: a re-plan asked for while a run is active sets its followUp (runs.ts requestReplan).
// Whoever ends the run (its holder, fenced by the token, or the runner failing a run whose workers kept dying)
// queues the follow-up in the transaction that frees the slot, so it is queued exactly once, and only once the
// slot is free.

type EndedRun = { id: string; studioId: string; followUp: boolean; reason: string | null; requestedById: string | null };

/**
 * Inside the transaction that ended the run (freed its activeSlot): queues the re-plan asked for while it was
 * active. ON CONFLICT: a run queued meanwhile by someone else already covers the change.
 */
async function queueFollowUp(db: TenantDb, ended: EndedRun): Promise<void> {
  if (!ended.followUp) return;
  const reason = ended.reason ?? "changes while planning";
  await db.$executeRaw`
    INSERT INTO "PlanRun" ("id", "studioId", "requestedById", "reason", "message")
    VALUES (${randomUUID()}, ${ended.studioId}, ${ended.requestedById}, ${reason}, ${`Re-planning: ${reason}`})
    ON CONFLICT ("studioId", "activeSlot") DO NOTHING`;
}

export const planRuns: JobTable<EndedRun> = {
  name: "planning",
  table: "PlanRun",
  statusType: "PlanRunStatus",
  endedColumns: `id, "studioId", "followUp", reason, "requestedById"`,
  messages: { exhausted: `The planner stopped unexpectedly ${MAX_ATTEMPTS} times. Plan again.`, retrying: "Starting again: the worker planning this stopped" },
  async onEnded(db, ended, status: EndStatus) {
    await queueFollowUp(db, ended);
    await publishStudioEvent(db, { studioId: ended.studioId, topic: "run.status", data: { runId: ended.id, status } });
  },
  async onProgress(run) {
    await publishStudioEvent(systemDb(), { studioId: run.studioId, topic: "run.status", data: { runId: run.id, status: "RUNNING", progress: run.percent } });
  },
};

/** The lease is never under twice the engine's time limit plus 3 s: the engine's search blocks the renewal timer. */
export function claimPlanRun(options: { engineTimeLimitMs: number; studioId?: string }) {
  return claimJob(planRuns, { minLeaseMs: 2 * options.engineTimeLimitMs + 3_000, studioId: options.studioId });
}
