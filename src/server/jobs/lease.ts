import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { systemDb, type TenantDb } from "~/server/db";
import { logger } from "~/server/logger";

// Leases on the rows of a job table, so several workers share one queue and a dead worker's job is retried by
// another. Which table, and what happens when a job ends, is the job's business (a JobTable); this module knows
// only the columns every job table has (see JobTable).
//
// - Claim: one statement-pair transaction with FOR UPDATE SKIP LOCKED takes the oldest QUEUED job, or a RUNNING
//   job whose lease has expired (its worker died or froze), and stamps it with a fresh token and an expiry.
// - Renewal: while the job is worked on, the holder pushes the expiry forward (a timer, and every progress
//   write). A job doing synchronous work blocks the timer, so it asks for a lease longer than that work.
// - Fencing: every write of the holder names its token. A holder that lost its lease (another worker took the
//   job over) can no longer write progress or a final state, and its result transaction, which calls
//   assertHeld, finds someone else's token and rolls back. A job's result and its SUCCEEDED are committed
//   together, so a result is written exactly once even when a worker dies between the two.
// - Lease expiry uses the database's clock (one clock for every worker); startedAt/finishedAt, which people
//   read, take "now" from the app like every other timestamp. Columns hold UTC without a zone.
// - A job table may allow one active (QUEUED or RUNNING) job per studio (unique activeSlot, NULL once ended); a
//   retry reuses the same row. Whatever must happen once a job has ended (queue a follow-up, announce it) goes
//   in JobTable.onEnded, inside the transaction that ends it, so it happens exactly once.

/** Attempts before a job that keeps killing its workers is failed for good. */
export const MAX_ATTEMPTS = 3;
const DEFAULT_LEASE_MS = 30_000;

const NOW_UTC = "(now() AT TIME ZONE 'UTC')";

/**
 * A table of jobs. Its rows have id, studioId, status (an enum with QUEUED, RUNNING, SUCCEEDED, FAILED and
 * CANCELLED), activeSlot, progress, message, cancelRequested, createdAt, startedAt, finishedAt, attempts,
 * leaseOwner and leaseExpiresAt.
 */
export type JobTable<Ended extends { studioId: string }> = {
  /** Prefix of log events: "planning" logs planning.retrying. */
  name: string;
  /** The table and its status enum, as quoted SQL identifiers' contents: "PlanRun", "PlanRunStatus". */
  table: string;
  statusType: string;
  /** Columns RETURNING from the statement that ends a job (studioId among them), handed to onEnded. */
  endedColumns: string;
  /** Inside the transaction that ended a job (its slot is free): once per job. */
  onEnded: (db: TenantDb, ended: Ended, status: EndStatus) => Promise<void>;
  /** The message of a job failed for good after MAX_ATTEMPTS dead workers, and of a retry's start. */
  messages: { exhausted: string; retrying: string };
  /** After each progress write of the holder. */
  onProgress?: (job: { id: string; studioId: string; percent: number }) => Promise<void>;
};

export type EndStatus = "SUCCEEDED" | "FAILED" | "CANCELLED";

/** The lease length: PLAN_JOB_LEASE_MS (default 30 s), never under `atLeastMs`. */
export function leaseMs(atLeastMs: number): number {
  const configured = Number(process.env.PLAN_JOB_LEASE_MS);
  const wanted = Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_LEASE_MS;
  return Math.max(wanted, atLeastMs);
}

/** Names this process in lease tokens (and so in leaseOwner): WORKER_ID (else the host) and the pid. */
export function workerName(): string {
  return `${process.env.WORKER_ID || hostname()}:${process.pid}`;
}

export class LeaseLost extends Error {
  constructor(jobId: string) {
    super(`Job ${jobId} was taken over by another worker (lease expired).`);
  }
}

export type Lease = {
  jobId: string;
  studioId: string;
  token: string;
  attempt: number;
  /** Pushes the expiry forward and returns whether cancellation was asked; throws LeaseLost. */
  progress: (percent: number, message: string) => Promise<{ cancelRequested: boolean }>;
  /** Writes the final state (and runs onEnded) if the lease is still held (false otherwise). */
  finish: (status: "FAILED" | "CANCELLED", message: string) => Promise<boolean>;
  /** Inside a transaction: locks the job row and throws LeaseLost unless this lease still holds it. */
  assertHeld: (db: TenantDb) => Promise<void>;
  /** Stops the renewal timer. */
  release: () => void;
};

/** Fails jobs whose workers died MAX_ATTEMPTS times, so the studio can queue again (onEnded runs for each). */
async function failExhaustedJobs<Ended extends { studioId: string }>(jobs: JobTable<Ended>, studioId?: string): Promise<void> {
  const failed = await systemDb().$transaction(async (tx) => {
    const ended = await tx.$queryRawUnsafe<Ended[]>(
      `UPDATE "${jobs.table}" SET status = 'FAILED', "activeSlot" = NULL, "leaseOwner" = NULL, "finishedAt" = $2,
         message = $4
       WHERE status = 'RUNNING' AND "leaseExpiresAt" < ${NOW_UTC} AND attempts >= $1 AND ($3::text IS NULL OR "studioId" = $3)
       RETURNING ${jobs.endedColumns}`,
      MAX_ATTEMPTS,
      new Date(),
      studioId ?? null,
      jobs.messages.exhausted,
    );
    for (const job of ended) await jobs.onEnded(tx, job, "FAILED");
    return ended.length;
  });
  if (failed > 0) logger.warn(`${jobs.name}.attempts_exhausted`, { jobs: failed });
}

/**
 * Claims the next job (queued, or abandoned by a dead worker), of one studio if given (tests sharing a database
 * use that), with a lease of at least `minLeaseMs`. Null when there is nothing to do.
 */
export async function claimJob<Ended extends { studioId: string }>(
  jobs: JobTable<Ended>,
  options: { minLeaseMs: number; studioId?: string },
): Promise<Lease | null> {
  const studioId = options.studioId ?? null;
  await failExhaustedJobs(jobs, options.studioId);
  const ms = leaseMs(options.minLeaseMs);
  const token = `${workerName()}:${randomUUID()}`;
  const claimed = await systemDb().$transaction(async (tx) => {
    const rows = await tx.$queryRawUnsafe<Array<{ id: string; studioId: string; attempts: number; status: string }>>(
      `SELECT id, "studioId", attempts, status::text AS status FROM "${jobs.table}"
       WHERE (status = 'QUEUED' OR (status = 'RUNNING' AND "leaseExpiresAt" < ${NOW_UTC})) AND ($1::text IS NULL OR "studioId" = $1)
       ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED`,
      studioId,
    );
    const job = rows[0];
    if (!job) return null;
    const retry = job.status === "RUNNING";
    await tx.$executeRawUnsafe(
      `UPDATE "${jobs.table}" SET status = 'RUNNING', "startedAt" = COALESCE("startedAt", $5), attempts = attempts + 1,
         "leaseOwner" = $2, "leaseExpiresAt" = ${NOW_UTC} + $3 * interval '1 millisecond', progress = 5, message = $4
       WHERE id = $1`,
      job.id,
      token,
      ms,
      retry ? jobs.messages.retrying : "Starting",
      new Date(),
    );
    return { ...job, retry };
  });
  if (!claimed) return null;
  if (claimed.retry) logger.warn(`${jobs.name}.retrying`, { jobId: claimed.id, studioId: claimed.studioId, attempt: claimed.attempts + 1, worker: workerName() });
  return holdLease(jobs, { jobId: claimed.id, studioId: claimed.studioId, token, attempt: claimed.attempts + 1, ms });
}

function holdLease<Ended extends { studioId: string }>(
  jobs: JobTable<Ended>,
  lease: { jobId: string; studioId: string; token: string; attempt: number; ms: number },
): Lease {
  const { jobId, studioId, token, ms } = lease;
  const renew = async (set: string, values: unknown[]): Promise<{ cancelRequested: boolean } | null> => {
    const rows = await systemDb().$queryRawUnsafe<Array<{ cancelRequested: boolean }>>(
      `UPDATE "${jobs.table}" SET "leaseExpiresAt" = ${NOW_UTC} + $3 * interval '1 millisecond'${set}
       WHERE id = $1 AND "leaseOwner" = $2 AND status = 'RUNNING' RETURNING "cancelRequested"`,
      jobId,
      token,
      ms,
      ...values,
    );
    return rows[0] ?? null;
  };
  const timer = setInterval(() => {
    renew("", []).catch((error: unknown) =>
      logger.warn(`${jobs.name}.lease_renewal_failed`, { jobId, message: error instanceof Error ? error.message : String(error) }),
    );
  }, Math.max(250, Math.floor(ms / 3)));
  timer.unref?.();

  return {
    jobId,
    studioId,
    token,
    attempt: lease.attempt,
    async progress(percent, message) {
      const row = await renew(", progress = $4, message = $5", [percent, message]);
      if (!row) throw new LeaseLost(jobId);
      await jobs.onProgress?.({ id: jobId, studioId, percent });
      return row;
    },
    async finish(status, message) {
      return systemDb().$transaction(async (tx) => {
        const [ended] = await tx.$queryRawUnsafe<Ended[]>(
          `UPDATE "${jobs.table}" SET status = $3::"${jobs.statusType}", message = $4, "activeSlot" = NULL, "finishedAt" = $5
           WHERE id = $1 AND "leaseOwner" = $2 AND status = 'RUNNING' RETURNING ${jobs.endedColumns}`,
          jobId,
          token,
          status,
          message,
          new Date(),
        );
        if (ended) await jobs.onEnded(tx, ended, status);
        return ended !== undefined;
      });
    },
    async assertHeld(db) {
      const rows = await db.$queryRawUnsafe<Array<{ id: string }>>(
        `SELECT id FROM "${jobs.table}" WHERE id = $1 AND "studioId" = $2 AND "leaseOwner" = $3 AND status = 'RUNNING' FOR UPDATE`,
        jobId,
        studioId,
        token,
      );
      if (rows.length === 0) throw new LeaseLost(jobId);
    },
    release: () => clearInterval(timer),
  };
}
