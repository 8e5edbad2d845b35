import type { BenchEventKind } from "~/generated/prisma/enums";

// The topics a studio's changes are announced on (pg_notify: src/server/realtime/events.ts) and what each one
// carries. Publishers and subscribers share this map: an unknown topic or a wrong payload is a type error.
// Payloads stay small, ids and counters only (NOTIFY caps them at 8 kB). Client-safe: types and constants.

export type StudioTopics = {
  "studio.updated": { by: string };
  /** A re-plan was queued, or flagged as a follow-up of the run under way. */
  "plan.requested": { reason: string };
  /** A planner run saved a new plan. */
  "plan.updated": { runId: string; batches: number };
  /** A board edit: `moved` batches moved along with it. */
  "plan.edited":
    | { kind: "move" | "split" | "merge" | "resize"; batchId: string; moved: number }
    | { kind: "pin" | "unpin"; batchId: string }
    | { kind: "unpin-all"; count: number };
  /** A planner run's steps and its end (plan.updated follows a success). */
  "run.status": { runId: string; status: "RUNNING"; progress: number } | { runId: string; status: "SUCCEEDED" | "FAILED" | "CANCELLED" };
  "order.status": { status: "IN_PRODUCTION"; count: number } | { status: "DONE"; lines: number; orders: number };
  "material.stock": { batchId: string };
  /** Bench work on a batch, for bench views... */
  "bench.batch": { batchId: string; kind: BenchEventKind };
  /** ...and the same for the plan board and the dashboard. */
  "batch.progress": { batchId: string; kind: BenchEventKind };
};

export type StudioTopic = keyof StudioTopics;

/** One announcement; with a topic given, its payload is that topic's. */
export type StudioEvent<T extends StudioTopic = StudioTopic> = { [K in T]: { studioId: string; topic: K; data: StudioTopics[K] } }[T];

type FamilyOf<T> = T extends `${infer Family}.${string}` ? Family : never;

/** What a subscriber asks for: one topic, or a family of them ("plan." is every plan.* topic). */
export type TopicFilter = StudioTopic | `${FamilyOf<StudioTopic>}.`;

const topics = {
  "studio.updated": true,
  "plan.requested": true,
  "plan.updated": true,
  "plan.edited": true,
  "run.status": true,
  "order.status": true,
  "material.stock": true,
  "bench.batch": true,
  "batch.progress": true,
} satisfies Record<StudioTopic, true>;

export const STUDIO_TOPICS = Object.keys(topics) as StudioTopic[];

/** Every filter a subscriber may name (the live feed's input accepts these only). */
export const TOPIC_FILTERS = [...new Set([...STUDIO_TOPICS, ...STUDIO_TOPICS.map((topic) => `${topic.split(".")[0]}.`)])] as [TopicFilter, ...TopicFilter[]];

/** Whether a subscriber asking for `filters` (none: everything) hears `topic`. */
export function topicMatches(filters: readonly string[], topic: string): boolean {
  return filters.length === 0 || filters.some((filter) => topic.startsWith(filter));
}
