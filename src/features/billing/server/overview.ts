import { billingState, usage } from "~/server/billing/plan-limits";
import { PLAN_KEYS, PLANS, priceForPlan } from "~/server/billing/plans";
import { billingConfig } from "~/server/billing/stripe-client";
import type { StudioContext } from "~/server/trpc/procedures";

/** Everything the billing page shows: plan, status, usage against limits, the plans to choose from. */
export async function billingOverview(ctx: StudioContext) {
  const config = billingConfig();
  // One after the other: both run on the request's single transaction connection.
  const state = await billingState(ctx.db, ctx.studio.id);
  const used = await usage(ctx.db, ctx.studio.id);
  return {
    state,
    usage: used,
    limits: PLANS[state.plan].limits,
    stripeConfigured: config.stripeConfigured,
    plans: PLAN_KEYS.map((key) => ({
      key,
      name: PLANS[key].name,
      tagline: PLANS[key].tagline,
      priceLabel: PLANS[key].monthlyPriceLabel,
      limits: PLANS[key].limits,
      purchasable: config.stripeConfigured && priceForPlan(key, config.prices) !== null,
    })),
  };
}
