import { describe, expect, it } from "vitest";
import { STUDIO_TOPICS, TOPIC_FILTERS, topicMatches, type TopicFilter } from "~/lib/live-topics";
import type { TenantDb } from "~/server/db";
import { publishStudioEvent } from "~/server/realtime/events";

describe("live topics", () => {
  it("lets a subscriber name a topic or a family of topics, nothing else", () => {
    expect(TOPIC_FILTERS).toEqual(expect.arrayContaining(["plan.", "run.", "bench.", "batch.", "plan.updated", "run.status"]));
    expect(TOPIC_FILTERS).not.toContain("plan");
    for (const topic of STUDIO_TOPICS) expect(TOPIC_FILTERS).toContain(topic);
    expect(topicMatches(["plan."], "plan.edited")).toBe(true);
    expect(topicMatches(["plan."], "run.status")).toBe(false);
    expect(topicMatches(["run.status"], "run.status")).toBe(true);
    expect(topicMatches([], "order.status")).toBe(true);
  });

  it("makes an unknown topic or another topic's payload a type error (checked by npm run typecheck)", () => {
    const publishers = (db: TenantDb) => [
      publishStudioEvent(db, { studioId: "s", topic: "plan.updated", data: { runId: "r", batches: 3 } }),
      publishStudioEvent(db, { studioId: "s", topic: "run.status", data: { runId: "r", status: "RUNNING", progress: 40 } }),
      // @ts-expect-error an unknown topic
      publishStudioEvent(db, { studioId: "s", topic: "plan.deleted", data: { runId: "r", batches: 3 } }),
      // @ts-expect-error another topic's payload
      publishStudioEvent(db, { studioId: "s", topic: "plan.updated", data: { reason: "orders changed" } }),
      // @ts-expect-error a run status the topic does not carry
      publishStudioEvent(db, { studioId: "s", topic: "run.status", data: { runId: "r", status: "QUEUED" } }),
    ];
    const filters: TopicFilter[] = ["plan.", "run.status"];
    // @ts-expect-error not a topic or a family
    const unknown: TopicFilter = "plans.";
    void publishers; // never called: the calls above are checked by the compiler
    expect(filters.map((filter) => topicMatches([filter], "run.status"))).toEqual([false, true]);
    // What the compiler refuses, the live feed's input refuses too.
    expect(TOPIC_FILTERS).not.toContain(unknown);
  });
});
