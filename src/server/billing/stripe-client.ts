import "server-only";
import Stripe from "stripe";
import { serverEnv } from "~/server/env";
import type { PriceIds } from "./plans";

// The one place that builds the Stripe SDK client. Without STRIPE_SECRET_KEY billing is "not configured":
// callers get null and the UI says so; nothing else changes. STRIPE_API_HOST/PORT/PROTOCOL point the real
// SDK at a local Stripe API double in tests (api.stripe.com is unreachable from these machines).

export type BillingConfig = {
  stripeConfigured: boolean;
  webhookConfigured: boolean;
  prices: PriceIds;
  appUrl: string;
};

export function billingConfig(): BillingConfig {
  const env = serverEnv();
  return {
    stripeConfigured: Boolean(env.STRIPE_SECRET_KEY),
    webhookConfigured: Boolean(env.STRIPE_WEBHOOK_SECRET),
    prices: {
      STRIPE_PRICE_SOLO: env.STRIPE_PRICE_SOLO,
      STRIPE_PRICE_STUDIO: env.STRIPE_PRICE_STUDIO,
      STRIPE_PRICE_WORKSHOP: env.STRIPE_PRICE_WORKSHOP,
    },
    appUrl: (env.APP_URL ?? env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, ""),
  };
}

let cached: { key: string; client: Stripe } | undefined;

/** The Stripe client, or null when no secret key is configured. */
export function stripeClient(): Stripe | null {
  const env = serverEnv();
  if (!env.STRIPE_SECRET_KEY) return null;
  const options: ConstructorParameters<typeof Stripe>[1] = {
    telemetry: false,
    maxNetworkRetries: 1,
    timeout: 10_000,
    appInfo: { name: "Benchflow" },
  };
  if (env.STRIPE_API_HOST) {
    options.host = env.STRIPE_API_HOST;
    options.port = env.STRIPE_API_PORT;
    options.protocol = env.STRIPE_API_PROTOCOL ?? "https";
    // The double answers at once; retries would only hide a broken request.
    options.maxNetworkRetries = 0;
  }
  const key = JSON.stringify([env.STRIPE_SECRET_KEY, options.host, options.port, options.protocol]);
  if (cached?.key !== key) cached = { key, client: new Stripe(env.STRIPE_SECRET_KEY, options) };
  return cached.client;
}

/** Verifies a webhook's signature with the real SDK; throws on a bad or missing signature. */
export function verifyWebhook(payload: string, signature: string, secret: string): Stripe.Event {
  return Stripe.webhooks.constructEvent(payload, signature, secret);
}
