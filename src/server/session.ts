import "server-only";
import { systemDb } from "~/server/db";

// The session as procedures and pages see it, with no next-auth import: the tRPC layer (and scripts that
// call it) stay independent of the auth library. A session is live while it is within its absolute lifetime,
// its user's sessionVersion still matches (sign out everywhere, password change and reset bump it) and its id
// was not revoked by a plain sign-out. Every server-rendered page and every procedure checks all three against
// the database; live feeds re-check them while they run.

/** A signed-in session's absolute lifetime, whatever the activity. */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/** What procedures see of the session; tests build the same shape. */
export type AppSession = {
  userId: string;
  email: string;
  sessionVersion: number;
  loginAt: number;
  /** The session's own id, fixed at sign-in (the JWT's `sid` claim): what a plain sign-out revokes. */
  sessionId?: string | null;
};

export type SessionUser = { id: string; email: string; name: string; sessionVersion: number };

/** When the session ends whatever happens (ms since the epoch). */
export function sessionEndsAt(session: Pick<AppSession, "loginAt">): number {
  return session.loginAt + SESSION_MAX_AGE_SECONDS * 1000;
}

export function sessionExpired(session: Pick<AppSession, "loginAt">, now = Date.now()): boolean {
  return now > sessionEndsAt(session);
}

/** Why a session that names this user row is not live any more, or null when it is. */
export function sessionEndReason(
  session: AppSession,
  user: { sessionVersion: number; revoked: boolean } | null | undefined,
  now = Date.now(),
): "expired" | "ended" | null {
  if (sessionExpired(session, now)) return "expired";
  if (!user || user.sessionVersion !== session.sessionVersion || user.revoked) return "ended";
  return null;
}

/** The session's user, with whether its id was revoked, in one query. */
export async function loadSessionUser(session: AppSession): Promise<(SessionUser & { revoked: boolean }) | null> {
  const [row] = await systemDb().$queryRaw<Array<SessionUser & { revoked: boolean }>>`
    SELECT u."id", u."email", u."name", u."sessionVersion",
           EXISTS (SELECT 1 FROM "RevokedSession" r WHERE r."sessionId" = ${session.sessionId ?? ""}) AS "revoked"
      FROM "User" u
     WHERE u."id" = ${session.userId}`;
  return row ?? null;
}

/** The session's user when the session is live, else null. */
export async function liveSessionUser(session: AppSession | null): Promise<SessionUser | null> {
  if (!session || sessionExpired(session)) return null;
  const user = await loadSessionUser(session);
  if (sessionEndReason(session, user)) return null;
  return user && { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

/** A plain sign-out: this session only, refused until it would have expired anyway. */
export async function revokeSession(session: Pick<AppSession, "userId" | "loginAt" | "sessionId">): Promise<void> {
  if (!session.sessionId) return;
  await systemDb().revokedSession.upsert({
    where: { sessionId: session.sessionId },
    create: { sessionId: session.sessionId, userId: session.userId, expiresAt: new Date(sessionEndsAt(session)) },
    update: {},
  });
}

/** Revoked ids of sessions that have expired anyway; returns how many were deleted. */
export async function pruneRevokedSessions(now = new Date()): Promise<number> {
  const { count } = await systemDb().revokedSession.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}
