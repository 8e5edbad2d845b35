import type { PrismaClient } from "~/generated/prisma/client";
import { retryAfterSeconds } from "./rate-limit";

// Failed sign-ins in a sliding window (RateLimitHit rows), per account and per client address. Past the limit the
// sign-in answers 429 until old failures age out: slows guessing without locking a real user out
// for good (OWASP ASVS 2.2.1).
export const SIGN_IN_LIMITS = {
  windowMs: 15 * 60 * 1000,
  perAccount: 5,
  perAddress: 30,
} as const;

export type ThrottleKeys = { email: string; ip: string | null };

function keys({ email, ip }: ThrottleKeys): { account: string; address: string | null } {
  return { account: `email:${email.trim().toLowerCase()}`, address: ip ? `ip:${ip}` : null };
}

/** Seconds until another attempt is allowed, or 0 when allowed now. */
export async function signInRetryAfter(db: PrismaClient, who: ThrottleKeys, now = new Date()): Promise<number> {
  const { account, address } = keys(who);
  const checks: Array<[string, number]> = [[account, SIGN_IN_LIMITS.perAccount]];
  if (address) checks.push([address, SIGN_IN_LIMITS.perAddress]);
  let wait = 0;
  for (const [key, max] of checks) {
    wait = Math.max(wait, await retryAfterSeconds(db, key, { windowMs: SIGN_IN_LIMITS.windowMs, max }, now));
  }
  return wait;
}

export async function recordSignInFailure(db: PrismaClient, who: ThrottleKeys): Promise<void> {
  const { account, address } = keys(who);
  await db.rateLimitHit.createMany({ data: [{ key: account }, ...(address ? [{ key: address }] : [])] });
}

/** A successful sign-in clears the account's failures (not the address's). */
export async function clearAccountFailures(db: PrismaClient, email: string): Promise<void> {
  await db.rateLimitHit.deleteMany({ where: { key: keys({ email, ip: null }).account } });
}

export async function pruneOldFailures(db: PrismaClient, now = new Date()): Promise<void> {
  await db.rateLimitHit.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - SIGN_IN_LIMITS.windowMs) } } });
}
