import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { systemDb } from "~/server/db";
import { closeRealtimeHub } from "~/server/realtime/hub";
import { studioEventFeed } from "~/server/realtime/studio-events";
import { liveSessionUser, pruneRevokedSessions, revokeSession, SESSION_MAX_AGE_SECONDS, type AppSession } from "~/server/session";
import { callerFor, errorCode } from "../../helpers/caller";
import { addMember, FACTORY_PASSWORD, makeStudio, makeUser } from "../../helpers/factories";
import { collectFeed } from "../../helpers/live-feed";

// A session ends everywhere at once: pages (liveSessionUser), procedures, and the live feeds already open.

afterAll(async () => {
  await closeRealtimeHub();
});

type User = { id: string; email: string; sessionVersion?: number };
const sessionOf = (user: User, overrides: Partial<AppSession> = {}): AppSession => ({
  userId: user.id,
  email: user.email,
  sessionVersion: user.sessionVersion ?? 0,
  loginAt: Date.now(),
  sessionId: randomUUID(),
  ...overrides,
});

describe("the session check behind every server-rendered page", () => {
  it("refuses a session after sign out everywhere, a password change, its 7-day limit or a plain sign-out", async () => {
    const user = await makeUser();
    expect(await liveSessionUser(sessionOf(user))).toMatchObject({ id: user.id });
    expect(await liveSessionUser(sessionOf(user, { loginAt: Date.now() - SESSION_MAX_AGE_SECONDS * 1000 - 1 }))).toBeNull();

    const signedOut = sessionOf(user);
    const otherDevice = sessionOf(user);
    await revokeSession(signedOut);
    expect(await liveSessionUser(signedOut)).toBeNull();
    expect(await liveSessionUser(otherDevice)).toMatchObject({ id: user.id });

    await callerFor(user).auth.signOutEverywhere();
    expect(await liveSessionUser(otherDevice)).toBeNull();
    const afterEverywhere = { ...user, sessionVersion: 1 };
    expect(await liveSessionUser(sessionOf(afterEverywhere))).toMatchObject({ id: user.id });

    await callerFor(afterEverywhere).account.changePassword({ currentPassword: FACTORY_PASSWORD, newPassword: "another long secret" });
    expect(await liveSessionUser(sessionOf(afterEverywhere))).toBeNull();
  });

  it("procedures refuse a signed-out session and keep the user's other sessions", async () => {
    const { studio, owner } = await makeStudio();
    const [signedOut, kept] = [randomUUID(), randomUUID()];
    await revokeSession(sessionOf(owner, { sessionId: signedOut }));
    expect(await errorCode(callerFor(owner, { sessionId: signedOut }).auth.me())).toBe("UNAUTHORIZED");
    expect(await errorCode(callerFor(owner, { sessionId: signedOut }).studio.get({ studioId: studio.id }))).toBe("UNAUTHORIZED");
    await expect(callerFor(owner, { sessionId: kept }).studio.get({ studioId: studio.id })).resolves.toMatchObject({ id: studio.id });
  });

  it("prunes revoked ids once their session would have expired anyway", async () => {
    const user = await makeUser();
    const old = sessionOf(user, { loginAt: Date.now() - SESSION_MAX_AGE_SECONDS * 1000 - 60_000 });
    const recent = sessionOf(user);
    await revokeSession(old);
    await revokeSession(recent);
    await pruneRevokedSessions();
    const left = await systemDb().revokedSession.findMany({ where: { userId: user.id } });
    expect(left.map((row) => row.sessionId)).toEqual([recent.sessionId]);
  });
});

/** Opens a feed the way the studio.events subscription does; `sync()` proves it is listening. */
function openFeed(session: AppSession, studioId: string, recheckMs?: number) {
  const controller = new AbortController();
  const feed = studioEventFeed({ studioId, session, topics: [], signal: controller.signal, recheckMs });
  return collectFeed(studioId, feed, { probeTopic: "test-marker", close: () => controller.abort() });
}

async function endsWithin(feed: ReturnType<typeof openFeed>, ms: number) {
  const started = Date.now();
  await Promise.race([feed.done, new Promise((resolve) => setTimeout(resolve, ms))]);
  feed.stop();
  expect(feed.ended(), "the feed should have ended").not.toBeNull();
  return feed.ended()! - started;
}

describe("open live feeds", () => {
  it("end at once for a member removed from the studio", async () => {
    const { studio } = await makeStudio();
    const assistant = await addMember(studio.id, "ASSISTANT");
    const feed = openFeed(sessionOf(assistant), studio.id);
    await feed.sync();
    await systemDb().membership.deleteMany({ where: { studioId: studio.id, userId: assistant.id } });
    expect(await endsWithin(feed, 3_000)).toBeLessThan(3_000);
  });

  it("end at once after sign out everywhere, a password change or a plain sign-out", async () => {
    const { studio, owner } = await makeStudio();
    const everywhere = openFeed(sessionOf(owner), studio.id);
    await everywhere.sync();
    await callerFor(owner).auth.signOutEverywhere();
    expect(await endsWithin(everywhere, 3_000)).toBeLessThan(3_000);

    const user = { ...owner, sessionVersion: 1 };
    const password = openFeed(sessionOf(user), studio.id);
    await password.sync();
    await callerFor(user).account.changePassword({ currentPassword: FACTORY_PASSWORD, newPassword: "a different long secret" });
    expect(await endsWithin(password, 3_000)).toBeLessThan(3_000);

    const current = { ...owner, sessionVersion: 2 };
    const plain = sessionOf(current);
    const other = openFeed(sessionOf(current), studio.id);
    const signedOut = openFeed(plain, studio.id);
    await Promise.all([other.sync(), signedOut.sync()]);
    await revokeSession(plain);
    // Positive control: the announcement reached this user's feeds and ended the signed-out one.
    expect(await endsWithin(signedOut, 3_000)).toBeLessThan(3_000);
    // The same user's other session keeps its feed: it still delivers a marker published after the
    // announcement, and the session check the feed re-ran still accepts it.
    await other.sync();
    expect(await liveSessionUser(sessionOf(current))).toMatchObject({ id: owner.id });
    expect(other.ended()).toBeNull();
    await other.stop();
  });

  it("end when the session reaches its 7-day limit", async () => {
    const { studio, owner } = await makeStudio();
    const almostOver = Date.now() - SESSION_MAX_AGE_SECONDS * 1000 + 500;
    const feed = openFeed(sessionOf(owner, { loginAt: almostOver }), studio.id);
    expect(await endsWithin(feed, 3_000)).toBeLessThan(3_000);
  });

  it("end on the periodic re-check when no announcement came (e.g. the listener was reconnecting)", async () => {
    const { studio } = await makeStudio();
    const assistant = await addMember(studio.id, "ASSISTANT");
    const feed = openFeed(sessionOf(assistant), studio.id, 300);
    await feed.sync();
    // Removed without the trigger's announcement reaching this process.
    await systemDb().$transaction([
      systemDb().$executeRaw`ALTER TABLE "Membership" DISABLE TRIGGER access_changed`,
      systemDb().membership.deleteMany({ where: { studioId: studio.id, userId: assistant.id } }),
      systemDb().$executeRaw`ALTER TABLE "Membership" ENABLE TRIGGER access_changed`,
    ]);
    expect(await endsWithin(feed, 3_000)).toBeLessThan(3_000);
  });
});
