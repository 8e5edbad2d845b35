import { systemDb } from "~/server/db";
import { liveSessionUser, sessionEndsAt, type AppSession } from "~/server/session";
import { realtimeHub } from "./hub";
import { topicMatches, type TopicFilter } from "~/lib/live-topics";
import type { StudioEvent } from "./events";

/** How often an open feed re-checks its session and membership when nothing announced a change. */
export const FEED_RECHECK_MS = 30_000;

async function stillAllowed(session: AppSession, studioId: string): Promise<boolean> {
  if (!(await liveSessionUser(session))) return false;
  const member = await systemDb().membership.findUnique({
    where: { studioId_userId: { studioId, userId: session.userId } },
    select: { id: true },
  });
  return member !== null;
}

/**
 * A member's live feed of one studio's events, filtered by topic prefix. Session and membership were checked
 * when the feed opened (studioScope). The feed ends as soon as either does: at once when the database
 * announces a change for this user (sign-out, sign out everywhere, password change, removal from the studio),
 * at the session's absolute end, and on a periodic re-check in case an announcement was missed (the LISTEN
 * connection was down).
 */
export async function* studioEventFeed(options: {
  studioId: string;
  session: AppSession;
  topics: TopicFilter[];
  signal: AbortSignal;
  recheckMs?: number;
}): AsyncGenerator<StudioEvent> {
  const { studioId, session } = options;
  const ended = new AbortController();
  const recheck = () => {
    stillAllowed(session, studioId)
      .then((allowed) => {
        if (!allowed) ended.abort();
      })
      .catch(() => {}); // the database is unreachable: the next check decides
  };
  const stopListening = realtimeHub().onAccessChange(session.userId, recheck);
  const interval = setInterval(recheck, options.recheckMs ?? FEED_RECHECK_MS);
  const lifetime = setTimeout(() => ended.abort(), Math.max(0, sessionEndsAt(session) - Date.now()));
  const signal = AbortSignal.any([options.signal, ended.signal]);
  try {
    for await (const event of realtimeHub().events(studioId, signal)) {
      if (topicMatches(options.topics, event.topic)) yield event;
    }
  } catch (error) {
    if (!signal.aborted) throw error;
  } finally {
    stopListening();
    clearInterval(interval);
    clearTimeout(lifetime);
  }
}
