import Stripe from "stripe";
import { POST } from "~/app/api/stripe/webhook/route";
import { serverEnvForTests } from "~/server/env";

// Realistic Stripe event payloads (the fields our handler reads, in the shapes of API 2025+: the period
// end on the subscription item, the invoice's subscription under parent.subscription_details), signed
// with the real SDK and posted to the real route handler.

export const WEBHOOK_SECRET = "whsec_test_benchflow_webhook_secret";
export const PRICES = { SOLO: "price_solo_test", STUDIO: "price_studio_test", WORKSHOP: "price_workshop_test" } as const;

export function configureStripeEnv(extra: Record<string, string | undefined> = {}) {
  Object.assign(process.env, {
    STRIPE_SECRET_KEY: "sk_test_benchflow",
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_PRICE_SOLO: PRICES.SOLO,
    STRIPE_PRICE_STUDIO: PRICES.STUDIO,
    STRIPE_PRICE_WORKSHOP: PRICES.WORKSHOP,
    APP_URL: "http://localhost:3103",
  });
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  serverEnvForTests.reset();
}

let counter = 0;
export const eventId = () => `evt_test_${Date.now().toString(36)}_${(counter++).toString(36)}`;

function envelope(type: string, object: object, created: number, id = eventId()) {
  return {
    id,
    object: "event",
    api_version: "2026-10-28.endive",
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  } as unknown as Stripe.Event;
}

export type SubscriptionSpec = {
  id: string;
  customer: string;
  status: string;
  price: string;
  studioId?: string;
  periodEnd?: number;
  trialEnd?: number | null;
  cancelAtPeriodEnd?: boolean;
};

export function subscriptionEvent(
  type: "customer.subscription.created" | "customer.subscription.updated" | "customer.subscription.deleted",
  spec: SubscriptionSpec,
  created: number,
) {
  const periodEnd = spec.periodEnd ?? created + 30 * 86_400;
  return envelope(
    type,
    {
      id: spec.id,
      object: "subscription",
      customer: spec.customer,
      status: spec.status,
      cancel_at_period_end: spec.cancelAtPeriodEnd ?? false,
      trial_end: spec.trialEnd ?? null,
      metadata: spec.studioId ? { studioId: spec.studioId } : {},
      items: {
        object: "list",
        data: [{ id: `si_${spec.id}`, object: "subscription_item", price: { id: spec.price, object: "price" }, quantity: 1, current_period_end: periodEnd, current_period_start: created }],
      },
    },
    created,
  );
}

export function invoiceEvent(type: "invoice.paid" | "invoice.payment_failed", spec: { subscription: string; customer: string; studioId?: string }, created: number) {
  return envelope(
    type,
    {
      id: `in_${eventId()}`,
      object: "invoice",
      customer: spec.customer,
      status: type === "invoice.paid" ? "paid" : "open",
      parent: {
        type: "subscription_details",
        quote_details: null,
        subscription_details: { subscription: spec.subscription, metadata: spec.studioId ? { studioId: spec.studioId } : {} },
      },
    },
    created,
  );
}

export function checkoutEvent(spec: { studioId: string; customer: string; subscription: string; mode?: string }, created: number) {
  return envelope(
    "checkout.session.completed",
    {
      id: `cs_test_${eventId()}`,
      object: "checkout.session",
      mode: spec.mode ?? "subscription",
      status: "complete",
      client_reference_id: spec.studioId,
      customer: spec.customer,
      subscription: spec.subscription,
      metadata: { studioId: spec.studioId },
    },
    created,
  );
}

export function otherEvent(type: string, created: number) {
  return envelope(type, { id: `obj_${eventId()}`, object: "unknown" }, created);
}

/** Signs the exact body with the real SDK and posts it to the route handler. */
export async function postEvent(event: Stripe.Event | string, options: { secret?: string; signature?: string | null } = {}) {
  const payload = typeof event === "string" ? event : JSON.stringify(event);
  const signature =
    options.signature === undefined
      ? Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? WEBHOOK_SECRET })
      : options.signature;
  const headers = new Headers({ "content-type": "application/json" });
  if (signature !== null) headers.set("stripe-signature", signature);
  const response = await POST(new Request("http://localhost/api/stripe/webhook", { method: "POST", headers, body: payload }));
  return { status: response.status, body: (await response.json()) as { outcome?: string; error?: string } };
}
