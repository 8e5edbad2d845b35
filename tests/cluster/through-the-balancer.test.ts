import Stripe from "stripe";
import { beforeAll, describe, expect, it } from "vitest";
import { openLiveFeed, signIn, trpcMutation, trpcQuery } from "../../scripts/lib/app-client";
import { writeBenchBatches } from "../../scripts/lib/perf-fixture";
import { systemDb } from "~/server/db";
import { LIMITS } from "~/server/rate-limit/limits";
import { FACTORY_PASSWORD, makeStudio, makeUser } from "../helpers/factories";
import { sessionCookie } from "../helpers/http";
import { planningWorld } from "../integration/planning/fixtures";
import { subscriptionEvent, PRICES } from "../integration/billing/stripe-events";
import { STRIPE } from "./setup/cluster-env";
import { allInstancesUp, cluster, sleep, waitFor } from "./helpers";

// Sessions, live updates, rate limits and webhooks with two app instances behind HAProxy and PgBouncer.

const [app1, app2] = [() => cluster().instances[0]!, () => cluster().instances[1]!];

beforeAll(async () => {
  await allInstancesUp();
});

describe("sessions and live updates across instances", () => {
  it("a session from signing in through the balancer works on every instance", async () => {
    const { studio, owner } = await makeStudio();
    const signedIn = await signIn(cluster().url, owner.email, FACTORY_PASSWORD);
    expect(signedIn.cookie).not.toBeNull();
    for (const instance of cluster().instances) {
      const answer = await trpcQuery(instance.url, signedIn.cookie!, "studio.get", { studioId: studio.id });
      expect(answer.status).toBe(200);
      expect(answer.data).toMatchObject({ id: studio.id });
    }
    // Through the balancer, calls land on both instances (round robin), and all succeed.
    const servedBy = new Set<string | null>();
    for (let i = 0; i < 4; i++) {
      const answer = await trpcQuery(cluster().url, signedIn.cookie!, "studio.get", { studioId: studio.id });
      expect(answer.status).toBe(200);
      servedBy.add(answer.servedBy);
    }
    expect([...servedBy].sort()).toEqual(["app1", "app2"]);
  });

  it("a bench report made through instance 1 reaches a live feed held on instance 2 (and one held through the balancer)", async () => {
    const { studio, owner } = await planningWorld();
    const { batchIds } = await writeBenchBatches(systemDb(), studio.id, { count: 1, pieces: 50 });
    const batchId = batchIds[0]!;
    const cookie = await sessionCookie(owner);
    expect((await trpcMutation(app1().url, cookie, "bench.claim", { studioId: studio.id, batchId })).status).toBe(200);

    const onApp2 = await openLiveFeed(app2().url, cookie, "studio.events", { studioId: studio.id, topics: ["bench."] });
    const throughBalancer = await openLiveFeed(cluster().url, cookie, "studio.events", { studioId: studio.id, topics: ["bench."] });
    try {
      await sleep(500); // the feeds' LISTEN is in place
      const report = await trpcMutation(app1().url, cookie, "bench.report", { studioId: studio.id, batchId, piecesDone: 3, piecesScrapped: 0 });
      expect(report.status).toBe(200);
      const wanted = (event: unknown) => (event as { topic?: string; data?: { batchId?: string } }).data?.batchId === batchId;
      await waitFor(() => onApp2.events.some(wanted), "the report on instance 2's feed", 5_000, 50);
      await waitFor(() => throughBalancer.events.some(wanted), "the report on the balancer's feed", 5_000, 50);
      expect(onApp2.events.find(wanted)).toMatchObject({ studioId: studio.id, topic: "bench.batch", data: { batchId, kind: "REPORT" } });
    } finally {
      onApp2.close();
      throughBalancer.close();
    }
  });
});

describe("rate limits across instances", () => {
  it("the per-account sign-in limit holds whichever instance answers", async () => {
    const user = await makeUser();
    const answers: Array<{ status: number; instance: string }> = [];
    const attempts = LIMITS.signInPerAccount.points + 3;
    for (let i = 0; i < attempts; i++) {
      const instance = cluster().instances[i % 2]!;
      const { status } = await signIn(instance.url, user.email, "wrong password, try again");
      answers.push({ status, instance: instance.name });
    }
    const limited = answers.filter((answer) => answer.status === 429);
    expect(limited).toHaveLength(attempts - LIMITS.signInPerAccount.points);
    expect(answers.slice(0, LIMITS.signInPerAccount.points).every((answer) => answer.status !== 429)).toBe(true);
    expect(new Set(limited.map((answer) => answer.instance))).toEqual(new Set(["app1", "app2"]));
    // Even the right password waits for the window to end.
    expect((await signIn(app2().url, user.email, FACTORY_PASSWORD)).status).toBe(429);
  });

  it("the per-address limit counts the client behind the balancer, whatever X-Forwarded-For it sends", async () => {
    await clearAddressCounters();
    try {
      const statuses: number[] = [];
      for (let i = 0; i <= LIMITS.signInPerAddress.points; i++) {
        // A fresh unknown account each time, and a made-up forwarded address: neither buys more attempts.
        const { status } = await signIn(cluster().url, `nobody-${i}-${Date.now()}@example.test`, "wrong password", { "x-forwarded-for": `203.0.113.${i}` });
        statuses.push(status);
      }
      expect(statuses.slice(0, LIMITS.signInPerAddress.points).filter((status) => status === 429)).toEqual([]);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await clearAddressCounters(); // the tests' own address must be able to sign in again
    }
  });
});

describe("Stripe webhooks across instances", () => {
  it("one event delivered eight times to both instances at once applies once", async () => {
    const { studio } = await makeStudio();
    const at = Math.floor(Date.now() / 1000);
    const event = subscriptionEvent(
      "customer.subscription.updated",
      { id: `sub_${studio.id}`, customer: `cus_${studio.id}`, status: "active", price: PRICES.WORKSHOP, studioId: studio.id },
      at,
    );
    const payload = JSON.stringify(event);
    const deliveries = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: STRIPE.webhookSecret });
        const response = await fetch(`${cluster().instances[i % 2]!.url}/api/stripe/webhook`, {
          method: "POST",
          headers: { "content-type": "application/json", "stripe-signature": signature },
          body: payload,
        });
        return { status: response.status, body: (await response.json()) as { outcome?: string } };
      }),
    );
    expect(deliveries.map((delivery) => delivery.status)).toEqual(Array(8).fill(200));
    expect(deliveries.filter((delivery) => delivery.body.outcome === "applied")).toHaveLength(1);
    expect(deliveries.filter((delivery) => delivery.body.outcome === "duplicate")).toHaveLength(7);
    const subscription = await systemDb().studioSubscription.findUniqueOrThrow({ where: { studioId: studio.id } });
    expect(subscription).toMatchObject({ plan: "WORKSHOP", status: "active", appliedEventCount: 1 });
  });
});

async function clearAddressCounters() {
  await systemDb().$executeRaw`DELETE FROM "RateLimit" WHERE key LIKE 'signInPerAddress%'`;
}
