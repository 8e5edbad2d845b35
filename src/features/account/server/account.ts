import { TRPCError } from "@trpc/server";
import { hashPassword, verifyPassword } from "~/features/auth/server/password";
import type { PrismaClient } from "~/generated/prisma/client";
import { logger } from "~/server/logger";
import { tooManyRequests } from "~/server/rate-limit";
import { reserveSignInAttempt, signInSucceeded } from "~/server/rate-limit/sign-in";
import type { ChangePasswordInput, UpdateNameInput } from "./schemas";

export async function getAccount(db: PrismaClient, user: { id: string }) {
  return db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { id: true, name: true, email: true, emailVerifiedAt: true, createdAt: true },
  });
}

export async function updateName(db: PrismaClient, user: { id: string }, input: UpdateNameInput) {
  await db.user.update({ where: { id: user.id }, data: { name: input.name }, select: { id: true } });
  return getAccount(db, user);
}

/**
 * Needs the current password (wrong guesses count toward the sign-in throttle, so a stolen session
 * cannot be used to guess it). A new password ends every session of the account, this one included
 * (sessionVersion): the page signs straight back in with the new password.
 */
export async function changePassword(
  db: PrismaClient,
  user: { id: string; email: string },
  input: ChangePasswordInput,
  ip: string | null,
) {
  const wait = await reserveSignInAttempt({ email: user.email, ip });
  if (wait > 0) throw tooManyRequests(wait, "Too many wrong passwords");
  const current = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(current.passwordHash, input.currentPassword))) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Your current password is not correct." });
  }
  if (input.currentPassword === input.newPassword) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Choose a password different from the current one." });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
  await signInSucceeded({ email: user.email, ip });
  logger.info("auth.password_changed", { userId: user.id });
  return { ok: true };
}
