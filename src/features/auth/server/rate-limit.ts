import { TRPCError } from "@trpc/server";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";

// Sliding-window rate limits on the RateLimitHit table: one row per counted event, keyed by what is
// limited ("signup:ip:<address>", "reset:email:<address>", "invite:user:<id>", ...). Past the limit the
// action answers 429 until old hits age out. No permanent lockout.

type Db = PrismaClient | Prisma.TransactionClient;
export type Limit = { windowMs: number; max: number };

const MINUTE = 60 * 1000;

/** The limits of the account and team actions (sign-in has its own, in throttle.ts). */
export const RATE_LIMITS = {
  signUpPerAddress: { windowMs: 15 * MINUTE, max: 20 },
  resetPerEmail: { windowMs: 60 * MINUTE, max: 3 },
  resetPerAddress: { windowMs: 60 * MINUTE, max: 20 },
  invitesPerUser: { windowMs: 60 * MINUTE, max: 30 },
  verificationMailsPerUser: { windowMs: 60 * MINUTE, max: 3 },
} as const satisfies Record<string, Limit>;

/** Seconds until the key is below its limit again, or 0 when an action is allowed now. */
export async function retryAfterSeconds(db: Db, key: string, limit: Limit, now = new Date()): Promise<number> {
  const recent = await db.rateLimitHit.findMany({
    where: { key, createdAt: { gt: new Date(now.getTime() - limit.windowMs) } },
    orderBy: { createdAt: "desc" },
    take: limit.max,
    select: { createdAt: true },
  });
  if (recent.length < limit.max) return 0;
  const oldestCounted = recent[recent.length - 1]!.createdAt.getTime();
  return Math.max(1, Math.ceil((oldestCounted + limit.windowMs - now.getTime()) / 1000));
}

export async function recordHits(db: Db, keys: string[]): Promise<void> {
  if (keys.length) await db.rateLimitHit.createMany({ data: keys.map((key) => ({ key })) });
}

export function tooManyRequests(seconds: number, what = "Too many attempts"): TRPCError {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return new TRPCError({
    code: "TOO_MANY_REQUESTS",
    message: `${what}. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  });
}

/**
 * Checks every (key, limit) pair, throws TOO_MANY_REQUESTS if any is exhausted, otherwise records one
 * hit per key. Pairs with a null key (e.g. no known client address) are skipped.
 */
export async function consumeRateLimit(
  db: Db,
  checks: Array<[key: string | null, limit: Limit]>,
  what?: string,
): Promise<void> {
  const active = checks.filter((check): check is [string, Limit] => check[0] !== null);
  let wait = 0;
  for (const [key, limit] of active) wait = Math.max(wait, await retryAfterSeconds(db, key, limit));
  if (wait > 0) throw tooManyRequests(wait, what);
  await recordHits(db, active.map(([key]) => key));
}
