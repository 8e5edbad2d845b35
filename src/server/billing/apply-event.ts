import type Stripe from "stripe";
import { planForPrice, type PriceIds } from "./plans";
import { isLiveStatus, isPastDue, type SubscriptionRow } from "./subscription-state";

// Stripe event -> the facts we use -> the change to a studio's subscription row. Pure.
//
// Ordering: Stripe does not deliver events in order. Each event's `created` (seconds) plus a tie-break rank
// forms an order key; the row keeps the key of the last applied event of each stream (subscription state,
// invoice outcome) and an event with an older or equal key is ignored ("stale"). So the row always holds
// the state of the newest event, whatever the delivery order. Ties within one second are broken by how far
// along the lifecycle a status is (incomplete < trialing < active < past_due < unpaid < canceled; paid >
// failed), then by event id, so every delivery order converges on the same state.
// A studio has at most one live subscription (checkout is refused while one is live); as a guard, an
// ended subscription's late event never overrides a different, live one.

export type EventFacts =
  | { kind: "checkout"; studioId: string | null; customerId: string | null; subscriptionId: string | null }
  | {
      kind: "subscription";
      studioId: string | null;
      customerId: string | null;
      subscriptionId: string;
      status: string;
      priceId: string | null;
      trialEnd: Date | null;
      currentPeriodEnd: Date | null;
      cancelAtPeriodEnd: boolean;
    }
  | { kind: "invoice"; studioId: string | null; customerId: string | null; subscriptionId: string | null; failed: boolean }
  | { kind: "unhandled" };

export type EventMeta = { id: string; created: Date };

const idOf = (value: string | { id: string } | null | undefined): string | null =>
  typeof value === "string" ? value : (value?.id ?? null);
const dateOf = (seconds: number | null | undefined): Date | null => (seconds ? new Date(seconds * 1000) : null);
const studioIdOf = (metadata: Stripe.Metadata | null | undefined): string | null => metadata?.studioId || null;

export function factsFromEvent(event: Stripe.Event): EventFacts {
  switch (event.type) {
    case "checkout.session.completed": {
      const session = event.data.object;
      if (session.mode !== "subscription") return { kind: "unhandled" };
      return {
        kind: "checkout",
        studioId: session.client_reference_id || studioIdOf(session.metadata),
        customerId: idOf(session.customer),
        subscriptionId: idOf(session.subscription),
      };
    }
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted": {
      const subscription = event.data.object;
      const item = subscription.items?.data?.[0];
      return {
        kind: "subscription",
        studioId: studioIdOf(subscription.metadata),
        customerId: idOf(subscription.customer),
        subscriptionId: subscription.id,
        // A deleted subscription is over whatever status the payload carries.
        status: event.type === "customer.subscription.deleted" ? "canceled" : String(subscription.status ?? "unknown"),
        priceId: item?.price?.id ?? null,
        trialEnd: dateOf(subscription.trial_end),
        currentPeriodEnd: dateOf(item?.current_period_end),
        cancelAtPeriodEnd: Boolean(subscription.cancel_at_period_end),
      };
    }
    case "invoice.paid":
    case "invoice.payment_failed": {
      const invoice = event.data.object;
      const details = invoice.parent?.subscription_details;
      return {
        kind: "invoice",
        studioId: studioIdOf(details?.metadata),
        customerId: idOf(invoice.customer),
        subscriptionId: idOf(details?.subscription),
        failed: event.type === "invoice.payment_failed",
      };
    }
    default:
      return { kind: "unhandled" };
  }
}

const STATUS_RANK: Record<string, number> = {
  incomplete: 1,
  trialing: 2,
  active: 3,
  past_due: 4,
  paused: 5,
  unpaid: 5,
  incomplete_expired: 8,
  canceled: 9,
};

/** Sortable as a string: created (ms, zero-padded), rank, event id. */
export function orderKey(created: Date, rank: number, eventId: string): string {
  return `${String(created.getTime()).padStart(15, "0")}:${rank}:${eventId}`;
}

export type RowChange = Partial<SubscriptionRow>;

/** The change an event makes to the row, or null when it has no effect (stale or nothing new). */
export function applyFacts(row: SubscriptionRow, facts: EventFacts, meta: EventMeta, prices: PriceIds): RowChange | null {
  let change: RowChange | null = null;
  if (facts.kind === "checkout") {
    change = {};
    if (!row.stripeCustomerId && facts.customerId) change.stripeCustomerId = facts.customerId;
    if (!row.stripeSubscriptionId && facts.subscriptionId) change.stripeSubscriptionId = facts.subscriptionId;
    if (!row.checkoutCompletedAt || row.checkoutCompletedAt < meta.created) change.checkoutCompletedAt = meta.created;
    if (Object.keys(change).length === 0) return null;
  } else if (facts.kind === "subscription") {
    const key = orderKey(meta.created, STATUS_RANK[facts.status] ?? 0, meta.id);
    if (row.subscriptionEventKey && key <= row.subscriptionEventKey) return null;
    const otherLive =
      row.stripeSubscriptionId && row.stripeSubscriptionId !== facts.subscriptionId && isLiveStatus(row.status);
    if (otherLive && !isLiveStatus(facts.status)) return null;
    change = {
      status: facts.status,
      stripeSubscriptionId: facts.subscriptionId,
      stripePriceId: facts.priceId,
      // An unknown price keeps the plan we had: limits never jump because of a price we do not recognise.
      plan: planForPrice(facts.priceId, prices) ?? row.plan,
      trialEndsAt: facts.status === "trialing" ? facts.trialEnd : row.trialEndsAt,
      currentPeriodEnd: facts.currentPeriodEnd,
      cancelAtPeriodEnd: facts.cancelAtPeriodEnd,
      subscriptionEventAt: meta.created,
      subscriptionEventKey: key,
    };
    if (!row.stripeCustomerId && facts.customerId) change.stripeCustomerId = facts.customerId;
  } else if (facts.kind === "invoice") {
    const key = orderKey(meta.created, facts.failed ? 1 : 2, meta.id);
    if (row.invoiceEventKey && key <= row.invoiceEventKey) return null;
    change = { lastInvoiceFailed: facts.failed, invoiceEventAt: meta.created, invoiceEventKey: key };
  } else {
    return null;
  }

  // The grace period counts from the start of the current past-due streak.
  const next = { ...row, ...change };
  if (isPastDue(next)) {
    const since = row.pastDueSince && row.pastDueSince < meta.created ? row.pastDueSince : meta.created;
    if (!row.pastDueSince || since.getTime() !== row.pastDueSince.getTime()) change.pastDueSince = since;
  } else if (row.pastDueSince) {
    change.pastDueSince = null;
  }
  return change;
}
