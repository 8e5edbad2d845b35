import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "~/features/auth/server/authenticate";
import { LIMITS } from "~/server/rate-limit";
import { systemDb } from "~/server/db";
import { createContext } from "~/server/trpc/context";
import { createCaller } from "~/server/trpc/root";
import { callerFor, errorCode } from "../../helpers/caller";
import { exhaustRateLimit, FACTORY_PASSWORD, makeUser, uniqueSuffix } from "../../helpers/factories";
import { linkToken, startMailServer } from "../team/mail-server";

let smtp: Awaited<ReturnType<typeof startMailServer>>;
beforeAll(async () => {
  smtp = await startMailServer();
  process.env.SMTP_URL = smtp.url;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.close();
});

/** A caller from a given client address, as the route builds it from the connection. */
const fromAddress = (ip: string) => createCaller(createContext({ session: null, headers: new Headers(), clientIp: ip }));
const randomIp = () => `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
const userRow = (id: string) => systemDb().user.findUniqueOrThrow({ where: { id } });

describe("email verification", () => {
  it("mails a link at sign-up; the link verifies once; resend is rate limited", async () => {
    const email = `verify-${uniqueSuffix()}@example.test`;
    await callerFor(null).auth.signUp({ name: "Vera", email, password: "hammered silver rings" });
    const account = await systemDb().user.findUniqueOrThrow({ where: { email } });
    expect((await userRow(account.id)).emailVerifiedAt).toBeNull();
    const token = linkToken(await smtp.waitForMail(email, (mail) => mail.subject.includes("Confirm")), "verify-email");

    await callerFor(null).auth.verifyEmail({ token });
    expect((await userRow(account.id)).emailVerifiedAt).toBeInstanceOf(Date);
    expect(await errorCode(callerFor(null).auth.verifyEmail({ token }))).toBe("NOT_FOUND");
    await expect(callerFor(account).auth.resendVerification()).resolves.toEqual({ alreadyVerified: true });

    const other = await makeUser();
    for (let i = 0; i < LIMITS.verificationMailsPerUser.points; i++) await callerFor(other).auth.resendVerification();
    expect(await errorCode(callerFor(other).auth.resendVerification())).toBe("TOO_MANY_REQUESTS");
  });

  it("rejects an expired verification link", async () => {
    const email = `late-${uniqueSuffix()}@example.test`;
    await callerFor(null).auth.signUp({ name: "Late", email, password: "hammered silver rings" });
    const account = await systemDb().user.findUniqueOrThrow({ where: { email } });
    const token = linkToken(await smtp.waitForMail(email), "verify-email");
    await systemDb().accountToken.updateMany({ where: { userId: account.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await errorCode(callerFor(null).auth.verifyEmail({ token }))).toBe("NOT_FOUND");
    expect((await userRow(account.id)).emailVerifiedAt).toBeNull();
  });
});

describe("password reset", () => {
  it("mails a single-use, one-hour link that sets the password and ends every session", async () => {
    const user = await makeUser();
    await expect(callerFor(null).auth.requestPasswordReset({ email: user.email.toUpperCase() })).resolves.toEqual({ ok: true });
    const token = linkToken(await smtp.waitForMail(user.email, (mail) => mail.subject.includes("Reset")), "reset-password");

    await callerFor(null).auth.resetPassword({ token, password: "a brand new bench secret" });
    expect(await errorCode(callerFor(user).auth.me())).toBe("UNAUTHORIZED"); // old sessions ended
    await expect(authenticate(systemDb(), { email: user.email, password: "a brand new bench secret" }, null)).resolves.toMatchObject({ ok: true });
    await expect(authenticate(systemDb(), { email: user.email, password: FACTORY_PASSWORD }, null)).resolves.toMatchObject({ ok: false });
    expect((await userRow(user.id)).emailVerifiedAt).toBeInstanceOf(Date);
    // Reused link.
    expect(await errorCode(callerFor(null).auth.resetPassword({ token, password: "yet another secret!" }))).toBe("NOT_FOUND");
  });

  it("rejects expired links and weak passwords; answers the same for unknown addresses", async () => {
    const user = await makeUser();
    await callerFor(null).auth.requestPasswordReset({ email: user.email });
    const token = linkToken(await smtp.waitForMail(user.email), "reset-password");
    expect(await errorCode(callerFor(null).auth.resetPassword({ token, password: "password123" }))).toBe("BAD_REQUEST");
    await systemDb().accountToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await errorCode(callerFor(null).auth.resetPassword({ token, password: "a fine new secret" }))).toBe("NOT_FOUND");

    const before = smtp.mails.length;
    const nobody = `nobody-${uniqueSuffix()}@example.test`;
    await expect(callerFor(null).auth.requestPasswordReset({ email: nobody })).resolves.toEqual({ ok: true });
    // A marker asked for afterwards: a mail to the unknown address would have been handed to the mailer first.
    const marker = await makeUser();
    await callerFor(null).auth.requestPasswordReset({ email: marker.email });
    await smtp.waitForMail(marker.email, () => true, before);
    expect(smtp.mails.slice(before).filter((m) => m.to.includes(nobody))).toEqual([]);
  });

  it("answers 429 past the per-address and per-account request limits", async () => {
    const user = await makeUser();
    for (let i = 0; i < LIMITS.resetPerEmail.points; i++) await fromAddress(randomIp()).auth.requestPasswordReset({ email: user.email });
    expect(await errorCode(fromAddress(randomIp()).auth.requestPasswordReset({ email: user.email }))).toBe("TOO_MANY_REQUESTS");

    const ip = randomIp();
    await exhaustRateLimit("resetPerAddress", ip);
    const other = await makeUser();
    expect(await errorCode(fromAddress(ip).auth.requestPasswordReset({ email: other.email }))).toBe("TOO_MANY_REQUESTS");
  });
});

describe("sign-up rate limit", () => {
  it("answers 429 to an address past the sign-up limit, and creates nothing", async () => {
    const ip = randomIp();
    await exhaustRateLimit("signUpPerAddress", ip, LIMITS.signUpPerAddress.points - 1);
    await fromAddress(ip).auth.signUp({ name: "Last", email: `last-${uniqueSuffix()}@example.test`, password: "one more account" });
    const email = `over-${uniqueSuffix()}@example.test`;
    expect(await errorCode(fromAddress(ip).auth.signUp({ name: "Over", email, password: "one more account" }))).toBe("TOO_MANY_REQUESTS");
    expect(await systemDb().user.count({ where: { email } })).toBe(0);
    await expect(fromAddress(randomIp()).auth.signUp({ name: "Elsewhere", email, password: "one more account" })).resolves.toBeTruthy();
  });
});

describe("account", () => {
  it("changes the name, and the password only with the current one; the change ends other sessions", async () => {
    const user = await makeUser();
    await expect(callerFor(user).account.updateName({ name: "  Renamed Maker " })).resolves.toMatchObject({ name: "Renamed Maker" });
    const wrong = callerFor(user).account.changePassword({ currentPassword: "not it at all", newPassword: "a new long secret" });
    await expect(wrong).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("current password") });
    await callerFor(user).account.changePassword({ currentPassword: FACTORY_PASSWORD, newPassword: "a new long secret" });
    expect(await errorCode(callerFor(user).auth.me())).toBe("UNAUTHORIZED");
    await expect(callerFor({ ...user, sessionVersion: 1 }).account.get()).resolves.toMatchObject({ id: user.id });
  });

  it("throttles guesses of the current password like sign-in failures", async () => {
    const user = await makeUser();
    for (let i = 0; i < 5; i++) {
      expect(await errorCode(callerFor(user).account.changePassword({ currentPassword: `guess-${i}`, newPassword: "a new long secret" }))).toBe(
        "BAD_REQUEST",
      );
    }
    const right = callerFor(user).account.changePassword({ currentPassword: FACTORY_PASSWORD, newPassword: "a new long secret" });
    expect(await errorCode(right)).toBe("TOO_MANY_REQUESTS");
  });
});
