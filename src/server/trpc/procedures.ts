import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { can, type Permission, type StudioRole } from "~/server/authz/permissions";
import { SESSION_MAX_AGE_SECONDS, type AppSession } from "~/server/session";
import { systemDb, withTenant, type TenantDb } from "~/server/db";
import { logger } from "~/server/logger";
import { publicProcedure, t } from "./init";

type SessionUser = { id: string; email: string; name: string; sessionVersion: number };

/** A session, within its absolute lifetime (no database needed). */
function assertSessionInLifetime(session: AppSession | null): asserts session is AppSession {
  if (!session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  if (Date.now() - session.loginAt > SESSION_MAX_AGE_SECONDS * 1000) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Your session has expired. Please sign in again." });
  }
}

/** The session's lifetime and "sign out everywhere" rules, given the user row it names (or none). */
function assertLiveSession(session: AppSession | null, user: SessionUser | null | undefined): asserts user is SessionUser {
  assertSessionInLifetime(session);
  if (!user || user.sessionVersion !== session.sessionVersion) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Your session has ended. Please sign in again." });
  }
}

/** Signed in, with a session that is still valid (not signed out everywhere, within its lifetime). */
export const protectedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const user = ctx.session
    ? await systemDb().user.findUnique({ where: { id: ctx.session.userId }, select: { id: true, email: true, name: true, sessionVersion: true } })
    : null;
  assertLiveSession(ctx.session, user);
  return next({ ctx: { user } });
});

export type StudioContext = {
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
  // The session's user and their membership in one round trip: this runs on every studio request.
  const [row] = ctx.session
    ? await systemDb().$queryRaw<Array<SessionUser & { membershipId: string | null; role: StudioRole | null; studioName: string; slug: string; timeZone: string }>>`
        SELECT u."id", u."email", u."name", u."sessionVersion", m."id" AS "membershipId", m."role"::text AS "role",
               s."name" AS "studioName", s."slug", s."timeZone"
          FROM "User" u
          LEFT JOIN "Membership" m ON m."userId" = u."id" AND m."studioId" = ${studioId}
          LEFT JOIN "Studio" s ON s."id" = m."studioId"
         WHERE u."id" = ${ctx.session.userId}`
    : [];
  const user = row ? { id: row.id, email: row.email, name: row.name, sessionVersion: row.sessionVersion } : null;
  assertLiveSession(ctx.session, user);
  if (!row?.membershipId || !row.role) {
    logger.warn("tenant.denied", { path, userId: user.id, studioId });
    throw new TRPCError({ code: "NOT_FOUND", message: "Studio not found." });
  }
  const membership = { id: row.membershipId, role: row.role, studio: { id: studioId, name: row.studioName, slug: row.slug, timeZone: row.timeZone } };
  if (type === "subscription") {
    // A live feed must not hold a transaction open for its lifetime: it reads through its own hub.
    return next({
      ctx: { user, studio: membership.studio, role: membership.role, membershipId: membership.id, db: NO_DB_IN_SUBSCRIPTIONS },
    });
  }
  return withTenant(studioId, async (db) => {
    const result = await next({
      ctx: { user, ...({ studio: membership.studio, role: membership.role, membershipId: membership.id, db } satisfies StudioContext) },
    });
    // Re-throw so the transaction rolls back: a failed procedure never leaves half its writes behind.
    if (!result.ok) throw result.error;
    return result;
  });
});

/** Before any input is read: no session (or an expired one) is UNAUTHORIZED whatever the input. */
const hasSession = publicProcedure.use(({ ctx, next }) => {
  assertSessionInLifetime(ctx.session);
  return next();
});

export const studioProcedure = hasSession.input(z.object({ studioId: z.string().min(1) })).use(studioScope);

/** A studio procedure that also requires a permission from the shared role table. */
export function permittedProcedure(permission: Permission) {
  return studioProcedure.use(({ ctx, next }) => {
    if (!can(ctx.role, permission)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Your role in this studio does not allow this." });
    }
    return next();
  });
}
