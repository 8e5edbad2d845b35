import { systemDb } from "~/server/db";
import { realtimeHub } from "./hub";
import type { StudioEvent } from "./events";

const MEMBERSHIP_RECHECK_MS = 15_000;

/**
 * A member's live feed of one studio's events, filtered by topic prefix. Membership was checked when the
 * subscription opened (studioScope); it is checked again as events flow, so a removed member's feed ends.
 */
export async function* studioEventFeed(options: {
  studioId: string;
  userId: string;
  topics: string[];
  signal: AbortSignal;
}): AsyncGenerator<StudioEvent> {
  let checkedAt = Date.now();
  for await (const event of realtimeHub().events(options.studioId, options.signal)) {
    if (Date.now() - checkedAt > MEMBERSHIP_RECHECK_MS) {
      const member = await systemDb().membership.findUnique({
        where: { studioId_userId: { studioId: options.studioId, userId: options.userId } },
        select: { id: true },
      });
      if (!member) return;
      checkedAt = Date.now();
    }
    if (options.topics.length === 0 || options.topics.some((topic) => event.topic.startsWith(topic))) yield event;
  }
}
