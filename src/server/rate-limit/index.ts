import { TRPCError } from "@trpc/server";
import type { LimitName } from "./limits";
import { isRateLimited, limiter } from "./store";

export { LIMITS, type Limit, type LimitName } from "./limits";
export { pruneExpiredRateLimits } from "./store";

/** Carried as the TRPCError's cause: the tRPC route turns it into a Retry-After header. */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Rate limited for ${retryAfterSeconds} s`);
  }
}

export function tooManyRequests(seconds: number, what = "Too many attempts"): TRPCError {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return new TRPCError({
    code: "TOO_MANY_REQUESTS",
    message: `${what}. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    cause: new RateLimitedError(seconds),
  });
}

const secondsOf = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * Takes one point from each (limit, key) pair, atomically per key. Seconds to wait when any is exhausted (the
 * points taken from the others are given back), 0 when the action may go ahead. Null keys (no known client
 * address) are skipped.
 */
export async function takePoints(checks: Array<[limit: LimitName, key: string | null]>): Promise<number> {
  const active = checks.filter((check): check is [LimitName, string] => check[1] !== null);
  const outcomes = await Promise.allSettled(active.map(([name, key]) => limiter(name).consume(key)));
  let wait = 0;
  for (const outcome of outcomes) {
    if (outcome.status === "fulfilled") continue;
    if (!isRateLimited(outcome.reason)) throw outcome.reason;
    wait = Math.max(wait, secondsOf(outcome.reason.msBeforeNext));
  }
  if (wait > 0) {
    await Promise.all(
      active.map(([name, key], index) => (outcomes[index]!.status === "fulfilled" ? limiter(name).reward(key, 1) : null)),
    );
  }
  return wait;
}

/** Like takePoints, but throws TOO_MANY_REQUESTS (429 with Retry-After) past a limit. */
export async function consumeRateLimit(checks: Array<[limit: LimitName, key: string | null]>, what?: string): Promise<void> {
  const wait = await takePoints(checks);
  if (wait > 0) throw tooManyRequests(wait, what);
}

/** Gives a point back (an attempt that turned out fine). */
export async function givePoint(name: LimitName, key: string | null): Promise<void> {
  if (key) await limiter(name).reward(key, 1);
}

/** Forgets a key's count (e.g. an account's failed sign-ins after a successful one). */
export async function resetLimit(name: LimitName, key: string): Promise<void> {
  await limiter(name).delete(key);
}
