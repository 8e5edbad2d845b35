import { describe, expect, it } from "vitest";
import { authenticate } from "~/features/auth/server/authenticate";
import { SIGN_IN_LIMITS, signInRetryAfter } from "~/features/auth/server/throttle";
import { systemDb } from "~/server/db";
import { callerFor, errorCode } from "../helpers/caller";
import { FACTORY_PASSWORD, makeUser, uniqueSuffix } from "../helpers/factories";

describe("sign-up", () => {
  it("creates an account with an argon2id hash and a normalised email", async () => {
    const email = `New-${uniqueSuffix()}@Example.TEST`;
    const created = await callerFor(null).auth.signUp({ name: "Mara", email, password: "a long enough secret" });
    const user = await systemDb().user.findUniqueOrThrow({ where: { id: created.id } });
    expect(user.email).toBe(email.toLowerCase());
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain("a long enough secret");
  });

  it("accepts 64+ character passwords and rejects short or common ones with a clear message", async () => {
    const long = "x".repeat(100);
    await expect(
      callerFor(null).auth.signUp({ name: "Long", email: `long-${uniqueSuffix()}@example.test`, password: long }),
    ).resolves.toMatchObject({ id: expect.any(String) });

    await expect(
      callerFor(null).auth.signUp({ name: "Short", email: `s-${uniqueSuffix()}@example.test`, password: "short" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("at least 8 characters") });
    await expect(
      callerFor(null).auth.signUp({ name: "Common", email: `c-${uniqueSuffix()}@example.test`, password: "password123" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("too common") });
  });

  it("answers CONFLICT for an email already registered and writes nothing", async () => {
    const existing = await makeUser();
    const before = await systemDb().user.count();
    expect(
      await errorCode(callerFor(null).auth.signUp({ name: "Dup", email: existing.email, password: "another secret!" })),
    ).toBe("CONFLICT");
    expect(await systemDb().user.count()).toBe(before);
  });
});

describe("sign-in", () => {
  it("accepts the right password and rejects a wrong one or an unknown email", async () => {
    const user = await makeUser();
    await expect(authenticate(systemDb(), { email: user.email, password: FACTORY_PASSWORD }, null)).resolves.toMatchObject({
      ok: true,
      user: { id: user.id },
    });
    await expect(authenticate(systemDb(), { email: user.email, password: "wrong password" }, null)).resolves.toEqual({
      ok: false,
      reason: "invalid",
    });
    await expect(
      authenticate(systemDb(), { email: `nobody-${uniqueSuffix()}@example.test`, password: "whatever1" }, null),
    ).resolves.toEqual({ ok: false, reason: "invalid" });
  });

  it("throttles an account after repeated failures, even with the right password, until the window passes", async () => {
    const user = await makeUser();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) {
      await authenticate(systemDb(), { email: user.email, password: `wrong-${i}-password` }, "203.0.113.7");
    }
    const throttled = await authenticate(systemDb(), { email: user.email, password: FACTORY_PASSWORD }, "198.51.100.1");
    expect(throttled).toMatchObject({ ok: false, reason: "throttled" });
    if (throttled.ok || throttled.reason !== "throttled") throw new Error("unreachable");
    expect(throttled.retryAfterSeconds).toBeGreaterThan(0);
    expect(throttled.retryAfterSeconds).toBeLessThanOrEqual(SIGN_IN_LIMITS.windowMs / 1000);

    // Not a permanent lockout: once the window has passed, the real user gets in.
    const later = new Date(Date.now() + SIGN_IN_LIMITS.windowMs + 1000);
    expect(await signInRetryAfter(systemDb(), { email: user.email, ip: null }, later)).toBe(0);
  });

  it("throttles a client address that sprays many accounts", async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) {
      await authenticate(systemDb(), { email: `spray-${i}-${uniqueSuffix()}@example.test`, password: "guess-1234" }, ip);
    }
    const user = await makeUser();
    await expect(authenticate(systemDb(), { email: user.email, password: FACTORY_PASSWORD }, ip)).resolves.toMatchObject({
      reason: "throttled",
    });
    await expect(authenticate(systemDb(), { email: user.email, password: FACTORY_PASSWORD }, "192.0.2.254")).resolves.toMatchObject({
      ok: true,
    });
  });
});

describe("sessions", () => {
  it("rejects missing, expired and signed-out-everywhere sessions", async () => {
    expect(await errorCode(callerFor(null).auth.me())).toBe("UNAUTHORIZED");
    const user = await makeUser();
    await expect(callerFor(user).auth.me()).resolves.toMatchObject({ id: user.id });
    const eightDaysAgo = Date.now() - 8 * 24 * 3600 * 1000;
    expect(await errorCode(callerFor(user, { loginAt: eightDaysAgo }).auth.me())).toBe("UNAUTHORIZED");

    await callerFor(user).auth.signOutEverywhere();
    expect(await errorCode(callerFor(user).auth.me())).toBe("UNAUTHORIZED");
    await expect(callerFor({ ...user, sessionVersion: 1 }).auth.me()).resolves.toMatchObject({ id: user.id });
  });
});
