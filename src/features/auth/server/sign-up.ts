import type { PrismaClient } from "~/generated/prisma/client";
import { logger } from "~/server/logger";
import { accountExistsMail, appUrl, sendMail } from "~/server/mail";
import { sendVerificationMailQuietly } from "./email-verification";
import { hashPassword } from "./password";
import { hashToken, isWellFormedToken } from "./tokens";
import type { SignUpInput } from "./schemas";
import { isUniqueViolation } from "~/server/errors";
import { consumeRateLimit } from "~/server/rate-limit";

/** True when `token` is a live invitation (unused, unexpired) sent to `email`: reading it proves the address. */
export async function invitedAddress(db: PrismaClient, token: string | undefined, email: string): Promise<boolean> {
  if (!token || !isWellFormedToken(token)) return false;
  const invitation = await db.invitation.findUnique({ where: { tokenHash: hashToken(token) }, select: { email: true, acceptedAt: true, expiresAt: true } });
  return Boolean(invitation && !invitation.acceptedAt && invitation.expiresAt.getTime() > Date.now() && invitation.email.toLowerCase() === email.toLowerCase());
}

/** The one answer to every valid sign-up: whether the address already had an account is never said. */
export type SignUpAnswer = { ok: true };

/**
 * Creates the account, or, when the address already has one, changes nothing and tells its owner by mail.
 * Either way the caller gets the same answer after the same work (the password is hashed in both cases) and
 * the mail goes out after the answer, so neither the response nor its timing reveals existing accounts.
 */
export async function signUp(db: PrismaClient, input: SignUpInput, ip: string | null): Promise<SignUpAnswer> {
  await consumeRateLimit([["signUpPerAddress", ip]], "Too many sign-ups");
  const passwordHash = await hashPassword(input.password);
  // From an invitation link mailed to this address: that already proved it, so no confirmation mail.
  const invited = await invitedAddress(db, input.inviteToken, input.email);
  try {
    const user = await db.user.create({
      data: { email: input.email, name: input.name, passwordHash, ...(invited ? { emailVerifiedAt: new Date() } : {}) },
      select: { id: true, email: true },
    });
    logger.info("auth.sign_up", { userId: user.id, invited });
    if (!invited) void sendVerificationMailQuietly(db, { ...user, name: input.name });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    void tellExistingAccount(db, input.email);
  }
  return { ok: true };
}

async function tellExistingAccount(db: PrismaClient, email: string): Promise<void> {
  try {
    const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true } });
    if (!user) return;
    logger.info("auth.sign_up_existing", { userId: user.id });
    const mail = accountExistsMail({ name: user.name, signInLink: appUrl("/signin"), resetLink: appUrl("/forgot-password") });
    await sendMail(email, mail, "account_exists");
  } catch (error) {
    logger.warn("auth.account_exists_mail_failed", { error: (error as Error).message });
  }
}
