import { beforeAll, describe, expect, it, vi } from "vitest";
import { systemDb } from "~/server/db";
import { makeStudio } from "../../helpers/factories";
import {
  checkoutEvent,
  configureStripeEnv,
  invoiceEvent,
  otherEvent,
  postEvent,
  PRICES,
  subscriptionEvent,
  WEBHOOK_SECRET,
} from "./stripe-events";

const now = () => Math.floor(Date.now() / 1000);
const subscriptionOf = (studioId: string) => systemDb().studioSubscription.findUniqueOrThrow({ where: { studioId } });

describe("Stripe webhook route", () => {
  beforeAll(() => configureStripeEnv());

  it("rejects a bad, foreign or missing signature with 400 and stores nothing", async () => {
    const event = otherEvent("customer.created", now());
    expect((await postEvent(event, { signature: "t=1,v1=deadbeef" })).status).toBe(400);
    expect((await postEvent(event, { secret: "whsec_someone_else" })).status).toBe(400);
    expect((await postEvent(event, { signature: null })).status).toBe(400);
    // A body changed after signing no longer matches its signature.
    const signed = JSON.stringify(event);
    const { default: Stripe } = await import("stripe");
    const header = Stripe.webhooks.generateTestHeaderString({ payload: signed, secret: WEBHOOK_SECRET });
    expect((await postEvent(signed.replace("customer.created", "invoice.paid"), { signature: header })).status).toBe(400);
    expect(await systemDb().stripeEvent.count({ where: { id: event.id } })).toBe(0);
  });

  it("answers 200 to unhandled types and records them once", async () => {
    const event = otherEvent("customer.created", now());
    expect(await postEvent(event)).toEqual({ status: 200, body: { received: true, outcome: "unhandled" } });
    expect(await postEvent(event)).toEqual({ status: 200, body: { received: true, outcome: "duplicate" } });
    expect(await systemDb().stripeEvent.findUnique({ where: { id: event.id } })).toMatchObject({ outcome: "unhandled" });
  });

  it("answers 503 when webhooks are not configured", async () => {
    configureStripeEnv({ STRIPE_WEBHOOK_SECRET: undefined });
    try {
      expect((await postEvent(otherEvent("customer.created", now()))).status).toBe(503);
    } finally {
      configureStripeEnv();
    }
  });

  it("links checkout, applies the subscription, and a duplicate has no second effect", async () => {
    const { studio } = await makeStudio();
    const t = now();
    const ids = { customer: `cus_${studio.id}`, subscription: `sub_${studio.id}` };
    expect((await postEvent(checkoutEvent({ studioId: studio.id, ...ids }, t))).body.outcome).toBe("applied");
    const created = subscriptionEvent(
      "customer.subscription.created",
      { id: ids.subscription, customer: ids.customer, status: "active", price: PRICES.WORKSHOP, studioId: studio.id, periodEnd: t + 86_400 * 30 },
      t + 1,
    );
    expect((await postEvent(created)).body.outcome).toBe("applied");
    expect((await postEvent(created)).body.outcome).toBe("duplicate");

    const row = await subscriptionOf(studio.id);
    expect(row).toMatchObject({
      plan: "WORKSHOP",
      status: "active",
      stripeCustomerId: ids.customer,
      stripeSubscriptionId: ids.subscription,
      currentPeriodEnd: new Date((t + 86_400 * 30) * 1000),
      appliedEventCount: 2,
    });
  });

  it("ignores an older event that arrives after a newer one", async () => {
    const { studio } = await makeStudio();
    const t = now();
    const spec = { id: `sub_${studio.id}`, customer: `cus_${studio.id}`, price: PRICES.SOLO, studioId: studio.id };
    await postEvent(subscriptionEvent("customer.subscription.deleted", { ...spec, status: "canceled" }, t + 10));
    const late = await postEvent(subscriptionEvent("customer.subscription.updated", { ...spec, status: "active" }, t + 5));
    expect(late.body.outcome).toBe("stale");
    expect(await subscriptionOf(studio.id)).toMatchObject({ status: "canceled", appliedEventCount: 1 });
  });

  it("finds the studio by customer id when the payload has no studio metadata, and tracks payment failures", async () => {
    const { studio } = await makeStudio();
    const t = now();
    const customer = `cus_${studio.id}`;
    const subscription = `sub_${studio.id}`;
    await postEvent(checkoutEvent({ studioId: studio.id, customer, subscription }, t));
    expect((await postEvent(invoiceEvent("invoice.payment_failed", { subscription, customer }, t + 100))).body.outcome).toBe("applied");
    let row = await subscriptionOf(studio.id);
    expect(row.lastInvoiceFailed).toBe(true);
    expect(row.pastDueSince).toEqual(new Date((t + 100) * 1000));
    await postEvent(invoiceEvent("invoice.paid", { subscription, customer }, t + 200));
    row = await subscriptionOf(studio.id);
    expect(row).toMatchObject({ lastInvoiceFailed: false, pastDueSince: null });
  });

  it("records an event for an unknown customer as unmatched and answers 200", async () => {
    const result = await postEvent(invoiceEvent("invoice.paid", { subscription: "sub_nobody", customer: "cus_nobody" }, now()));
    expect(result).toEqual({ status: 200, body: { received: true, outcome: "unmatched" } });
  });

  it("creates the row lazily for a studio that predates billing", async () => {
    const { studio } = await makeStudio();
    await systemDb().studioSubscription.delete({ where: { studioId: studio.id } });
    const t = now();
    await postEvent(
      subscriptionEvent("customer.subscription.updated", { id: `sub_${studio.id}`, customer: `cus_${studio.id}`, status: "past_due", price: PRICES.STUDIO, studioId: studio.id }, t),
    );
    expect(await subscriptionOf(studio.id)).toMatchObject({ status: "past_due", plan: "STUDIO", pastDueSince: new Date(t * 1000) });
  });

  it("acknowledges a poison event (studio metadata contradicting the stored customer) once, logs it and changes nothing", async () => {
    const a = await makeStudio();
    const b = await makeStudio();
    const t = now();
    const ids = { customer: `cus_${a.studio.id}`, subscription: `sub_${a.studio.id}` };
    await postEvent(checkoutEvent({ studioId: a.studio.id, ...ids }, t));
    const before = { a: await subscriptionOf(a.studio.id), b: await systemDb().studioSubscription.findUnique({ where: { studioId: b.studio.id } }) };

    // Studio B's metadata with studio A's customer and subscription: no retry can ever apply it.
    const poison = subscriptionEvent(
      "customer.subscription.updated",
      { id: ids.subscription, customer: ids.customer, status: "active", price: PRICES.WORKSHOP, studioId: b.studio.id },
      t + 1,
    );
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(await postEvent(poison)).toEqual({ status: 200, body: { received: true, outcome: "rejected" } });
      expect(errors.mock.calls.map((call) => String(call[0])).join("\n")).toContain("stripe.webhook.rejected");
    } finally {
      errors.mockRestore();
    }
    expect(await postEvent(poison)).toEqual({ status: 200, body: { received: true, outcome: "duplicate" } });
    expect(await systemDb().stripeEvent.findUnique({ where: { id: poison.id } })).toMatchObject({ outcome: "rejected" });
    expect(await subscriptionOf(a.studio.id)).toEqual(before.a);
    expect(await systemDb().studioSubscription.findUnique({ where: { studioId: b.studio.id } })).toEqual(before.b);
  });
});
