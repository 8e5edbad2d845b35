import "server-only";
import { TRPCError } from "@trpc/server";
import { studioIdInput } from "~/lib/inputs";
import { can, type Permission, type StudioRole } from "~/server/authz/permissions";
import { loadSessionUser, sessionEndReason, sessionExpired, type AppSession, type SessionUser } from "~/server/session";
import { findSessionMember } from "~/server/authz/membership";
import { withTenant, type TenantDb } from "~/server/db";
import { logger } from "~/server/logger";
import { publicProcedure, t } from "./init";
import { notFound } from "~/server/errors";

/** A session, within its absolute lifetime (no database needed). */
function assertSessionInLifetime(session: AppSession | null): asserts session is AppSession {
  if (!session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  if (sessionExpired(session)) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Your session has expired. Please sign in again." });
  }
}

/** The session rules (lifetime, sign out everywhere, plain sign-out), given the user row it names (or none). */
function assertLiveSession(
  session: AppSession | null,
  user: (SessionUser & { revoked: boolean }) | null | undefined,
): asserts user is SessionUser & { revoked: boolean } {
  assertSessionInLifetime(session);
  if (sessionEndReason(session, user)) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Your session has ended. Please sign in again." });
  }
}

const sessionUserOnly = ({ id, email, name, sessionVersion }: SessionUser): SessionUser => ({ id, email, name, sessionVersion });

/** Signed in, with a session that is still live (see src/server/session.ts). */
export const protectedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const user = ctx.session ? await loadSessionUser(ctx.session) : null;
  assertLiveSession(ctx.session, user);
  return next({ ctx: { user: sessionUserOnly(user) } });
});

/** What every studio procedure (studioProcedure / permittedProcedure) hands its service: the caller, the studio,
 * their role and membership, and the request's tenant transaction. Services take `(ctx: StudioContext, input)`. */
export type StudioContext = {
  user: SessionUser;
  studio: { id: string; name: string; slug: string; timeZone: string };
  role: StudioRole;
  membershipId: string;
  db: TenantDb;
};

const NO_DB_IN_SUBSCRIPTIONS = new Proxy({} as TenantDb, {
  get() {
    throw new Error("Subscriptions have no tenant transaction; read through a query procedure instead.");
  },
});

/**
 * The one door to tenant data. Loads the caller's membership from the database on every request, then
 * runs the procedure in a transaction as the row-level-security role with the tenant set. Non-members
 * get NOT_FOUND: another studio's existence is not revealed.
 */
export const studioScope = t.middleware(async ({ ctx, input, next, path, type }) => {
  const studioId = (input as { studioId?: unknown } | undefined)?.studioId;
  if (typeof studioId !== "string" || !studioId) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "studioId is required" });
  }
  const { session, user, membership } = await requireStudioMember(ctx.session, studioId, path);
  if (type === "subscription") {
    // A live feed must not hold a transaction open for its lifetime: it reads through its own hub.
    return next({
      ctx: { session, user, studio: membership.studio, role: membership.role, membershipId: membership.id, db: NO_DB_IN_SUBSCRIPTIONS },
    });
  }
  return withTenant(studioId, async (db) => {
    const result = await next({
      ctx: { session, ...({ user, studio: membership.studio, role: membership.role, membershipId: membership.id, db } satisfies StudioContext) },
    });
    // Re-throw so the transaction rolls back: a failed procedure never leaves half its writes behind.
    if (!result.ok) throw result.error;
    return result;
  });
});

/**
 * The caller's live session and membership in the studio (one round trip: it runs on every studio request).
 * Non-members get NOT_FOUND, so another studio's existence is not revealed. Used by studioScope and by the
 * procedures that must run outside the tenant transaction (billing's Stripe calls).
 */
export async function requireStudioMember(session: AppSession | null, studioId: string, path: string) {
  assertSessionInLifetime(session);
  const row = await findSessionMember(session, studioId);
  assertLiveSession(session, row);
  const user = sessionUserOnly(row);
  if (!row.membershipId || !row.role) {
    logger.warn("tenant.denied", { path, userId: user.id, studioId });
    throw notFound("Studio");
  }
  const membership = { id: row.membershipId, role: row.role, studio: { id: studioId, name: row.studioName, slug: row.slug, timeZone: row.timeZone } };
  return { session, user, membership };
}

/** Before any input is read: no session (or an expired one) is UNAUTHORIZED whatever the input. */
export const hasSession = publicProcedure.use(({ ctx, next }) => {
  assertSessionInLifetime(ctx.session);
  return next();
});

export const studioProcedure = hasSession.input(studioIdInput).use(studioScope);

/** A studio procedure that also requires a permission from the shared role table. */
export function permittedProcedure(permission: Permission) {
  return studioProcedure.meta({ permission }).use(({ ctx, next }) => {
    if (!can(ctx.role, permission)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Your role in this studio does not allow this." });
    }
    return next();
  });
}
