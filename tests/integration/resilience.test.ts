import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freezePostgres } from "../setup/freeze";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";

// This file runs against its own embedded PostgreSQL, which it stops and restarts: the shared test
// database is never touched.
let database: TestDatabase;

async function untilOk<T>(fn: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

describe("database outage", () => {
  beforeAll(async () => {
    const { disconnectDb } = await import("~/server/db");
    await disconnectDb();
    database = await createTestDatabase("resilience", { forceEmbedded: true, persistent: true });
    process.env.DATABASE_URL = database.ownerUrl;
    process.env.APP_DATABASE_URL = database.appUrl;
    // Short client-side deadline, so the frozen-server case stays fast (production: 6 s).
    process.env.DB_QUERY_TIMEOUT_MS = "1500";
    const { serverEnvForTests } = await import("~/server/env");
    serverEnvForTests.reset();
  }, 60_000);

  afterAll(async () => {
    delete process.env.DB_QUERY_TIMEOUT_MS;
    const { disconnectDb } = await import("~/server/db");
    await disconnectDb();
    await database?.drop();
  });

  it("fails fast with SERVICE_UNAVAILABLE while PostgreSQL is down, keeps the process up, and recovers by itself", async () => {
    const { makeStudio } = await import("../helpers/factories");
    const { callerFor, errorCode } = await import("../helpers/caller");
    const { GET: health } = await import("~/app/api/health/route");
    const { studio, owner } = await makeStudio();
    const caller = callerFor(owner);
    await expect(caller.studio.get({ studioId: studio.id })).resolves.toMatchObject({ id: studio.id });
    expect((await health()).status).toBe(200);

    await database.server!.stop();

    expect(await errorCode(caller.auth.me())).toBe("SERVICE_UNAVAILABLE");
    expect(await errorCode(caller.studio.get({ studioId: studio.id }))).toBe("SERVICE_UNAVAILABLE");
    await expect(caller.auth.me()).rejects.toThrow(/database is unavailable/i);
    const down = await health();
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ database: "down" });

    await database.server!.pg.start();

    await untilOk(() => caller.studio.get({ studioId: studio.id }));
    await expect(caller.studio.get({ studioId: studio.id })).resolves.toMatchObject({ id: studio.id });
    expect((await health()).status).toBe(200);
  }, 60_000);

  it("cuts requests in flight while PostgreSQL is frozen (503 within the query deadline), and resumes with correct answers", async () => {
    const { makeStudio } = await import("../helpers/factories");
    const { callerFor, errorCode } = await import("../helpers/caller");
    const { GET: health } = await import("~/app/api/health/route");
    const { studio, owner } = await makeStudio({ name: "Frozen studio" });
    const caller = callerFor(owner);
    await expect(caller.studio.get({ studioId: studio.id })).resolves.toMatchObject({ id: studio.id });
    await expect(caller.auth.me()).resolves.toMatchObject({ id: owner.id });

    const thaw = freezePostgres(database.server!.dataDir);
    const safety = setTimeout(thaw, 10_000); // the old behaviour hung until the server came back
    try {
      const started = Date.now();
      const [read, write] = await Promise.all([
        errorCode(caller.studio.get({ studioId: studio.id })),
        errorCode(caller.studio.update({ studioId: studio.id, expectedVersion: 0, name: "Half written?", timeZone: "Europe/Paris", workingHours: [] })),
      ]);
      expect([read, write]).toEqual(["SERVICE_UNAVAILABLE", "SERVICE_UNAVAILABLE"]);
      expect(Date.now() - started).toBeLessThan(6_000);
      expect((await health()).status).toBe(503);
    } finally {
      clearTimeout(safety);
      thaw();
    }

    // Back: the connections that timed out were discarded, so no late answer is read by another query.
    await untilOk(() => caller.studio.get({ studioId: studio.id }));
    for (let i = 0; i < 5; i++) {
      await expect(caller.studio.get({ studioId: studio.id })).resolves.toMatchObject({ id: studio.id, name: "Frozen studio", version: 0 });
      await expect(caller.auth.me()).resolves.toMatchObject({ id: owner.id });
    }
  }, 60_000);
});
