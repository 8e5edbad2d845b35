import { TRPCError } from "@trpc/server";
import type { PrismaClient } from "~/generated/prisma/client";
import type { TenantDb } from "~/server/db";
import { LIMIT_LABELS, PLANS, type LimitKey, type PlanLimits } from "./plans";
import { billingConfig } from "./stripe-client";
import { describeSubscription, implicitSubscription, type BillingState, type SubscriptionRow } from "./subscription-state";

// Server-side plan enforcement. Other features call these inside their procedure's transaction:
//   await assertWithinLimit(ctx, "activeDesigns");          // before creating/unarchiving a design
//   await assertWithinLimit(ctx, "sharedCatalogs");         // before sharing a catalog out
//   await assertWithinLimit(ctx, "seats", { pending });     // before inviting (locks the studio row)
//   await assertPlanActive(ctx);                            // before other plan-gated creation
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

/** Current usage of one limited resource. */
export async function countUsage(db: Db, studioId: string, key: LimitKey): Promise<number> {
  switch (key) {
    case "seats":
      return db.membership.count({ where: { studioId } });
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
 * at all while the studio is read-only (PAYMENT_REQUIRED). `pending` counts what is promised but not yet in
 * the table (e.g. open invitations for seats). For seats the studio row is locked first.
 */
export async function assertWithinLimit(
  ctx: LimitContext,
  key: LimitKey,
  options: { adding?: number; pending?: number } = {},
): Promise<{ limit: number | null; used: number }> {
  if (key === "seats") await lockStudioRow(ctx.db, ctx.studio.id);
  const state = await assertPlanActive(ctx);
  const limit = PLANS[state.plan].limits[key];
  const used = (await countUsage(ctx.db, ctx.studio.id, key)) + (options.pending ?? 0);
  if (limit !== null && used + (options.adding ?? 1) > limit) {
    const label = LIMIT_LABELS[key].toLowerCase();
    throw new TRPCError({
      code: "FORBIDDEN",
      message: `Your ${state.planName} plan includes ${limit} ${label} and you have ${used}. Upgrade on the billing page to add more; nothing existing is removed.`,
    });
  }
  return { limit, used };
}

/** How far ahead the planner may schedule, in weeks, for the studio's plan. */
export async function planningHorizonWeeks(db: Db, studioId: string): Promise<number> {
  return (await planLimits(db, studioId)).planningHorizonWeeks;
}
