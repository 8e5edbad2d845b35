import type { TenantDb } from "~/server/db";

// Live updates: a change is announced with pg_notify inside the transaction that makes it, so listeners
// hear about it only once it is committed (and never about a rolled-back change). Every app instance
// LISTENs on the same channel, so it works across several instances.

export const CHANNEL = "benchflow_events";
/** Announced by database triggers with a user id: a session or membership of theirs changed (see migrations). */
export const ACCESS_CHANNEL = "benchflow_access";

export type StudioEvent = {
  studioId: string;
  /** e.g. "studio.updated", "batch.updated": what changed, for the subscribers to refetch. */
  topic: string;
  /** Small: ids and counters only (NOTIFY payloads are capped at 8 kB). */
  data?: Record<string, string | number | boolean | null>;
};

export async function publishStudioEvent(db: TenantDb, event: StudioEvent): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${CHANNEL}, ${JSON.stringify(event)})`;
}
