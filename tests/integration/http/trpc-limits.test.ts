import pg from "pg";
import { describe, expect, it } from "vitest";
import { GET, POST } from "~/app/api/trpc/[trpc]/route";
import { systemDb } from "~/server/db";
import { HTTP_LIMITS } from "~/server/http/limits";
import { makeStudio } from "../../helpers/factories";
import { sessionCookie, streamingBody, trpcBatchPost, trpcGet } from "../../helpers/http";

// The tRPC route as Next.js calls it: one member's burst or oversized body must not take the server from the
// other studios.

const settings = (studio: { id: string; name: string }) => ({
  studioId: studio.id,
  expectedVersion: 0,
  name: studio.name,
  timeZone: "Europe/Paris",
  workingHours: [],
});

/**
 * Until at least `count` backends wait on a lock `lockerPid` holds and their number has settled (other test files
 * share the database: only this test's waiters count). Its own connection: inside a transaction
 * pg_stat_activity keeps showing its first snapshot.
 */
// Backends blocked by the locker, directly or behind another waiter (later ones queue on the first's tuple lock).
const WAITING_ON_LOCKER = `
  WITH RECURSIVE waiting(pid) AS (
    SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))
    UNION
    SELECT a.pid FROM pg_stat_activity a JOIN waiting w ON w.pid = ANY(pg_blocking_pids(a.pid))
  )
  SELECT count(*) AS n FROM waiting`;

async function waitForLockWaiters(lockerPid: number, count: number) {
  const monitor = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await monitor.connect();
  try {
    await settle(async () => Number((await monitor.query(WAITING_ON_LOCKER, [lockerPid])).rows[0].n), count);
  } finally {
    await monitor.end();
  }
}

async function settle(waiting: () => Promise<number>, count: number) {
  const deadline = Date.now() + 5_000;
  while ((await waiting()) < count) {
    if (Date.now() > deadline) throw new Error(`fewer than ${count} requests ever waited on the lock`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  let last = -1;
  while (Date.now() < deadline) {
    const now = await waiting();
    if (now === last) return;
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

describe("tRPC batches", () => {
  it("refuses a batch over the limit before running any of it", async () => {
    const { studio, owner } = await makeStudio();
    const calls = Array.from({ length: 300 }, () => ["studio.update", settings(studio)] as [string, unknown]);
    const response = await POST(trpcBatchPost(calls, { cookie: await sessionCookie(owner) }));
    expect(response.status).toBe(413);
    expect(await response.text()).toContain(`At most ${HTTP_LIMITS.trpcBatchSize} calls`);
    expect((await systemDb().studio.findUniqueOrThrow({ where: { id: studio.id } })).version).toBe(0);
  });

  it("one member's full batch of blocked mutations leaves connections for another studio", async () => {
    const a = await makeStudio();
    const b = await makeStudio();
    const locker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await locker.connect();
    try {
      // Every update of A's studio row now waits for this lock, holding its connection while it waits.
      await locker.query("BEGIN");
      await locker.query(`SELECT 1 FROM "Studio" WHERE "id" = $1 FOR UPDATE`, [a.studio.id]);
      const lockerPid = (await locker.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
      const calls = Array.from({ length: HTTP_LIMITS.trpcBatchSize }, () => ["studio.update", settings(a.studio)] as [string, unknown]);
      const burst = POST(trpcBatchPost(calls, { cookie: await sessionCookie(a.owner) }));
      await waitForLockWaiters(lockerPid, 5);

      const started = Date.now();
      const other = await GET(trpcGet("studio.get", { studioId: b.studio.id }, { cookie: await sessionCookie(b.owner) }));
      expect(other.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(1_500);

      await locker.query("ROLLBACK");
      expect((await burst).status).toBeLessThan(500);
    } finally {
      await locker.end();
    }
  });
});

describe("request bodies", () => {
  it("refuses a declared oversized body with 413 without reading it", async () => {
    const { body, pulled } = streamingBody(78 * 1024 * 1024);
    const request = new Request("http://localhost/api/trpc/auth.signUp", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(78 * 1024 * 1024) },
      body,
      duplex: "half",
    } as RequestInit);
    const started = Date.now();
    const response = await POST(request);
    expect(response.status).toBe(413);
    expect(Date.now() - started).toBeLessThan(500);
    expect(pulled()).toBeLessThanOrEqual(64 * 1024);
  });

  it("stops reading a streamed body as soon as it passes the limit", async () => {
    const { body, pulled } = streamingBody(78 * 1024 * 1024);
    const request = new Request("http://localhost/api/trpc/auth.signUp", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    const response = await POST(request);
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("larger than");
    expect(pulled()).toBeLessThan(HTTP_LIMITS.trpcBodyBytes + 256 * 1024);
  });

  it("refuses a million-element array in a fraction of a second, before parsing it", async () => {
    const { studio, owner } = await makeStudio();
    const lines = Array.from({ length: 1_000_000 }, () => 1);
    const request = trpcBatchPost([["order.create", { studioId: studio.id, order: { kind: "CUSTOMER", customerName: "x", notes: "", lines } }]], {
      cookie: await sessionCookie(owner),
    });
    const started = Date.now();
    const response = await POST(request);
    expect(response.status).toBe(413);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("still accepts a CSV import of the largest allowed file", async () => {
    const { studio, owner } = await makeStudio();
    const csv = `Sale Date,Item Name,Buyer,Quantity,Order ID,SKU\n${"11/20/25,Ring,Ana,1,X-1,NOPE\n".repeat(40_000)}`.slice(0, 1_900_000);
    const response = await POST(
      trpcBatchPost([["order.importPreview", { studioId: studio.id, csv, dueDate: "2031-01-15", kind: "CUSTOMER" }]], { cookie: await sessionCookie(owner) }),
    );
    expect(response.status).not.toBe(413);
  });
});

describe("tRPC answers", () => {
  it("are never cached: Cache-Control no-store on data and on errors", async () => {
    const { studio, owner } = await makeStudio();
    const ok = await GET(trpcGet("studio.get", { studioId: studio.id }, { cookie: await sessionCookie(owner) }));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("no-store");
    const denied = await GET(trpcGet("auth.me", undefined));
    expect(denied.status).toBe(401);
    expect(denied.headers.get("cache-control")).toBe("no-store");
  });
});
