import { TRPCError } from "@trpc/server";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { hashPassword } from "./password";
import { hashToken, isWellFormedToken } from "./tokens";
import type { SignUpInput } from "./schemas";

/** True when `token` is a live invitation (unused, unexpired) sent to `email`: reading it proves the address. */
export async function invitedAddress(db: PrismaClient, token: string | undefined, email: string): Promise<boolean> {
  if (!token || !isWellFormedToken(token)) return false;
  const invitation = await db.invitation.findUnique({ where: { tokenHash: hashToken(token) }, select: { email: true, acceptedAt: true, expiresAt: true } });
  return Boolean(invitation && !invitation.acceptedAt && invitation.expiresAt.getTime() > Date.now() && invitation.email.toLowerCase() === email.toLowerCase());
}

export async function signUp(db: PrismaClient, input: SignUpInput, options: { emailVerified?: boolean } = {}): Promise<{ id: string; email: string; emailVerifiedAt: Date | null }> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { email: input.email, name: input.name, passwordHash, ...(options.emailVerified ? { emailVerifiedAt: new Date() } : {}) },
      select: { id: true, email: true, emailVerifiedAt: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new TRPCError({ code: "CONFLICT", message: "An account with this email already exists. Sign in instead." });
    }
    throw error;
  }
}
