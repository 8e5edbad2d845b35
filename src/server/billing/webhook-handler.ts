import "server-only";
import { randomUUID } from "node:crypto";
import type Stripe from "stripe";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { systemDb } from "~/server/db";
import { logger } from "~/server/logger";
import { applyFacts, factsFromEvent, type EventFacts } from "./apply-event";
import { TRIAL_DAYS, TRIAL_PLAN, type PriceIds } from "./plans";
import { billingConfig } from "./stripe-client";

// Applies one verified Stripe event, exactly once. The event id is inserted into StripeEvent in the same
// transaction as its effect: a redelivery (even a concurrent one, which waits on the primary key) finds the
// row and changes nothing; a failure rolls both back so Stripe's retry can apply it. The studio's
// subscription row is locked (FOR UPDATE) while the event is compared with the last applied one, so two
// events for one studio never interleave. Runs on the owner connection: webhooks cross tenants. An event that
// can never apply (it contradicts what is stored) is a poison event: logged, recorded as rejected and
// acknowledged with 200, so Stripe stops retrying it.

export type WebhookOutcome = "applied" | "stale" | "unmatched" | "unhandled" | "duplicate" | "rejected";

type Tx = Prisma.TransactionClient;

async function findStudioId(tx: Tx, facts: Exclude<EventFacts, { kind: "unhandled" }>): Promise<string | null> {
  if (facts.studioId) {
    const studio = await tx.studio.findUnique({ where: { id: facts.studioId }, select: { id: true } });
    if (studio) return studio.id;
  }
  if (facts.customerId) {
    const row = await tx.studioSubscription.findUnique({ where: { stripeCustomerId: facts.customerId }, select: { studioId: true } });
    if (row) return row.studioId;
  }
  if (facts.subscriptionId) {
    const row = await tx.studioSubscription.findFirst({ where: { stripeSubscriptionId: facts.subscriptionId }, select: { studioId: true } });
    if (row) return row.studioId;
  }
  return null;
}

/**
 * An event that can never apply: its studio metadata names one studio while its customer (or subscription)
 * belongs to another. Retrying cannot change that, so it is recorded as rejected and acknowledged.
 */
async function contradiction(tx: Tx, facts: Exclude<EventFacts, { kind: "unhandled" }>, studioId: string): Promise<string | null> {
  if (facts.customerId) {
    const owner = await tx.studioSubscription.findUnique({ where: { stripeCustomerId: facts.customerId }, select: { studioId: true } });
    if (owner && owner.studioId !== studioId) return "the customer belongs to another studio";
  }
  if (facts.subscriptionId) {
    const owner = await tx.studioSubscription.findFirst({
      where: { stripeSubscriptionId: facts.subscriptionId, studioId: { not: studioId } },
      select: { studioId: true },
    });
    if (owner) return "the subscription belongs to another studio";
  }
  return null;
}

/** Creates the row for a studio that predates billing (trialing since its creation), then locks it. */
async function lockSubscriptionRow(tx: Tx, studioId: string) {
  await tx.$executeRaw`
    INSERT INTO "StudioSubscription" ("id", "studioId", "plan", "status", "trialEndsAt", "updatedAt")
    SELECT ${randomUUID()}, s."id", ${TRIAL_PLAN}::"PlanKey", 'trialing', s."createdAt" + make_interval(days => ${TRIAL_DAYS}), now()
      FROM "Studio" s WHERE s."id" = ${studioId}
    ON CONFLICT ("studioId") DO NOTHING`;
  await tx.$queryRaw`SELECT 1 FROM "StudioSubscription" WHERE "studioId" = ${studioId} FOR UPDATE`;
  return tx.studioSubscription.findUniqueOrThrow({ where: { studioId } });
}

export async function handleStripeEvent(
  event: Stripe.Event,
  options: { db?: PrismaClient; prices?: PriceIds } = {},
): Promise<WebhookOutcome> {
  const db = options.db ?? systemDb();
  const prices = options.prices ?? billingConfig().prices;
  const facts = factsFromEvent(event);
  const created = new Date(event.created * 1000);

  return db.$transaction(
    async (tx) => {
      const inserted = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "StripeEvent" ("id", "type", "created", "outcome")
        VALUES (${event.id}, ${event.type}, ${created}, 'processing')
        ON CONFLICT ("id") DO NOTHING RETURNING "id"`;
      if (inserted.length === 0) return "duplicate";

      let outcome: WebhookOutcome = "unhandled";
      let studioId: string | null = null;
      let rejection: string | null = null;
      if (facts.kind !== "unhandled") {
        studioId = await findStudioId(tx, facts);
        if (!studioId) {
          outcome = "unmatched";
          logger.warn("stripe.webhook.unmatched", { eventId: event.id, type: event.type });
        } else if ((rejection = await contradiction(tx, facts, studioId))) {
          outcome = "rejected";
          logger.error("stripe.webhook.rejected", { eventId: event.id, type: event.type, studioId, reason: rejection });
        } else {
          const row = await lockSubscriptionRow(tx, studioId);
          const change = applyFacts(row, facts, { id: event.id, created }, prices);
          if (change) {
            await tx.studioSubscription.update({
              where: { studioId },
              data: { ...change, appliedEventCount: { increment: 1 } },
            });
            outcome = "applied";
          } else {
            outcome = "stale";
          }
        }
      }
      await tx.stripeEvent.update({ where: { id: event.id }, data: { outcome, targetStudioId: studioId } });
      return outcome;
    },
    { maxWait: 5_000, timeout: 10_000 },
  ).catch(async (error: unknown) => {
    // A constraint or data error is decided by the event itself: every retry would fail the same way.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError) || !POISON_CODES.has(error.code)) throw error;
    logger.error("stripe.webhook.rejected", { eventId: event.id, type: event.type, reason: error.code, message: error.message.split("\n").pop() });
    await db.stripeEvent.upsert({
      where: { id: event.id },
      create: { id: event.id, type: event.type, created, outcome: "rejected" },
      update: {},
    });
    return "rejected" as const;
  });
}

/** Prisma errors that no retry can fix: unique/foreign-key/check constraints, values out of range. */
const POISON_CODES = new Set(["P2000", "P2002", "P2003", "P2004", "P2005", "P2006", "P2007", "P2011", "P2020"]);
