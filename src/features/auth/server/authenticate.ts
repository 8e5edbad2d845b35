import type { PrismaClient } from "~/generated/prisma/client";
import { reserveSignInAttempt, signInSucceeded } from "~/server/rate-limit/sign-in";
import { verifyPassword } from "./password";
import { signInInput } from "./schemas";

export type AuthenticatedUser = { id: string; email: string; name: string; sessionVersion: number };

export type AuthenticateResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export async function authenticate(
  db: PrismaClient,
  credentials: { email: unknown; password: unknown },
  ip: string | null,
): Promise<AuthenticateResult> {
  const parsed = signInInput.safeParse(credentials);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  // The attempt counts before the password is checked: parallel guesses cannot all slip under the limit.
  const retryAfterSeconds = await reserveSignInAttempt({ email, ip });
  if (retryAfterSeconds > 0) return { ok: false, reason: "throttled", retryAfterSeconds };

  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, sessionVersion: true, passwordHash: true } });
  const valid = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !valid) return { ok: false, reason: "invalid" };
  await signInSucceeded({ email, ip });
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion },
  };
}
