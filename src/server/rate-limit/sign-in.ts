import { givePoint, resetLimit, takePoints } from "./index";
import { LIMITS } from "./limits";
import { limiter } from "./store";

// Sign-in throttling per account and per client address. An attempt takes its points BEFORE the password is
// checked (one atomic statement per key), so 25 parallel guesses run at most 5 password checks; a correct
// password then gives the points back. Past the limit: 429 until the window ends, never a permanent lockout.

export type SignInKeys = { email: string; ip: string | null };

const accountKey = (email: string) => email.trim().toLowerCase();

/** Seconds to wait, or 0 when the attempt may check the password (it then counts as a failure until told otherwise). */
export function reserveSignInAttempt({ email, ip }: SignInKeys): Promise<number> {
  return takePoints([
    ["signInPerAccount", accountKey(email)],
    ["signInPerAddress", ip],
  ]);
}

/** The password was right: the account's failures are forgotten, the address's attempt is given back. */
export async function signInSucceeded({ email, ip }: SignInKeys): Promise<void> {
  await Promise.all([resetLimit("signInPerAccount", accountKey(email)), givePoint("signInPerAddress", ip)]);
}

/** A new password (reset link) clears the account's failed attempts. */
export function clearSignInFailures(email: string): Promise<void> {
  return resetLimit("signInPerAccount", accountKey(email));
}

/** Seconds until another attempt is allowed, without taking a point (0 when allowed now). */
export async function signInRetryAfter({ email, ip }: SignInKeys): Promise<number> {
  const checks: Array<[keyof typeof LIMITS, string]> = [["signInPerAccount", accountKey(email)]];
  if (ip) checks.push(["signInPerAddress", ip]);
  let wait = 0;
  for (const [name, key] of checks) {
    const state = await limiter(name).get(key);
    if (state && state.consumedPoints >= LIMITS[name].points) wait = Math.max(wait, Math.ceil(state.msBeforeNext / 1000));
  }
  return wait;
}
