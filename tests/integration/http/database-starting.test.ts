import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startingPostgres } from "../../setup/starting-postgres";
import { sessionCookie, trpcBatchPost, trpcGet } from "../../helpers/http";

// While PostgreSQL is still starting it refuses connections with SQLSTATE 57P03. Every endpoint must say
// "unavailable, try again" (503), never "something broke" (500).

let server: Awaited<ReturnType<typeof startingPostgres>>;
const saved = { database: process.env.DATABASE_URL, app: process.env.APP_DATABASE_URL, webhook: process.env.STRIPE_WEBHOOK_SECRET };

// What PostgreSQL 18 says while it replays its log after a crash (the message the pentest's 500 came with).
beforeAll(async () => {
  const { disconnectDb } = await import("~/server/db");
  await disconnectDb();
  server = await startingPostgres("the database system is not yet accepting connections");
  process.env.DATABASE_URL = server.url("postgres");
  process.env.APP_DATABASE_URL = server.url("benchflow_app");
  process.env.STRIPE_WEBHOOK_SECRET = "whsec_database_starting";
  (await import("~/server/env")).serverEnvForTests.reset();
});

afterAll(async () => {
  const { disconnectDb } = await import("~/server/db");
  await disconnectDb();
  await server.close();
  process.env.DATABASE_URL = saved.database;
  process.env.APP_DATABASE_URL = saved.app;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  (await import("~/server/env")).serverEnvForTests.reset();
});

describe("while the database is starting", () => {
  it("tRPC queries and mutations, signed in or not, answer 503", async () => {
    const { GET, POST } = await import("~/app/api/trpc/[trpc]/route");
    const cookie = await sessionCookie({ id: "user-starting", email: "starting@example.test" });
    const responses = [
      await GET(trpcGet("auth.me", undefined, { cookie })),
      await GET(trpcGet("studio.get", { studioId: "studio-starting" }, { cookie })),
      await GET(trpcGet("studio.listMine", undefined, { cookie })),
      await POST(trpcBatchPost([["auth.signUp", { name: "Early", email: "early@example.test", password: "a long enough secret" }]])),
      await POST(trpcBatchPost([["auth.requestPasswordReset", { email: "early@example.test" }]])),
    ];
    for (const response of responses) {
      expect({ status: response.status, body: (await response.text()).slice(0, 200) }).toMatchObject({ status: 503 });
    }
  });

  it("the health check and the Stripe webhook answer 503", async () => {
    const { GET: health } = await import("~/app/api/health/route");
    expect((await health()).status).toBe(503);

    const Stripe = (await import("stripe")).default;
    const payload = JSON.stringify({ id: "evt_starting", object: "event", type: "customer.subscription.updated", created: 1_800_000_000, data: { object: { id: "sub_1", object: "subscription", status: "active", customer: "cus_1", metadata: {}, items: { data: [] } } } });
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_database_starting" });
    const { POST: webhook } = await import("~/app/api/stripe/webhook/route");
    const response = await webhook(new Request("http://localhost/api/stripe/webhook", { method: "POST", headers: { "stripe-signature": signature }, body: payload }));
    expect(response.status).toBe(503);
  });
});
