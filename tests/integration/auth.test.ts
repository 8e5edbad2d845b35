import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { authenticate } from "~/features/auth/server/authenticate";
import { systemDb } from "~/server/db";
import { LIMITS, pruneExpiredRateLimits } from "~/server/rate-limit";
import { signInRetryAfter } from "~/server/rate-limit/sign-in";
import { callerFor, errorCode } from "../helpers/caller";
import { startMailServer } from "./team/mail-server";
import { FACTORY_PASSWORD, makeUser, uniqueSuffix } from "../helpers/factories";

let smtp: Awaited<ReturnType<typeof startMailServer>>;
beforeAll(async () => {
  smtp = await startMailServer();
  process.env.SMTP_URL = smtp.url;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.close();
});

describe("sign-up", () => {
  it("creates an account with an argon2id hash and a normalised email", async () => {
    const email = `New-${uniqueSuffix()}@Example.TEST`;
    await expect(callerFor(null).auth.signUp({ name: "Mara", email, password: "a long enough secret" })).resolves.toEqual({ ok: true });
    const user = await systemDb().user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
    expect(user.email).toBe(email.toLowerCase());
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain("a long enough secret");
  });

  it("accepts 64+ character passwords and rejects short or common ones with a clear message", async () => {
    const long = "x".repeat(100);
    await expect(
      callerFor(null).auth.signUp({ name: "Long", email: `long-${uniqueSuffix()}@example.test`, password: long }),
    ).resolves.toEqual({ ok: true });

    await expect(
      callerFor(null).auth.signUp({ name: "Short", email: `s-${uniqueSuffix()}@example.test`, password: "short" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("at least 8 characters") });
    await expect(
      callerFor(null).auth.signUp({ name: "Common", email: `c-${uniqueSuffix()}@example.test`, password: "password123" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("too common") });
  });

  it("answers an existing email exactly like a new one, changes nothing, and mails the account's owner", async () => {
    const existing = await makeUser();
    const before = await systemDb().user.findUniqueOrThrow({ where: { id: existing.id } });
    const freshEmail = `fresh-${uniqueSuffix()}@example.test`;
    const answer = await callerFor(null).auth.signUp({ name: "Dup", email: existing.email, password: "another secret!" });
    const fresh = await callerFor(null).auth.signUp({ name: "New", email: freshEmail, password: "another secret!" });
    expect(answer).toEqual(fresh);
    // The new address got an account (positive control); the existing one still has exactly its own.
    const accounts = await systemDb().user.findMany({ where: { email: { in: [existing.email, freshEmail] } }, select: { email: true, name: true } });
    expect(accounts).toHaveLength(2);
    expect(accounts).toEqual(expect.arrayContaining([{ email: existing.email, name: existing.name }, { email: freshEmail, name: "New" }]));
    expect(await systemDb().user.findUniqueOrThrow({ where: { id: existing.id } })).toEqual(before);
    const mail = await smtp.waitForMail(existing.email);
    expect(mail.subject).toBe("You already have a Benchflow account");
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

  afterEach(() => vi.useRealTimers());

  it("throttles an account after repeated failures, even with the right password, until the window passes", async () => {
    const user = await makeUser();
    for (let i = 0; i < LIMITS.signInPerAccount.points; i++) {
      await authenticate(systemDb(), { email: user.email, password: `wrong-${i}-password` }, "203.0.113.7");
    }
    const throttled = await authenticate(systemDb(), { email: user.email, password: FACTORY_PASSWORD }, "198.51.100.1");
    expect(throttled).toMatchObject({ ok: false, reason: "throttled" });
    if (throttled.ok || throttled.reason !== "throttled") throw new Error("unreachable");
    expect(throttled.retryAfterSeconds).toBeGreaterThan(0);
    expect(throttled.retryAfterSeconds).toBeLessThanOrEqual(LIMITS.signInPerAccount.windowSeconds);

    // Not a permanent lockout: once the window has passed, the real user gets in.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + LIMITS.signInPerAccount.windowSeconds * 1000 + 1000);
    expect(await signInRetryAfter({ email: user.email, ip: null })).toBe(0);
    await expect(authenticate(systemDb(), { email: user.email, password: FACTORY_PASSWORD }, "198.51.100.1")).resolves.toMatchObject({ ok: true });
  });

  it("counts parallel wrong passwords atomically: 25 at once run exactly as many password checks as the limit", async () => {
    const user = await makeUser();
    const attempts = await Promise.all(
      Array.from({ length: 25 }, (_, i) => authenticate(systemDb(), { email: user.email, password: `parallel-guess-${i}` }, null)),
    );
    expect(attempts.filter((attempt) => !attempt.ok && attempt.reason === "invalid")).toHaveLength(LIMITS.signInPerAccount.points);
    expect(attempts.filter((attempt) => !attempt.ok && attempt.reason === "throttled")).toHaveLength(25 - LIMITS.signInPerAccount.points);
  });

  it("a successful sign-in forgets the account's failures", async () => {
    const user = await makeUser();
    for (let i = 0; i < LIMITS.signInPerAccount.points - 1; i++) {
      await authenticate(systemDb(), { email: user.email, password: `wrong-${i}-password` }, null);
    }
    await expect(authenticate(systemDb(), { email: user.email, password: FACTORY_PASSWORD }, null)).resolves.toMatchObject({ ok: true });
    for (let i = 0; i < LIMITS.signInPerAccount.points - 1; i++) {
      await expect(authenticate(systemDb(), { email: user.email, password: `again-${i}-password` }, null)).resolves.toMatchObject({ reason: "invalid" });
    }
  });

  it("throttles a client address that sprays many accounts", async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
    for (let i = 0; i < LIMITS.signInPerAddress.points; i++) {
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

describe("rate-limit pruning", () => {
  it("deletes the counters whose window has ended and keeps the live ones", async () => {
    const expired = `expired-${uniqueSuffix()}`;
    const live = `live-${uniqueSuffix()}`;
    await systemDb().rateLimit.createMany({
      data: [
        { key: `signUpPerAddress:${expired}`, points: 3, expire: BigInt(Date.now() - 1_000) },
        { key: `signUpPerAddress:${live}`, points: 3, expire: BigInt(Date.now() + 600_000) },
      ],
    });
    expect(await pruneExpiredRateLimits()).toBeGreaterThanOrEqual(1);
    const left = await systemDb().rateLimit.findMany({ where: { key: { in: [`signUpPerAddress:${expired}`, `signUpPerAddress:${live}`] } } });
    expect(left.map((row) => row.key)).toEqual([`signUpPerAddress:${live}`]);
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
