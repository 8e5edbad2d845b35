import { logger } from "~/server/logger";
import { pruneExpiredRateLimits } from "~/server/rate-limit";
import { pruneRevokedSessions } from "~/server/session";

/** How often the worker deletes what has expired. */
export const MAINTENANCE_INTERVAL_MS = 10 * 60 * 1000;

/** Deletes expired rate-limit counters and the revoked ids of sessions that have expired anyway. */
export async function pruneExpiredRecords(now = new Date()): Promise<{ rateLimits: number; revokedSessions: number }> {
  const pruned = { rateLimits: await pruneExpiredRateLimits(now.getTime()), revokedSessions: await pruneRevokedSessions(now) };
  if (pruned.rateLimits || pruned.revokedSessions) logger.info("maintenance.pruned", pruned);
  return pruned;
}

/** Runs `pruneExpiredRecords` when at least MAINTENANCE_INTERVAL_MS passed since the last run. */
export function maintenanceScheduler(intervalMs = MAINTENANCE_INTERVAL_MS) {
  let last = 0;
  return async () => {
    if (Date.now() - last < intervalMs) return;
    last = Date.now();
    await pruneExpiredRecords().catch((error: unknown) =>
      logger.warn("maintenance.failed", { message: error instanceof Error ? error.message : String(error) }),
    );
  };
}
