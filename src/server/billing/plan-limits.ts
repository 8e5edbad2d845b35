import { TRPCError } from "@trpc/server";
import type { PrismaClient } from "~/generated/prisma/client";
import type { TenantDb } from "~/server/db";
import { LIMIT_HINTS, LIMIT_LABELS, PLANS, type LimitKey, type PlanLimits } from "./plans";
import { billingConfig } from "./stripe-client";
import { describeSubscription, implicitSubscription, type BillingState, type SubscriptionRow } from "./subscription-state";

// Server-side plan enforcement. Other features call these inside their procedure's transaction:
//   await assertWithinLimit(ctx, "activeDesigns");          // before creating/unarchiving a design
//   await assertWithinLimit(ctx, "sharedCatalogs");         // before sharing a catalog out
//   await assertWithinLimit(ctx, "seats");                  // before inviting (locks the studio row)
//   await assertPlanActive(ctx);                            // before other plan-gated creation
//   planningHorizonEnd(db, studioId, start)                 // the planner plans no further than this
// Over a limit -> FORBIDDEN with a clear message; a read-only studio (canceled, trial over, past due beyond
// the grace period) -> PAYMENT_REQUIRED. Nothing is ever deleted: after a downgrade the existing data stays,
// only adding more beyond the new limit is refused.

type Db = TenantDb | PrismaClient;
export type LimitContext = { db: Db; studio: { id: string } };

/** The studio's subscription row; a studio that predates billing counts as trialing since its creation. */
export async function loadSubscription(db: Db, studioId: string): Promise<SubscriptionRow> {
  const row = await db.studioSubscription.findUnique({ where: { studioId } });
  if (row) return row;
  const studio = await db.studio.findUnique({ where: { id: studioId }, select: { createdAt: true } });
  return implicitSubscription(studio?.createdAt ?? new Date());
}

export async function billingState(db: Db, studioId: string, now = new Date()): Promise<BillingState> {
  return describeSubscription(await loadSubscription(db, studioId), { now, stripeConfigured: billingConfig().stripeConfigured });
}

export async function planLimits(db: Db, studioId: string): Promise<PlanLimits> {
  return PLANS[(await loadSubscription(db, studioId)).plan].limits;
}

export type UsageOptions = { /** Leave this invitation out (resending or accepting it). */ exceptInvitationId?: string; now?: Date };

/**
 * Seats, the one rule for the billing page and every check: members plus pending invitations (neither accepted
 * nor expired). An invitation holds its seat until it is accepted, revoked or expires.
 */
export async function seatsInUse(db: Db, studioId: string, options: UsageOptions = {}): Promise<{ members: number; pendingInvitations: number }> {
  const members = await db.membership.count({ where: { studioId } });
  const pendingInvitations = await db.invitation.count({
    where: {
      studioId,
      acceptedAt: null,
      expiresAt: { gt: options.now ?? new Date() },
      ...(options.exceptInvitationId ? { id: { not: options.exceptInvitationId } } : {}),
    },
  });
  return { members, pendingInvitations };
}

/** Current usage of one limited resource. */
export async function countUsage(db: Db, studioId: string, key: LimitKey, options: UsageOptions = {}): Promise<number> {
  switch (key) {
    case "seats": {
      const seats = await seatsInUse(db, studioId, options);
      return seats.members + seats.pendingInvitations;
    }
    case "activeDesigns":
      return db.design.count({ where: { studioId, archivedAt: null } });
    case "sharedCatalogs":
      // Shares in effect and invitations waiting for an answer.
      return db.catalogShare.count({ where: { studioId, revokedAt: null, declinedAt: null } });
  }
}

export async function usage(db: Db, studioId: string): Promise<Record<LimitKey, number>> {
  // Sequential: inside a transaction every query shares one connection anyway.
  return {
    seats: await countUsage(db, studioId, "seats"),
    activeDesigns: await countUsage(db, studioId, "activeDesigns"),
    sharedCatalogs: await countUsage(db, studioId, "sharedCatalogs"),
  };
}

/**
 * Locks the studio row until the end of the transaction, so concurrent seat checks (invites, accepts)
 * for one studio run one after the other and cannot together exceed the limit.
 */
export async function lockStudioRow(db: Db, studioId: string): Promise<void> {
  await db.$queryRaw`SELECT 1 FROM "Studio" WHERE "id" = ${studioId} FOR UPDATE`;
}

/** Refuses plan-gated creation when the studio is read-only (PAYMENT_REQUIRED). */
export async function assertPlanActive(ctx: LimitContext): Promise<BillingState> {
  const state = await billingState(ctx.db, ctx.studio.id);
  if (state.readOnly) {
    throw new TRPCError({ code: "PAYMENT_REQUIRED", message: `${state.readOnlyReason} Existing work stays readable.` });
  }
  return state;
}

/**
 * Refuses adding `adding` (default 1) of a limited resource beyond the plan's limit (FORBIDDEN), or anything
 * at all while the studio is read-only (PAYMENT_REQUIRED). For seats the studio row is locked first, so
 * concurrent invitations and acceptances are counted one after the other.
 */
export async function assertWithinLimit(
  ctx: LimitContext,
  key: LimitKey,
  options: UsageOptions & { adding?: number } = {},
): Promise<{ limit: number | null; used: number }> {
  if (key === "seats") await lockStudioRow(ctx.db, ctx.studio.id);
  const state = await assertPlanActive(ctx);
  const limit = PLANS[state.plan].limits[key];
  const used = await countUsage(ctx.db, ctx.studio.id, key, options);
  if (limit !== null && used + (options.adding ?? 1) > limit) {
    const label = LIMIT_LABELS[key].toLowerCase();
    const counted = key === "seats" ? ` (${LIMIT_HINTS.seats.toLowerCase()})` : "";
    throw new TRPCError({
      code: "FORBIDDEN",
      message: `Your ${state.planName} plan includes ${limit} ${label} and you have ${used}${counted}. Upgrade on the billing page to add more; nothing existing is removed.`,
    });
  }
  return { limit, used };
}

/** How far ahead the planner may schedule, in weeks, for the studio's plan. */
export async function planningHorizonWeeks(db: Db, studioId: string): Promise<number> {
  return (await planLimits(db, studioId)).planningHorizonWeeks;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** The end of the plan's planning horizon from `start`: order lines due later are not planned yet. */
export async function planningHorizonEnd(db: Db, studioId: string, start: Date): Promise<{ end: Date; weeks: number; planName: string }> {
  const plan = PLANS[(await loadSubscription(db, studioId)).plan];
  return { end: new Date(start.getTime() + plan.limits.planningHorizonWeeks * WEEK_MS), weeks: plan.limits.planningHorizonWeeks, planName: plan.name };
}

/** Refuses placing work after the plan's planning horizon (FORBIDDEN), e.g. moving a batch months ahead. */
export async function assertWithinPlanningHorizon(ctx: LimitContext, at: Date, now = new Date()): Promise<void> {
  const horizon = await planningHorizonEnd(ctx.db, ctx.studio.id, now);
  if (at.getTime() > horizon.end.getTime()) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: `Your ${horizon.planName} plan plans ${horizon.weeks} weeks ahead, up to ${horizon.end.toISOString().slice(0, 10)}. Choose an earlier time or upgrade on the billing page.`,
    });
  }
}
