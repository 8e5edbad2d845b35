import { afterAll, describe, expect, it } from "vitest";
import type { TopicFilter } from "~/lib/live-topics";
import { closeRealtimeHub } from "~/server/realtime/hub";
import { systemDb } from "~/server/db";
import { callerFor } from "../../helpers/caller";
import { addMember, makeStudio } from "../../helpers/factories";
import { collectFeed, waitFor } from "../../helpers/live-feed";

afterAll(async () => {
  await closeRealtimeHub();
});

type User = { id: string; email: string };

/** Opens a member's live feed through the subscription procedure and collects its events until stopped. */
async function listen(user: User, studioId: string, topics: TopicFilter[] = []) {
  const controller = new AbortController();
  const feed = await callerFor(user, { signal: controller.signal }).studio.events({ studioId, topics });
  const collected = collectFeed(studioId, feed, { probeTopic: `${topics[0] ?? ""}test-marker`, close: () => controller.abort() });
  await collected.sync(); // listening
  return collected;
}

describe("live studio events (LISTEN/NOTIFY -> subscription)", () => {
  it("delivers a committed change to every member watching that studio, and to no other studio", async () => {
    const { studio, owner } = await makeStudio();
    const assistant = await addMember(studio.id, "ASSISTANT");
    const other = await makeStudio();

    const assistantFeed = await listen(assistant, studio.id, ["studio."]);
    const otherFeed = await listen(other.owner, other.studio.id);

    await callerFor(owner).studio.update({ studioId: studio.id, expectedVersion: 0, name: "Live Studio", timeZone: "UTC", workingHours: [] });
    await waitFor(() => assistantFeed.received.length > 0, 2_000);
    expect(assistantFeed.received[0]).toMatchObject({ studioId: studio.id, topic: "studio.updated" });
    await otherFeed.sync(); // a marker committed after the update reached the other studio's feed: the update did not
    expect(otherFeed.received).toEqual([]);

    await assistantFeed.stop();
    await otherFeed.stop();
  });

  it("announces nothing for a change that rolled back", async () => {
    const { studio, owner } = await makeStudio();
    const feed = await listen(owner, studio.id);
    await expect(
      callerFor(owner).studio.update({ studioId: studio.id, expectedVersion: 99, name: "Stale", timeZone: "UTC", workingHours: [] }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await callerFor(owner).studio.update({ studioId: studio.id, expectedVersion: 0, name: "Fresh", timeZone: "UTC", workingHours: [] });
    await feed.sync(); // everything committed before the marker has arrived
    expect(feed.received).toEqual([{ studioId: studio.id, topic: "studio.updated", data: expect.anything() }]);
    await feed.stop();
  });

  it("refuses the feed to non-members", async () => {
    const { studio } = await makeStudio();
    const outsider = await makeStudio();
    await expect(callerFor(outsider.owner).studio.events({ studioId: studio.id, topics: [] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await systemDb().studio.count({ where: { id: studio.id } })).toBe(1);
  });

  it("refuses a topic that is not one of the app's topics or families", async () => {
    const { studio, owner } = await makeStudio();
    const topics = ["plans."] as unknown as TopicFilter[];
    await expect(callerFor(owner).studio.events({ studioId: studio.id, topics })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
