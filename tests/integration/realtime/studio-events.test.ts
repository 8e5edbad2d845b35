import { afterAll, describe, expect, it } from "vitest";
import type { StudioEvent } from "~/server/realtime/events";
import { closeRealtimeHub } from "~/server/realtime/hub";
import { systemDb } from "~/server/db";
import { callerFor } from "../../helpers/caller";
import { addMember, makeStudio } from "../../helpers/factories";

afterAll(async () => {
  await closeRealtimeHub();
});

type User = { id: string; email: string };

/** Opens a member's live feed and collects its events in the background until stopped. */
async function listen(user: User, studioId: string, topics: string[] = []) {
  const controller = new AbortController();
  const feed = await callerFor(user, { signal: controller.signal }).studio.events({ studioId, topics });
  const received: StudioEvent[] = [];
  const done = (async () => {
    try {
      for await (const event of feed) received.push(event);
    } catch {
      // aborted
    }
  })();
  return {
    received,
    stop: async () => {
      controller.abort();
      await done;
    },
  };
}

async function waitFor(condition: () => boolean, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for the condition");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("live studio events (LISTEN/NOTIFY -> subscription)", () => {
  it("delivers a committed change to every member watching that studio, and to no other studio", async () => {
    const { studio, owner } = await makeStudio();
    const assistant = await addMember(studio.id, "ASSISTANT");
    const other = await makeStudio();

    const assistantFeed = await listen(assistant, studio.id, ["studio."]);
    const otherFeed = await listen(other.owner, other.studio.id);
    await new Promise((resolve) => setTimeout(resolve, 100));

    await callerFor(owner).studio.update({ studioId: studio.id, expectedVersion: 0, name: "Live Studio", timeZone: "UTC", workingHours: [] });
    await waitFor(() => assistantFeed.received.length > 0, 2_000);
    expect(assistantFeed.received[0]).toMatchObject({ studioId: studio.id, topic: "studio.updated" });
    expect(otherFeed.received).toEqual([]);

    await assistantFeed.stop();
    await otherFeed.stop();
  });

  it("announces nothing for a change that rolled back", async () => {
    const { studio, owner } = await makeStudio();
    const feed = await listen(owner, studio.id);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(
      callerFor(owner).studio.update({ studioId: studio.id, expectedVersion: 99, name: "Stale", timeZone: "UTC", workingHours: [] }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await callerFor(owner).studio.update({ studioId: studio.id, expectedVersion: 0, name: "Fresh", timeZone: "UTC", workingHours: [] });
    await waitFor(() => feed.received.length > 0, 2_000);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(feed.received).toHaveLength(1);
    await feed.stop();
  });

  it("refuses the feed to non-members", async () => {
    const { studio } = await makeStudio();
    const outsider = await makeStudio();
    await expect(callerFor(outsider.owner).studio.events({ studioId: studio.id, topics: [] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await systemDb().studio.count({ where: { id: studio.id } })).toBe(1);
  });
});
