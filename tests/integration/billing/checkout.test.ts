import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { systemDb } from "~/server/db";
import { callerFor, errorCode } from "../../helpers/caller";
import { addMember, makeStudio } from "../../helpers/factories";
import { startStripeDouble, type StripeDouble } from "../../helpers/stripe-double";
import { configureStripeEnv, PRICES, postEvent, subscriptionEvent } from "./stripe-events";

const SECRET_KEY = "sk_test_benchflow";

describe("checkout and customer portal through the Stripe API double", () => {
  let double: StripeDouble;
  beforeAll(async () => {
    double = await startStripeDouble({ secretKey: SECRET_KEY });
    configureStripeEnv({ STRIPE_API_HOST: "127.0.0.1", STRIPE_API_PORT: String(double.port), STRIPE_API_PROTOCOL: "http" });
  });
  beforeEach(() => double.reset());
  afterAll(async () => {
    configureStripeEnv({ STRIPE_API_HOST: undefined, STRIPE_API_PORT: undefined, STRIPE_API_PROTOCOL: undefined });
    await double.close();
  });

  it("creates the customer first, then a subscription checkout carrying the studio id", async () => {
    const { studio, owner } = await makeStudio();
    const { url } = await callerFor(owner).billing.createCheckoutSession({ studioId: studio.id, plan: "WORKSHOP" });
    expect(url).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_double_/);

    expect(double.requests.map((request) => `${request.method} ${request.path}`)).toEqual(["POST /v1/customers", "POST /v1/checkout/sessions"]);
    const [customer, checkout] = double.requests;
    expect(customer!.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
    expect(customer!.headers.idempotencyKey).toBe(`benchflow-customer-${studio.id}`);
    expect(customer!.params).toMatchObject({ email: owner.email, name: studio.name, "metadata[studioId]": studio.id });

    const row = await systemDb().studioSubscription.findUniqueOrThrow({ where: { studioId: studio.id } });
    expect(row.stripeCustomerId).toMatch(/^cus_double_/);
    expect(checkout!.params).toMatchObject({
      mode: "subscription",
      customer: row.stripeCustomerId,
      client_reference_id: studio.id,
      "metadata[studioId]": studio.id,
      "metadata[plan]": "WORKSHOP",
      "subscription_data[metadata][studioId]": studio.id,
      "line_items[0][price]": PRICES.WORKSHOP,
      "line_items[0][quantity]": "1",
      success_url: `http://localhost:3103/s/${studio.slug}/billing?checkout=success`,
      cancel_url: `http://localhost:3103/s/${studio.slug}/billing?checkout=canceled`,
    });
    // The remaining trial days carry over into Stripe.
    expect(Number(checkout!.params["subscription_data[trial_end]"])).toBe(Math.floor(row.trialEndsAt!.getTime() / 1000));
  });

  it("reuses the stored customer on a second checkout", async () => {
    const { studio, owner } = await makeStudio();
    await callerFor(owner).billing.createCheckoutSession({ studioId: studio.id, plan: "SOLO" });
    double.reset();
    await callerFor(owner).billing.createCheckoutSession({ studioId: studio.id, plan: "STUDIO" });
    expect(double.requests.map((request) => request.path)).toEqual(["/v1/checkout/sessions"]);
  });

  it("opens the customer portal for the stored customer with a return URL", async () => {
    const { studio, owner } = await makeStudio();
    expect(await errorCode(callerFor(owner).billing.createPortalSession({ studioId: studio.id }))).toBe("PRECONDITION_FAILED");
    await callerFor(owner).billing.createCheckoutSession({ studioId: studio.id, plan: "SOLO" });
    double.reset();
    const { url } = await callerFor(owner).billing.createPortalSession({ studioId: studio.id });
    expect(url).toMatch(/^https:\/\/billing\.stripe\.test\/p\/session\//);
    const row = await systemDb().studioSubscription.findUniqueOrThrow({ where: { studioId: studio.id } });
    expect(double.requests).toHaveLength(1);
    expect(double.requests[0]!.params).toEqual({ customer: row.stripeCustomerId, return_url: `http://localhost:3103/s/${studio.slug}/billing` });
  });

  it("refuses a second subscription while one is live", async () => {
    const { studio, owner } = await makeStudio();
    await postEvent(
      subscriptionEvent("customer.subscription.created", { id: `sub_${studio.id}`, customer: `cus_${studio.id}`, status: "active", price: PRICES.SOLO, studioId: studio.id }, Math.floor(Date.now() / 1000)),
    );
    expect(await errorCode(callerFor(owner).billing.createCheckoutSession({ studioId: studio.id, plan: "WORKSHOP" }))).toBe("CONFLICT");
    expect(double.requests).toHaveLength(0);
  });

  it("answers BAD_GATEWAY when Stripe fails, and stores nothing half-done", async () => {
    const { studio, owner } = await makeStudio();
    double.failNext("/v1/customers", 500);
    expect(await errorCode(callerFor(owner).billing.createCheckoutSession({ studioId: studio.id, plan: "SOLO" }))).toBe("BAD_GATEWAY");
    const row = await systemDb().studioSubscription.findUniqueOrThrow({ where: { studioId: studio.id } });
    expect(row.stripeCustomerId).toBeNull();
  });

  it("is owner-only: admins and assistants get FORBIDDEN and Stripe is never called", async () => {
    const { studio } = await makeStudio();
    for (const role of ["ADMIN", "ASSISTANT"] as const) {
      const member = await addMember(studio.id, role);
      expect(await errorCode(callerFor(member).billing.createCheckoutSession({ studioId: studio.id, plan: "SOLO" }))).toBe("FORBIDDEN");
      expect(await errorCode(callerFor(member).billing.createPortalSession({ studioId: studio.id }))).toBe("FORBIDDEN");
      expect(await errorCode(callerFor(member).billing.overview({ studioId: studio.id }))).toBe("FORBIDDEN");
    }
    expect(double.requests).toHaveLength(0);
  });

  it("without Stripe keys: the overview says so, checkout answers PRECONDITION_FAILED, the trial stays", async () => {
    const { studio, owner } = await makeStudio();
    configureStripeEnv({ STRIPE_SECRET_KEY: undefined });
    try {
      const overview = await callerFor(owner).billing.overview({ studioId: studio.id });
      expect(overview).toMatchObject({ stripeConfigured: false, state: { plan: "STUDIO", status: "trialing", trialDaysLeft: 14, readOnly: false } });
      expect(overview.plans.every((plan) => !plan.purchasable)).toBe(true);
      expect(await errorCode(callerFor(owner).billing.createCheckoutSession({ studioId: studio.id, plan: "SOLO" }))).toBe("PRECONDITION_FAILED");
    } finally {
      configureStripeEnv({ STRIPE_API_HOST: "127.0.0.1", STRIPE_API_PORT: String(double.port), STRIPE_API_PROTOCOL: "http" });
    }
    expect(double.requests).toHaveLength(0);
  });
});
