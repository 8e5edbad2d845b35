import { TRPCError } from "@trpc/server";
import type Stripe from "stripe";
import { withTenant } from "~/server/db";
import { loadSubscription } from "~/server/billing/plan-limits";
import { PLANS, priceForPlan } from "~/server/billing/plans";
import { billingConfig, stripeClient } from "~/server/billing/stripe-client";
import { isLiveStatus, trialSubscription } from "~/server/billing/subscription-state";
import { logger } from "~/server/logger";
import type { BillingOwnerContext } from "./owner-procedure";
import type { CheckoutInput } from "./schemas";

// Checkout and Customer Portal. Stripe calls happen between short tenant transactions, never inside one.

const DAY_MS = 24 * 60 * 60 * 1000;

function requireStripe(): Stripe {
  const stripe = stripeClient();
  if (!stripe) {
    throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Stripe is not configured for this installation, so plans cannot be bought here." });
  }
  return stripe;
}

async function callStripe<T>(what: string, studioId: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    logger.error("stripe.call.failed", { what, studioId, error: (error as Error).message, stripeErrorType: (error as { type?: string }).type });
    throw new TRPCError({ code: "BAD_GATEWAY", message: `Stripe could not ${what} right now. Please try again in a moment.` });
  }
}

function billingUrl(slug: string, result?: string): string {
  return `${billingConfig().appUrl}/s/${slug}/billing${result ? `?checkout=${result}` : ""}`;
}

/** The studio's Stripe customer, created once (idempotency key per studio) and stored on its row. */
async function ensureCustomer(stripe: Stripe, ctx: BillingOwnerContext): Promise<string> {
  const studioId = ctx.studio.id;
  const existing = await withTenant(studioId, async (db) => (await loadSubscription(db, studioId)).stripeCustomerId);
  if (existing) return existing;
  const customer = await callStripe("create your billing account", studioId, () =>
    stripe.customers.create(
      { name: ctx.studio.name, email: ctx.user.email, metadata: { studioId } },
      { idempotencyKey: `benchflow-customer-${studioId}` },
    ),
  );
  return withTenant(studioId, async (db) => {
    const studio = await db.studio.findFirstOrThrow({ where: { id: studioId }, select: { createdAt: true } });
    await db.studioSubscription.upsert({
      where: { studioId },
      create: { studioId, ...trialSubscription(studio.createdAt) },
      update: {},
    });
    // A concurrent request may have stored its customer first: keep that one.
    await db.studioSubscription.updateMany({ where: { studioId, stripeCustomerId: null }, data: { stripeCustomerId: customer.id } });
    const row = await db.studioSubscription.findUniqueOrThrow({ where: { studioId }, select: { stripeCustomerId: true } });
    return row.stripeCustomerId!;
  });
}

export async function createCheckoutSession(ctx: BillingOwnerContext, input: CheckoutInput): Promise<{ url: string }> {
  const { plan } = input;
  const stripe = requireStripe();
  const price = priceForPlan(plan, billingConfig().prices);
  if (!price) {
    throw new TRPCError({ code: "PRECONDITION_FAILED", message: `The ${PLANS[plan].name} plan has no Stripe price configured.` });
  }
  const studioId = ctx.studio.id;
  const current = await withTenant(studioId, (db) => loadSubscription(db, studioId));
  if (current.stripeSubscriptionId && isLiveStatus(current.status)) {
    throw new TRPCError({ code: "CONFLICT", message: "This studio already has a subscription. Use “Manage billing” to change plans." });
  }
  const customer = await ensureCustomer(stripe, ctx);
  // Days left of the local trial carry over (Stripe wants a trial end at least 48 hours ahead).
  const trialEnd =
    current.status === "trialing" && !current.stripeSubscriptionId && current.trialEndsAt && current.trialEndsAt.getTime() - Date.now() > 2 * DAY_MS
      ? Math.floor(current.trialEndsAt.getTime() / 1000)
      : undefined;
  const session = await callStripe("start checkout", studioId, () =>
    stripe.checkout.sessions.create({
      mode: "subscription",
      customer,
      client_reference_id: studioId,
      line_items: [{ price, quantity: 1 }],
      metadata: { studioId, plan },
      subscription_data: { metadata: { studioId, plan }, ...(trialEnd ? { trial_end: trialEnd } : {}) },
      allow_promotion_codes: true,
      success_url: billingUrl(ctx.studio.slug, "success"),
      cancel_url: billingUrl(ctx.studio.slug, "canceled"),
    }),
  );
  if (!session.url) throw new TRPCError({ code: "BAD_GATEWAY", message: "Stripe did not return a checkout page. Please try again." });
  return { url: session.url };
}

export async function createPortalSession(ctx: BillingOwnerContext): Promise<{ url: string }> {
  const stripe = requireStripe();
  const studioId = ctx.studio.id;
  const row = await withTenant(studioId, (db) => loadSubscription(db, studioId));
  if (!row.stripeCustomerId) {
    throw new TRPCError({ code: "PRECONDITION_FAILED", message: "There is no billing account yet. Choose a plan first." });
  }
  const session = await callStripe("open the billing portal", studioId, () =>
    stripe.billingPortal.sessions.create({ customer: row.stripeCustomerId!, return_url: billingUrl(ctx.studio.slug) }),
  );
  return { url: session.url };
}
