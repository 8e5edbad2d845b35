import { TRPCError } from "@trpc/server";
import type { PrismaClient } from "~/generated/prisma/client";
import { appUrl, passwordResetMail, sendMail } from "~/server/mail";
import { logger } from "~/server/logger";
import { hashPassword } from "./password";
import { consumeRateLimit } from "~/server/rate-limit";
import { clearSignInFailures } from "~/server/rate-limit/sign-in";
import { consumeAccountToken, issueAccountToken } from "./tokens";
import type { RequestPasswordResetInput, ResetPasswordInput } from "./schemas";

/**
 * Always answers the same way, whether or not the address has an account (no account discovery).
 * The mail goes out after the response so the timing does not tell either.
 */
export async function requestPasswordReset(db: PrismaClient, input: RequestPasswordResetInput, ip: string | null) {
  const { email } = input;
  await consumeRateLimit(
    [
      ["resetPerEmail", email],
      ["resetPerAddress", ip],
    ],
    "Too many reset requests",
  );
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true } });
  if (user) {
    const token = await issueAccountToken(db, user.id, "PASSWORD_RESET");
    void sendMail(user.email, passwordResetMail({ name: user.name, link: appUrl(`/reset-password/${token}`) }), "password_reset").catch(
      () => {},
    );
    logger.info("auth.password_reset_requested", { userId: user.id });
  }
  return { ok: true };
}

/**
 * A valid reset link sets the new password, ends every session (sessionVersion), clears the sign-in
 * throttle of the account, voids its other reset links, and proves the address (emailVerifiedAt).
 */
export async function resetPassword(db: PrismaClient, input: ResetPasswordInput) {
  const { token, password } = input;
  const passwordHash = await hashPassword(password);
  const email = await db.$transaction(async (tx) => {
    const userId = await consumeAccountToken(tx, token, "PASSWORD_RESET");
    if (!userId) {
      throw new TRPCError({ code: "NOT_FOUND", message: "This reset link is invalid, expired or already used. Ask for a new one." });
    }
    const user = await tx.user.update({
      where: { id: userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { email: true, emailVerifiedAt: true },
    });
    if (!user.emailVerifiedAt) await tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() } });
    await tx.accountToken.updateMany({
      where: { userId, purpose: "PASSWORD_RESET", usedAt: null },
      data: { usedAt: new Date() },
    });
    logger.info("auth.password_reset", { userId });
    return user.email;
  });
  await clearSignInFailures(email);
  return { ok: true, email };
}
