import { isDatabaseUnavailable } from "~/server/db";
import { readBodyWithin } from "~/server/http/body-limit";
import { HTTP_LIMITS } from "~/server/http/limits";
import { serverEnv } from "~/server/env";
import { logger } from "~/server/logger";
import { verifyWebhook } from "~/server/billing/stripe-client";
import { handleStripeEvent } from "~/server/billing/webhook-handler";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * Stripe webhooks. The raw body is verified with the real SDK (400 on a bad signature); the event is applied
 * once (a duplicate answers 200 with no effect); unhandled types answer 200; a failure rolls back and
 * answers 5xx so Stripe retries.
 */
export async function POST(req: Request): Promise<Response> {
  const secret = serverEnv().STRIPE_WEBHOOK_SECRET;
  if (!secret) return Response.json({ error: "Stripe webhooks are not configured." }, { status: 503 });
  const signature = req.headers.get("stripe-signature");
  if (!signature) return Response.json({ error: "Missing Stripe-Signature header." }, { status: 400 });

  const read = await readBodyWithin(req, HTTP_LIMITS.stripeWebhookBodyBytes);
  if ("response" in read) return read.response;
  const payload = new TextDecoder().decode(read.body);
  let event;
  try {
    event = verifyWebhook(payload, signature, secret);
  } catch {
    logger.warn("stripe.webhook.bad_signature");
    return Response.json({ error: "Invalid signature." }, { status: 400 });
  }

  try {
    const outcome = await handleStripeEvent(event);
    return Response.json({ received: true, outcome });
  } catch (error) {
    const unavailable = isDatabaseUnavailable(error);
    (unavailable ? logger.warn : logger.error)("stripe.webhook.failed", { eventId: event.id, type: event.type, error: (error as Error).message });
    return Response.json({ error: "Could not process the event; Stripe will retry." }, { status: unavailable ? 503 : 500 });
  }
}
