import type { TenantDb } from "~/server/db";
import type { StudioEvent } from "~/lib/live-topics";

// Live updates: a change is announced with pg_notify inside the transaction that makes it, so listeners
// hear about it only once it is committed (and never about a rolled-back change). Every app instance
// LISTENs on the same channel, so it works across several instances. Topics and their payloads:
// src/lib/live-topics.ts.

export type { StudioEvent, StudioTopic } from "~/lib/live-topics";

export const CHANNEL = "benchflow_events";
/** Announced by database triggers with a user id: a session or membership of theirs changed (see migrations). */
export const ACCESS_CHANNEL = "benchflow_access";

export async function publishStudioEvent(db: TenantDb, event: StudioEvent): Promise<void> {
  await publishStudioEvents(db, [event]);
}

/** Several announcements in one round trip, delivered in this order on commit. */
export async function publishStudioEvents(db: TenantDb, events: ReadonlyArray<StudioEvent>): Promise<void> {
  const payloads = events.map((event) => JSON.stringify(event));
  await db.$executeRaw`SELECT pg_notify(${CHANNEL}, payload) FROM unnest(${payloads}::text[]) WITH ORDINALITY AS p(payload, n) ORDER BY n`;
}
