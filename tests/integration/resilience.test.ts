import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
    const { serverEnvForTests } = await import("~/server/env");
    serverEnvForTests.reset();
  }, 60_000);

  afterAll(async () => {
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
});
