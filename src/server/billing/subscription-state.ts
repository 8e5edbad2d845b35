import { PAST_DUE_GRACE_DAYS, PLANS, TRIAL_DAYS, TRIAL_PLAN, type PlanKey } from "./plans";

// Pure rules: what a studio's subscription row means (status, trial days, past due, read-only), and how a
// Stripe event changes it. No database and no Stripe calls here, so the rules are easy to test.

const DAY_MS = 24 * 60 * 60 * 1000;

/** The stored row, as far as these rules need it. */
export type SubscriptionRow = {
  plan: PlanKey;
  status: string;
  trialEndsAt: Date | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  stripeCustomerId: string | null;
  stripeSubscriptionId: string | null;
  stripePriceId: string | null;
  subscriptionEventAt: Date | null;
  subscriptionEventKey: string | null;
  invoiceEventAt: Date | null;
  invoiceEventKey: string | null;
  lastInvoiceFailed: boolean;
  pastDueSince: Date | null;
  checkoutCompletedAt: Date | null;
};

/** A new studio's row: the trial of the middle plan. */
export function trialSubscription(startedAt: Date): Pick<SubscriptionRow, "plan" | "status" | "trialEndsAt"> {
  return { plan: TRIAL_PLAN, status: "trialing", trialEndsAt: new Date(startedAt.getTime() + TRIAL_DAYS * DAY_MS) };
}

/** What older studios without a row are treated as: trialing since the studio was created. */
export function implicitSubscription(studioCreatedAt: Date): SubscriptionRow {
  return {
    ...trialSubscription(studioCreatedAt),
    currentPeriodEnd: null,
    cancelAtPeriodEnd: false,
    stripeCustomerId: null,
    stripeSubscriptionId: null,
    stripePriceId: null,
    subscriptionEventAt: null,
    subscriptionEventKey: null,
    invoiceEventAt: null,
    invoiceEventKey: null,
    lastInvoiceFailed: false,
    pastDueSince: null,
    checkoutCompletedAt: null,
  };
}

/** Statuses with full access. Everything else, including statuses Stripe may add later, is not active. */
const LIVE_STATUSES = new Set(["trialing", "active", "past_due", "unpaid"]);
const PAST_DUE_STATUSES = new Set(["past_due", "unpaid"]);

export type DisplayStatus = "trialing" | "trial_expired" | "active" | "past_due" | "canceled" | "inactive";

export type BillingState = {
  plan: PlanKey;
  planName: string;
  status: DisplayStatus;
  stripeStatus: string;
  trialEndsAt: Date | null;
  trialDaysLeft: number | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  pastDue: boolean;
  graceEndsAt: Date | null;
  /** Plan-gated creation is blocked (see plan-limits.ts); existing data stays readable and is never deleted. */
  readOnly: boolean;
  readOnlyReason: string | null;
  hasStripeCustomer: boolean;
  hasStripeSubscription: boolean;
};

/** Past due: Stripe says so, or the latest invoice failed after the latest subscription change. */
export function isPastDue(row: SubscriptionRow): boolean {
  if (PAST_DUE_STATUSES.has(row.status)) return true;
  if (!row.lastInvoiceFailed || !row.invoiceEventAt) return false;
  return !row.subscriptionEventAt || row.invoiceEventAt.getTime() >= row.subscriptionEventAt.getTime();
}

export function describeSubscription(
  row: SubscriptionRow,
  options: { now?: Date; stripeConfigured: boolean },
): BillingState {
  const now = options.now ?? new Date();
  const pastDue = isPastDue(row);
  const graceEndsAt = pastDue && row.pastDueSince ? new Date(row.pastDueSince.getTime() + PAST_DUE_GRACE_DAYS * DAY_MS) : null;
  const trialDaysLeft =
    row.status === "trialing" && row.trialEndsAt ? Math.max(0, Math.ceil((row.trialEndsAt.getTime() - now.getTime()) / DAY_MS)) : null;

  let status: DisplayStatus;
  let readOnlyReason: string | null = null;
  if (pastDue) {
    status = "past_due";
    if (graceEndsAt && graceEndsAt.getTime() < now.getTime()) {
      readOnlyReason = "Your last payment failed and the grace period is over. Update your payment method to keep adding work.";
    }
  } else if (row.status === "trialing") {
    // A local trial (no Stripe subscription yet) expires; without Stripe configured (development, demo)
    // there is no way to pay, so the studio keeps its trial plan.
    const expired = !row.stripeSubscriptionId && trialDaysLeft === 0;
    status = expired ? "trial_expired" : "trialing";
    if (expired && options.stripeConfigured) readOnlyReason = "Your trial has ended. Choose a plan to keep adding work.";
  } else if (row.status === "active") {
    status = "active";
  } else {
    status = row.status === "canceled" ? "canceled" : "inactive";
    readOnlyReason =
      row.status === "canceled"
        ? "Your subscription is canceled. Choose a plan to keep adding work."
        : "Your subscription is not active. Check billing to keep adding work.";
  }

  return {
    plan: row.plan,
    planName: PLANS[row.plan].name,
    status,
    stripeStatus: row.status,
    trialEndsAt: row.status === "trialing" ? row.trialEndsAt : null,
    trialDaysLeft,
    currentPeriodEnd: row.currentPeriodEnd,
    cancelAtPeriodEnd: row.cancelAtPeriodEnd,
    pastDue,
    graceEndsAt,
    readOnly: readOnlyReason !== null,
    readOnlyReason,
    hasStripeCustomer: Boolean(row.stripeCustomerId),
    hasStripeSubscription: Boolean(row.stripeSubscriptionId),
  };
}

export function isLiveStatus(status: string): boolean {
  return LIVE_STATUSES.has(status);
}
