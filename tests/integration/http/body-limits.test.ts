import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as authPost } from "~/app/api/auth/[...nextauth]/route";
import { POST as stripeWebhook } from "~/app/api/stripe/webhook/route";
import { serverEnvForTests } from "~/server/env";
import { HTTP_LIMITS } from "~/server/http/limits";
import { streamingBody } from "../../helpers/http";

// The other routes that read a body: next-auth's posts and Stripe's webhook answer 413 before parsing.

const context = { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) };

describe("body limits outside tRPC", () => {
  beforeAll(() => {
    process.env.STRIPE_WEBHOOK_SECRET = "whsec_test_body_limits";
    serverEnvForTests.reset();
  });
  afterAll(() => {
    delete process.env.STRIPE_WEBHOOK_SECRET;
    serverEnvForTests.reset();
  });

  it("sign-in refuses a body over its limit, declared or streamed", async () => {
    const declared = new Request("http://localhost/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(50 * 1024 * 1024) },
      body: streamingBody(50 * 1024 * 1024).body,
      duplex: "half",
    } as RequestInit);
    expect((await authPost(declared, context)).status).toBe(413);

    const streamed = streamingBody(50 * 1024 * 1024);
    const chunked = new Request("http://localhost/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: streamed.body,
      duplex: "half",
    } as RequestInit);
    expect((await authPost(chunked, context)).status).toBe(413);
    expect(streamed.pulled()).toBeLessThanOrEqual(HTTP_LIMITS.authBodyBytes + 64 * 1024);
  });

  it("the Stripe webhook refuses a body over its limit before verifying it", async () => {
    const streamed = streamingBody(20 * 1024 * 1024);
    const request = new Request("http://localhost/api/stripe/webhook", {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": "t=1,v1=00" },
      body: streamed.body,
      duplex: "half",
    } as RequestInit);
    expect((await stripeWebhook(request)).status).toBe(413);
    expect(streamed.pulled()).toBeLessThanOrEqual(HTTP_LIMITS.stripeWebhookBodyBytes + 64 * 1024);
  });
});
