import { describe, expect, it } from "vitest";
import { assertWithinLimit, billingState, countUsage, planLimits } from "~/server/billing/plan-limits";
import { describeSubscription, implicitSubscription } from "~/server/billing/subscription-state";
import { systemDb, withTenant } from "~/server/db";
import type { Prisma } from "~/generated/prisma/client";
import { callerFor, errorCode } from "../../helpers/caller";
import { addMember, makeStudio, makeUser } from "../../helpers/factories";
import { configureStripeEnv } from "./stripe-events";

const DAY = 24 * 60 * 60 * 1000;

async function setSubscription(studioId: string, data: Prisma.StudioSubscriptionUpdateInput) {
  await systemDb().studioSubscription.update({ where: { studioId }, data });
}

/** Adds one member the way a seat-checked feature would: lock + count + insert in one tenant transaction. */
function addSeat(studioId: string, userId: string) {
  return withTenant(studioId, async (db) => {
    await assertWithinLimit({ db, studio: { id: studioId } }, "seats");
    await db.membership.create({ data: { studioId, userId, role: "ASSISTANT" } });
  });
}

describe("plan limits", () => {
  it("new studios trial the Studio plan for 14 days; older studios without a row trial from their creation", async () => {
    const { studio } = await makeStudio();
    const state = await billingState(systemDb(), studio.id);
    expect(state).toMatchObject({ plan: "STUDIO", status: "trialing", trialDaysLeft: 14, readOnly: false });

    const old = implicitSubscription(new Date(Date.now() - 20 * DAY));
    expect(describeSubscription(old, { stripeConfigured: true })).toMatchObject({ status: "trial_expired", readOnly: true });
    // Development and demo (no Stripe keys): the studio keeps its trial plan.
    expect(describeSubscription(old, { stripeConfigured: false })).toMatchObject({ status: "trial_expired", readOnly: false });
  });

  it("enforces the seat limit with FORBIDDEN and a clear message", async () => {
    const { studio } = await makeStudio();
    await setSubscription(studio.id, { plan: "SOLO", status: "active" });
    expect((await planLimits(systemDb(), studio.id)).seats).toBe(2);
    await addSeat(studio.id, (await makeUser()).id);
    const error = await addSeat(studio.id, (await makeUser()).id).catch((cause: unknown) => cause);
    expect(error).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("Solo plan includes 2 team members and you have 2") });
    expect(await systemDb().membership.count({ where: { studioId: studio.id } })).toBe(2);
  });

  it("lets only one of five concurrent additions take the last seat (the studio row is locked)", async () => {
    const { studio } = await makeStudio();
    await setSubscription(studio.id, { plan: "SOLO", status: "active" });
    const users = await Promise.all(Array.from({ length: 5 }, () => makeUser()));
    const results = await Promise.allSettled(users.map((user) => addSeat(studio.id, user.id)));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results.filter((r) => r.status === "rejected")) {
      expect((result as PromiseRejectedResult).reason).toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await systemDb().membership.count({ where: { studioId: studio.id } })).toBe(2);
  });

  it("a downgrade deletes nothing: over the limit, the data stays and only adding more is refused", async () => {
    const { studio, owner } = await makeStudio();
    await addMember(studio.id, "ADMIN");
    await addMember(studio.id, "ASSISTANT");
    await setSubscription(studio.id, { plan: "SOLO", status: "active" });
    const overview = await callerFor(owner).billing.overview({ studioId: studio.id });
    expect(overview.usage.seats).toBe(3);
    expect(overview.limits.seats).toBe(2);
    expect(await errorCode(addSeat(studio.id, (await makeUser()).id))).toBe("FORBIDDEN");
    expect(await systemDb().membership.count({ where: { studioId: studio.id } })).toBe(3);
  });

  it("counts active designs against the plan", async () => {
    const { studio } = await makeStudio();
    await setSubscription(studio.id, { plan: "SOLO", status: "active" });
    await systemDb().design.createMany({
      data: Array.from({ length: 41 }, (_, i) => ({ studioId: studio.id, name: `Ring ${i}`, sku: `R-${i}`, archivedAt: i === 0 ? new Date() : null })),
    });
    expect(await countUsage(systemDb(), studio.id, "activeDesigns")).toBe(40);
    const check = withTenant(studio.id, (db) => assertWithinLimit({ db, studio: { id: studio.id } }, "activeDesigns"));
    await expect(check).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("40 active designs") });
    await setSubscription(studio.id, { plan: "WORKSHOP" });
    await expect(withTenant(studio.id, (db) => assertWithinLimit({ db, studio: { id: studio.id } }, "activeDesigns"))).resolves.toMatchObject({ limit: null });
  });

  it.each([
    ["canceled", { status: "canceled" }, "PAYMENT_REQUIRED"],
    ["an unknown status", { status: "some_future_status" }, "PAYMENT_REQUIRED"],
    ["past due beyond the grace period", { status: "past_due", pastDueSince: new Date(Date.now() - 8 * DAY) }, "PAYMENT_REQUIRED"],
    ["a trial that ended (Stripe configured)", { status: "trialing", trialEndsAt: new Date(Date.now() - DAY) }, "PAYMENT_REQUIRED"],
    ["past due within the grace period", { status: "past_due", pastDueSince: new Date(Date.now() - 2 * DAY) }, null],
    ["active", { status: "active" }, null],
  ])("%s -> %s", async (_label, data, expected) => {
    configureStripeEnv();
    const { studio } = await makeStudio();
    await setSubscription(studio.id, data);
    const attempt = addSeat(studio.id, (await makeUser()).id);
    if (expected) expect(await errorCode(attempt)).toBe(expected);
    else await expect(attempt).resolves.toBeUndefined();
  });
});
