import type { PrismaClient } from "~/generated/prisma/client";
import { verifyPassword } from "./password";
import { signInInput } from "./schemas";
import { clearAccountFailures, recordSignInFailure, signInRetryAfter } from "./throttle";

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

  const retryAfterSeconds = await signInRetryAfter(db, { email, ip });
  if (retryAfterSeconds > 0) return { ok: false, reason: "throttled", retryAfterSeconds };

  const user = await db.user.findUnique({ where: { email } });
  const valid = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !valid) {
    await recordSignInFailure(db, { email, ip });
    return { ok: false, reason: "invalid" };
  }
  await clearAccountFailures(db, email);
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion },
  };
}
