import { TRPCError } from "@trpc/server";
import type { PrismaClient } from "~/generated/prisma/client";
import { appUrl, sendMail, verificationMail } from "~/server/mail";
import { logger } from "~/server/logger";
import { consumeRateLimit } from "~/server/rate-limit";
import { consumeAccountToken, issueAccountToken } from "./tokens";
import type { VerifyEmailInput } from "./schemas";

// Unverified accounts can sign in and work in studios they belong to, but cannot invite anyone
// (team.invite / team.resendInvite): mail sent in Benchflow's name goes only from proven addresses.

export async function sendVerificationMail(db: PrismaClient, user: { id: string; email: string; name: string }) {
  const token = await issueAccountToken(db, user.id, "EMAIL_VERIFICATION");
  await sendMail(user.email, verificationMail({ name: user.name, link: appUrl(`/verify-email/${token}`) }), "verify_email");
}

/** After sign-up: a failed mail never fails the sign-up (the banner offers to resend). */
export async function sendVerificationMailQuietly(db: PrismaClient, user: { id: string; email: string; name: string }) {
  await sendVerificationMail(db, user).catch((error: Error) =>
    logger.warn("auth.verification_mail_failed", { userId: user.id, error: error.message }),
  );
}

export async function resendVerification(db: PrismaClient, caller: { id: string }) {
  const user = await db.user.findUniqueOrThrow({ where: { id: caller.id }, select: { id: true, email: true, name: true, emailVerifiedAt: true } });
  if (user.emailVerifiedAt) return { alreadyVerified: true };
  await consumeRateLimit([["verificationMailsPerUser", user.id]], "Too many verification emails");
  await sendVerificationMail(db, user);
  return { alreadyVerified: false };
}

export async function verifyEmail(db: PrismaClient, input: VerifyEmailInput) {
  return db.$transaction(async (tx) => {
    const userId = await consumeAccountToken(tx, input.token, "EMAIL_VERIFICATION");
    if (!userId) {
      throw new TRPCError({ code: "NOT_FOUND", message: "This confirmation link is invalid, expired or already used." });
    }
    await tx.user.updateMany({ where: { id: userId, emailVerifiedAt: null }, data: { emailVerifiedAt: new Date() } });
    logger.info("auth.email_verified", { userId });
    return { ok: true };
  });
}
