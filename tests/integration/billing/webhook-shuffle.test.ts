import type Stripe from "stripe";
import { beforeAll, describe, expect, it } from "vitest";
import { isPastDue } from "~/server/billing/subscription-state";
import { systemDb } from "~/server/db";
import { makeStudio } from "../../helpers/factories";
import { checkoutEvent, configureStripeEnv, invoiceEvent, otherEvent, postEvent, PRICES, subscriptionEvent } from "./stripe-events";

// 106 distinct events for 16 studios (realistic lifecycles), each delivered 4 or 5 times (500 deliveries),
// shuffled with a fixed seed and posted 6 at a time: exactly one effect per event id, and every studio ends in the state of its
// newest event whatever the delivery order.

const DAY = 86_400;

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Expected = { status: string; plan: string; subscription: string; pastDue: boolean; cancelAtPeriodEnd: boolean; periodEnd: number };
type Scenario = { events: Stripe.Event[]; expected: Expected };

function scenario(kind: number, studioId: string, t: number): Scenario {
  const customer = `cus_${studioId}`;
  const a = `sub_a_${studioId}`;
  const b = `sub_b_${studioId}`;
  const base = { customer, studioId };
  const sub = (type: Parameters<typeof subscriptionEvent>[0], id: string, status: string, price: string, at: number, extra = {}) =>
    subscriptionEvent(type, { ...base, id, status, price, periodEnd: at + 30 * DAY, ...extra }, at);
  const inv = (type: Parameters<typeof invoiceEvent>[0], id: string, at: number) => invoiceEvent(type, { subscription: id, customer }, at);
  // Checkout: the subscription is created incomplete and activated within the same second (a tie).
  const start = (price: string) => [
    checkoutEvent({ studioId, customer, subscription: a }, t),
    sub("customer.subscription.created", a, "incomplete", price, t),
    sub("customer.subscription.updated", a, "active", price, t),
    inv("invoice.paid", a, t + 1),
  ];
  const expected = (status: string, plan: string, at: number, extra: Partial<Expected> = {}): Expected => ({
    status, plan, subscription: a, pastDue: false, cancelAtPeriodEnd: false, periodEnd: at + 30 * DAY, ...extra,
  });
  switch (kind) {
    case 0: // upgrade
      return { events: [...start(PRICES.STUDIO), sub("customer.subscription.updated", a, "active", PRICES.WORKSHOP, t + 5 * DAY)], expected: expected("active", "WORKSHOP", t + 5 * DAY) };
    case 1: // failed payment, then recovered
      return {
        events: [...start(PRICES.STUDIO), inv("invoice.payment_failed", a, t + 30 * DAY), sub("customer.subscription.updated", a, "past_due", PRICES.STUDIO, t + 30 * DAY + 1), inv("invoice.paid", a, t + 33 * DAY), sub("customer.subscription.updated", a, "active", PRICES.STUDIO, t + 33 * DAY + 1)],
        expected: expected("active", "STUDIO", t + 33 * DAY + 1),
      };
    case 2: // still past due
      return {
        events: [...start(PRICES.SOLO), inv("invoice.payment_failed", a, t + 30 * DAY), sub("customer.subscription.updated", a, "past_due", PRICES.SOLO, t + 30 * DAY + 1), inv("invoice.payment_failed", a, t + 33 * DAY)],
        expected: expected("past_due", "SOLO", t + 30 * DAY + 1, { pastDue: true }),
      };
    case 3: // canceled at the end of the period
      return {
        events: [...start(PRICES.STUDIO), sub("customer.subscription.updated", a, "active", PRICES.STUDIO, t + 10 * DAY, { cancelAtPeriodEnd: true }), sub("customer.subscription.deleted", a, "canceled", PRICES.STUDIO, t + 30 * DAY, { cancelAtPeriodEnd: true })],
        expected: expected("canceled", "STUDIO", t + 30 * DAY, { cancelAtPeriodEnd: true }),
      };
    case 4: // downgrade scheduled to cancel
      return { events: [...start(PRICES.WORKSHOP), sub("customer.subscription.updated", a, "active", PRICES.SOLO, t + 3 * DAY, { cancelAtPeriodEnd: true })], expected: expected("active", "SOLO", t + 3 * DAY, { cancelAtPeriodEnd: true }) };
    case 5: // canceled, then subscribed again with a new subscription
      return {
        events: [
          ...start(PRICES.STUDIO),
          sub("customer.subscription.deleted", a, "canceled", PRICES.STUDIO, t + 10 * DAY),
          checkoutEvent({ studioId, customer, subscription: b }, t + 20 * DAY),
          sub("customer.subscription.created", b, "active", PRICES.SOLO, t + 20 * DAY),
          inv("invoice.paid", b, t + 20 * DAY + 1),
          otherEvent("customer.updated", t + 20 * DAY + 2),
        ],
        expected: expected("active", "SOLO", t + 20 * DAY, { subscription: b }),
      };
    default:
      throw new Error(`no scenario ${kind}`);
  }
}

describe("500 duplicated and shuffled webhook deliveries", () => {
  beforeAll(() => configureStripeEnv());

  it("give exactly one effect per event and the newest event's state for every studio", async () => {
    const t0 = Math.floor(Date.now() / 1000) - 60 * DAY;
    const studios: { id: string; expected: Expected }[] = [];
    const unique: Stripe.Event[] = [];
    const made = await Promise.all(Array.from({ length: 16 }, () => makeStudio()));
    made.forEach(({ studio }, i) => {
      const { events, expected } = scenario(i % 6, studio.id, t0 + i * 97);
      studios.push({ id: studio.id, expected });
      unique.push(...events);
    });
    expect(unique.length).toBe(106);

    const random = mulberry32(20261125);
    const copies = (index: number) => (index < 500 - 4 * unique.length ? 5 : 4);
    const deliveries = unique.flatMap((event, index) => Array.from({ length: copies(index) }, () => event));
    for (let i = deliveries.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [deliveries[i], deliveries[j]] = [deliveries[j]!, deliveries[i]!];
    }
    expect(deliveries.length).toBe(500);

    const outcomes = new Map<string, string[]>();
    let next = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        while (next < deliveries.length) {
          const event = deliveries[next++]!;
          const { status, body } = await postEvent(event);
          expect(status).toBe(200);
          outcomes.set(event.id, [...(outcomes.get(event.id) ?? []), body.outcome!]);
        }
      }),
    );

    // One delivery per event did the work; the four others were recognised as duplicates.
    unique.forEach((event, index) => {
      const results = outcomes.get(event.id)!;
      expect(results).toHaveLength(copies(index));
      expect(results.filter((outcome) => outcome === "duplicate")).toHaveLength(copies(index) - 1);
    });
    const stored = await systemDb().stripeEvent.findMany({ where: { id: { in: unique.map((event) => event.id) } } });
    expect(stored).toHaveLength(unique.length);
    expect(stored.every((row) => row.outcome !== "processing")).toBe(true);

    for (const studio of studios) {
      const row = await systemDb().studioSubscription.findUniqueOrThrow({ where: { studioId: studio.id } });
      const applied = stored.filter((event) => event.targetStudioId === studio.id && event.outcome === "applied").length;
      expect(row.appliedEventCount, studio.id).toBe(applied);
      expect(
        {
          status: row.status,
          plan: row.plan,
          subscription: row.stripeSubscriptionId,
          pastDue: isPastDue(row),
          cancelAtPeriodEnd: row.cancelAtPeriodEnd,
          periodEnd: row.currentPeriodEnd!.getTime() / 1000,
        },
        studio.id,
      ).toEqual(studio.expected);
      expect(row.stripeCustomerId).toBe(`cus_${studio.id}`);
    }
  });
});
