import { billingState } from "~/server/billing/plan-limits";
import { systemDb } from "~/server/db";

export type BillingBannerData = { tone: "info" | "warning" | "danger"; text: string };

const dateLabel = (date: Date) => date.toLocaleDateString("en", { day: "numeric", month: "long", year: "numeric" });

/**
 * The studio-wide billing notice for the layout (trial days left, past due, read-only), or null. Read on the
 * owner connection like the layout's membership check; the layout has already checked membership.
 */
export async function billingBanner(studioId: string): Promise<BillingBannerData | null> {
  const state = await billingState(systemDb(), studioId);
  if (state.readOnly) return { tone: "danger", text: `${state.readOnlyReason} Your existing work stays readable.` };
  if (state.status === "past_due") {
    const grace = state.graceEndsAt ? ` Update the payment method before ${dateLabel(state.graceEndsAt)} to avoid interruption.` : "";
    return { tone: "warning", text: `The last payment for this studio failed.${grace}` };
  }
  if (state.status === "trialing" && state.trialDaysLeft !== null && !state.hasStripeSubscription) {
    const days = state.trialDaysLeft === 1 ? "1 day" : `${state.trialDaysLeft} days`;
    return { tone: "info", text: `${state.planName} plan trial: ${days} left.` };
  }
  return null;
}
