import { afterAll, describe, expect, it } from "vitest";
import type { TopicFilter } from "~/lib/live-topics";
import type { StudioEvent } from "~/server/realtime/events";
import { closeRealtimeHub } from "~/server/realtime/hub";
import { callerFor } from "../../helpers/caller";
import { addMember } from "../../helpers/factories";
import { collectFeed, waitFor } from "../../helpers/live-feed";
import { paris, planNow, planningWorld, wideRange } from "./fixtures";

// Everything a person looks at follows live (issue 13 item 5): re-plans, board edits and order status
// changes reach the feeds the board, the bench and the assistant's home listen to.

afterAll(async () => {
  await closeRealtimeHub();
});

async function listen(user: { id: string; email: string }, studioId: string, topics: TopicFilter[]) {
  const controller = new AbortController();
  const feed = await callerFor(user, { signal: controller.signal }).studio.events({ studioId, topics });
  const collected = collectFeed(studioId, feed, { probeTopic: `${topics[0]}test-marker`, close: () => controller.abort() });
  await collected.sync(); // listening
  return collected;
}

const waitForTopic = (feed: { received: StudioEvent[] }, topic: string) =>
  waitFor(() => feed.received.some((e) => e.topic === topic), 5_000, () => `a ${topic} event; got ${feed.received.map((e) => e.topic).join(", ")}`);

describe("live plan, board and order events", () => {
  it("tells the assistant's bench about a re-plan, a board edit and an order status change", async () => {
    const w = await planningWorld();
    const assistant = await addMember(w.studio.id, "ASSISTANT");
    // The topics the bench page and the assistant's home subscribe to.
    const feed = await listen(assistant, w.studio.id, ["bench.", "plan.", "order."]);
    await planNow(w.caller, w.studio.id);
    await waitForTopic(feed, "plan.updated");
    // A run's steps go out on "run.status": views listening to "plan." refetch once, when the plan is saved.
    expect(feed.received.filter((e) => e.topic.startsWith("plan.")).map((e) => e.topic)).toEqual(["plan.updated"]);

    const solder = (await w.caller.planning.currentPlan({ studioId: w.studio.id, ...wideRange() })).batches.find((b) => b.stepName === "Solder join")!;
    await w.caller.planning.moveBatch({ studioId: w.studio.id, batchId: solder.id, expectedVersion: solder.version, startAt: paris(1, "10:00") });
    await waitForTopic(feed, "plan.edited");
    expect(feed.received.find((e) => e.topic === "plan.edited")!.data).toMatchObject({ kind: "move", batchId: solder.id });

    await callerFor(assistant).bench.claim({ studioId: w.studio.id, batchId: solder.id });
    await waitForTopic(feed, "order.status");
    await feed.stop();
  });

  it("announces bench work twice in one go: bench.batch for bench views, then batch.progress for the board", async () => {
    const w = await planningWorld();
    await planNow(w.caller, w.studio.id);
    const solder = (await w.caller.planning.currentPlan({ studioId: w.studio.id, ...wideRange() })).batches.find((b) => b.stepName === "Solder join")!;
    const feed = await listen(w.owner, w.studio.id, ["bench.", "batch."]);
    await w.caller.bench.claim({ studioId: w.studio.id, batchId: solder.id });
    await waitForTopic(feed, "batch.progress");
    const data = { batchId: solder.id, kind: "CLAIM" };
    expect(feed.received).toEqual([
      { studioId: w.studio.id, topic: "bench.batch", data },
      { studioId: w.studio.id, topic: "batch.progress", data },
    ]);
    await feed.stop();
  });

  it("announces a run's steps and its end on run.status, so the plan controls follow it without polling", async () => {
    const w = await planningWorld();
    const feed = await listen(w.owner, w.studio.id, ["run.status"]);
    const { run } = await planNow(w.caller, w.studio.id);
    const ofRun = () => feed.received.flatMap((e) => (e.topic === "run.status" && e.data.runId === run.id ? [e.data] : []));
    await waitFor(() => ofRun().some((data) => data.status === "SUCCEEDED"), 5_000, "the run's end on run.status");
    expect(ofRun().map((data) => `${data.status}:${"progress" in data ? data.progress : "-"}`)).toEqual(["RUNNING:10", "RUNNING:40", "RUNNING:90", "SUCCEEDED:-"]);
    await feed.stop();
  });
});
