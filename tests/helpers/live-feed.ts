import { randomUUID } from "node:crypto";
import { systemDb } from "~/server/db";
import { CHANNEL, type StudioEvent } from "~/server/realtime/events";

/** Polls `condition` until it holds; throws after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 5_000, what: string | (() => string) = "the condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === "function" ? what() : what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Collects a live feed's events in the background (markers aside). `sync()` publishes a marker event for the
 * studio and waits until this feed delivers it. PostgreSQL delivers notifications in commit order, so once it
 * returns the feed is listening and every event committed before the call has arrived: a "nothing else came"
 * assertion after it is not a guess about timing. `probeTopic` must pass the feed's topic filter.
 */
export function collectFeed(studioId: string, feed: AsyncIterable<StudioEvent>, options: { probeTopic: string; close: () => void }) {
  const received: StudioEvent[] = [];
  const markers = new Set<string>();
  let endedAt: number | null = null;
  const done = (async () => {
    try {
      for await (const event of feed) {
        const marker = (event.topic as string) === options.probeTopic ? (event.data as { marker?: unknown }).marker : undefined;
        if (typeof marker === "string") markers.add(marker);
        else received.push(event);
      }
    } catch {
      // closed
    }
    endedAt = Date.now();
  })();

  async function sync(timeoutMs = 5_000) {
    const marker = randomUUID();
    const deadline = Date.now() + timeoutMs;
    // Repeated until one arrives: a marker published before the feed subscribed is never delivered.
    while (!markers.has(marker)) {
      if (Date.now() > deadline || endedAt !== null) throw new Error("the feed did not deliver the marker event");
      // A test-only topic, outside the app's typed map (src/lib/live-topics.ts): the same pg_notify, raw.
      const probe = JSON.stringify({ studioId, topic: options.probeTopic, data: { marker } });
      await systemDb().$executeRaw`SELECT pg_notify(${CHANNEL}, ${probe})`;
      await waitFor(() => markers.has(marker) || endedAt !== null, 250).catch(() => {});
    }
  }

  return {
    received,
    sync,
    ended: () => endedAt,
    done,
    stop: async () => {
      options.close();
      await done;
    },
  };
}
