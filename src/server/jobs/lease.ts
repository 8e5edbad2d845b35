import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { systemDb, type TenantDb } from "~/server/db";
import { logger } from "~/server/logger";
import { publishStudioEvent } from "~/server/realtime/events";

// Leases on planner runs, so several workers share one queue and a dead worker's run is retried by another.
//
// - Claim: one statement-pair transaction with FOR UPDATE SKIP LOCKED takes the oldest QUEUED run, or a RUNNING
//   run whose lease has expired (its worker died or froze), and stamps it with a fresh token and an expiry.
// - Renewal: while the run is worked on, the holder pushes the expiry forward (a timer, and every progress
//   write). The engine's search is synchronous and blocks the timer, so the lease is never shorter than twice the
//   engine's time limit plus a margin.
// - Fencing: every write of the holder names its token. A holder that lost its lease (another worker took the
//   run over) can no longer write progress, a result or a plan: its save transaction locks the run row and
//   finds someone else's token, and rolls back. The result and the run's SUCCEEDED are committed together, so a
//   run's plan is written exactly once even when a worker dies between the two.
// - Lease expiry uses the database's clock (one clock for every worker); startedAt/finishedAt, which people
//   read, take "now" from the app like every other timestamp. Columns hold UTC without a zone.
// - At most one run per studio is QUEUED or RUNNING (unique activeSlot), and a retry reuses the same row, so two
//   runs of one studio are never worked on at once by live holders.
// - Follow-ups: a re-plan asked for while a run is active sets its followUp (runs.ts requestReplan). Whoever ends
//   the run (its holder, fenced by the token, or failExhaustedRuns) queues the follow-up in the transaction that
//   frees the slot, so it is queued exactly once, and only once the slot is free.

/** Attempts before a run that keeps killing its workers is failed for good. */
export const MAX_ATTEMPTS = 3;
const DEFAULT_LEASE_MS = 30_000;

const NOW_UTC = "(now() AT TIME ZONE 'UTC')";

/** The lease length: PLAN_JOB_LEASE_MS (default 30 s), never under twice the engine's time limit plus 3 s. */
export function leaseMs(engineTimeLimitMs: number): number {
  const configured = Number(process.env.PLAN_JOB_LEASE_MS);
  const wanted = Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_LEASE_MS;
  return Math.max(wanted, 2 * engineTimeLimitMs + 3_000);
}

/** Names this process in lease tokens (and so in PlanRun.leaseOwner): WORKER_ID (else the host) and the pid. */
export function workerName(): string {
  return `${process.env.WORKER_ID || hostname()}:${process.pid}`;
}

export class LeaseLost extends Error {
  constructor(runId: string) {
    super(`Planner run ${runId} was taken over by another worker (lease expired).`);
  }
}

export type Lease = {
  runId: string;
  studioId: string;
  token: string;
  attempt: number;
  /** Pushes the expiry forward and returns whether cancellation was asked; throws LeaseLost. */
  progress: (percent: number, message: string) => Promise<{ cancelRequested: boolean }>;
  /** Writes the final state and queues the follow-up if the lease is still held (false otherwise). */
  finish: (status: "FAILED" | "CANCELLED", message: string) => Promise<boolean>;
  /** Inside a transaction: locks the run row and throws LeaseLost unless this lease still holds it. */
  assertHeld: (db: TenantDb) => Promise<void>;
  /** Stops the renewal timer. */
  release: () => void;
};

/** What ending a run returns (RETURNING ENDED_RUN), for queueFollowUp. */
const ENDED_RUN = `"studioId", "followUp", reason, "requestedById"`;
type EndedRun = { studioId: string; followUp: boolean; reason: string | null; requestedById: string | null };

/**
 * Inside the transaction that ended the run (freed its activeSlot): queues the re-plan asked for while it was
 * active. ON CONFLICT: a run queued meanwhile by someone else already covers the change.
 */
export async function queueFollowUp(db: TenantDb, ended: EndedRun | undefined): Promise<void> {
  if (!ended?.followUp) return;
  const reason = ended.reason ?? "changes while planning";
  await db.$executeRaw`
    INSERT INTO "PlanRun" ("id", "studioId", "requestedById", "reason", "message")
    VALUES (${randomUUID()}, ${ended.studioId}, ${ended.requestedById}, ${reason}, ${`Re-planning: ${reason}`})
    ON CONFLICT ("studioId", "activeSlot") DO NOTHING`;
}

/** Fails runs whose workers died MAX_ATTEMPTS times, so the studio can plan again (and gets its follow-up). */
async function failExhaustedRuns(studioId?: string): Promise<void> {
  const failed = await systemDb().$transaction(async (tx) => {
    const ended = await tx.$queryRawUnsafe<EndedRun[]>(
      `UPDATE "PlanRun" SET status = 'FAILED', "activeSlot" = NULL, "leaseOwner" = NULL, "finishedAt" = $2,
         message = 'The planner stopped unexpectedly ${MAX_ATTEMPTS} times. Plan again.'
       WHERE status = 'RUNNING' AND "leaseExpiresAt" < ${NOW_UTC} AND attempts >= $1 AND ($3::text IS NULL OR "studioId" = $3)
       RETURNING ${ENDED_RUN}`,
      MAX_ATTEMPTS,
      new Date(),
      studioId ?? null,
    );
    for (const run of ended) await queueFollowUp(tx, run);
    return ended.length;
  });
  if (failed > 0) logger.warn("planning.attempts_exhausted", { runs: failed });
}

/**
 * Claims the next run (queued, or abandoned by a dead worker), of one studio if given (tests sharing a database
 * use that). Null when there is nothing to do.
 */
export async function claimRun(options: { engineTimeLimitMs: number; studioId?: string }): Promise<Lease | null> {
  const studioId = options.studioId ?? null;
  await failExhaustedRuns(options.studioId);
  const ms = leaseMs(options.engineTimeLimitMs);
  const token = `${workerName()}:${randomUUID()}`;
  const claimed = await systemDb().$transaction(async (tx) => {
    const rows = await tx.$queryRawUnsafe<Array<{ id: string; studioId: string; attempts: number; status: string }>>(
      `SELECT id, "studioId", attempts, status::text AS status FROM "PlanRun"
       WHERE (status = 'QUEUED' OR (status = 'RUNNING' AND "leaseExpiresAt" < ${NOW_UTC})) AND ($1::text IS NULL OR "studioId" = $1)
       ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED`,
      studioId,
    );
    const run = rows[0];
    if (!run) return null;
    const retry = run.status === "RUNNING";
    await tx.$executeRawUnsafe(
      `UPDATE "PlanRun" SET status = 'RUNNING', "startedAt" = COALESCE("startedAt", $5), attempts = attempts + 1,
         "leaseOwner" = $2, "leaseExpiresAt" = ${NOW_UTC} + $3 * interval '1 millisecond', progress = 5, message = $4
       WHERE id = $1`,
      run.id,
      token,
      ms,
      retry ? "Starting again: the worker planning this stopped" : "Starting",
      new Date(),
    );
    return { ...run, retry };
  });
  if (!claimed) return null;
  if (claimed.retry) logger.warn("planning.retrying", { runId: claimed.id, studioId: claimed.studioId, attempt: claimed.attempts + 1, worker: workerName() });
  return holdLease({ runId: claimed.id, studioId: claimed.studioId, token, attempt: claimed.attempts + 1, ms });
}

function holdLease(lease: { runId: string; studioId: string; token: string; attempt: number; ms: number }): Lease {
  const { runId, studioId, token, ms } = lease;
  const renew = async (set: string, values: unknown[]): Promise<{ cancelRequested: boolean } | null> => {
    const rows = await systemDb().$queryRawUnsafe<Array<{ cancelRequested: boolean }>>(
      `UPDATE "PlanRun" SET "leaseExpiresAt" = ${NOW_UTC} + $3 * interval '1 millisecond'${set}
       WHERE id = $1 AND "leaseOwner" = $2 AND status = 'RUNNING' RETURNING "cancelRequested"`,
      runId,
      token,
      ms,
      ...values,
    );
    return rows[0] ?? null;
  };
  const timer = setInterval(() => {
    renew("", []).catch((error: unknown) =>
      logger.warn("planning.lease_renewal_failed", { runId, message: error instanceof Error ? error.message : String(error) }),
    );
  }, Math.max(250, Math.floor(ms / 3)));
  timer.unref?.();

  return {
    runId,
    studioId,
    token,
    attempt: lease.attempt,
    async progress(percent, message) {
      const row = await renew(", progress = $4, message = $5", [percent, message]);
      if (!row) throw new LeaseLost(runId);
      await publishStudioEvent(systemDb(), { studioId, topic: "run.status", data: { runId, status: "RUNNING", progress: percent } });
      return row;
    },
    async finish(status, message) {
      return systemDb().$transaction(async (tx) => {
        const [ended] = await tx.$queryRawUnsafe<EndedRun[]>(
          `UPDATE "PlanRun" SET status = $3::"PlanRunStatus", message = $4, "activeSlot" = NULL, "finishedAt" = $5
           WHERE id = $1 AND "leaseOwner" = $2 AND status = 'RUNNING' RETURNING ${ENDED_RUN}`,
          runId,
          token,
          status,
          message,
          new Date(),
        );
        await queueFollowUp(tx, ended);
        if (ended) await publishStudioEvent(tx, { studioId, topic: "run.status", data: { runId, status } });
        return ended !== undefined;
      });
    },
    async assertHeld(db) {
      const rows = await db.$queryRawUnsafe<Array<{ id: string }>>(
        `SELECT id FROM "PlanRun" WHERE id = $1 AND "studioId" = $2 AND "leaseOwner" = $3 AND status = 'RUNNING' FOR UPDATE`,
        runId,
        studioId,
        token,
      );
      if (rows.length === 0) throw new LeaseLost(runId);
    },
    release: () => clearInterval(timer),
  };
}
