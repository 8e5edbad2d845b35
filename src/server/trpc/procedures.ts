import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { can, type Permission, type StudioRole } from "~/server/authz/permissions";
import { SESSION_MAX_AGE_SECONDS } from "~/server/session";
import { systemDb, withTenant, type TenantDb } from "~/server/db";
import { logger } from "~/server/logger";
import { publicProcedure, t } from "./init";

/** Signed in, with a session that is still valid (not signed out everywhere, within its lifetime). */
export const protectedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const session = ctx.session;
  if (!session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  if (Date.now() - session.loginAt > SESSION_MAX_AGE_SECONDS * 1000) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Your session has expired. Please sign in again." });
  }
  const user = await systemDb().user.findUnique({
    where: { id: session.userId },
    select: { id: true, email: true, name: true, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== session.sessionVersion) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Your session has ended. Please sign in again." });
  }
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
  const user = (ctx as { user?: { id: string } }).user;
  if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  const studioId = (input as { studioId?: unknown } | undefined)?.studioId;
  if (typeof studioId !== "string" || !studioId) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "studioId is required" });
  }
  const membership = await systemDb().membership.findUnique({
    where: { studioId_userId: { studioId, userId: user.id } },
    select: { id: true, role: true, studio: { select: { id: true, name: true, slug: true, timeZone: true } } },
  });
  if (!membership) {
    logger.warn("tenant.denied", { path, userId: user.id, studioId });
    throw new TRPCError({ code: "NOT_FOUND", message: "Studio not found." });
  }
  if (type === "subscription") {
    // A live feed must not hold a transaction open for its lifetime: it reads through its own hub.
    return next({
      ctx: { studio: membership.studio, role: membership.role, membershipId: membership.id, db: NO_DB_IN_SUBSCRIPTIONS },
    });
  }
  return withTenant(studioId, async (db) => {
    const result = await next({
      ctx: { studio: membership.studio, role: membership.role, membershipId: membership.id, db } satisfies StudioContext,
    });
    // Re-throw so the transaction rolls back: a failed procedure never leaves half its writes behind.
    if (!result.ok) throw result.error;
    return result;
  });
});

export const studioProcedure = protectedProcedure.input(z.object({ studioId: z.string().min(1) })).use(studioScope);

/** A studio procedure that also requires a permission from the shared role table. */
export function permittedProcedure(permission: Permission) {
  return studioProcedure.use(({ ctx, next }) => {
    if (!can(ctx.role, permission)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Your role in this studio does not allow this." });
    }
    return next();
  });
}
