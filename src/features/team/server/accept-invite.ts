import { TRPCError } from "@trpc/server";
import { hashToken, isWellFormedToken } from "~/features/auth/server/tokens";
import type { PrismaClient } from "~/generated/prisma/client";
import { logger } from "~/server/logger";
import type { AcceptInviteInput } from "./schemas";

// Accepting is account-level: the invitee is not a member yet, so the invitation is found by its token
// through the owner connection. Decision: the signed-in account's email must equal the invited address
// (case-insensitive; emails are stored lowercased). A forwarded link cannot add somebody else, and
// accepting proves the address, so it also marks the account's email as verified.

export type InvitationView =
  | { status: "invalid" }
  | { status: "expired" | "valid"; email: string; role: "OWNER" | "ADMIN" | "ASSISTANT"; studioName: string; inviterName: string | null };

/** For the /invite/[token] page: what the link is, without using it. */
export async function viewInvitation(db: PrismaClient, token: string): Promise<InvitationView> {
  if (!isWellFormedToken(token)) return { status: "invalid" };
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { email: true, role: true, expiresAt: true, acceptedAt: true, studio: { select: { name: true } }, invitedBy: { select: { name: true } } },
  });
  if (!invitation || invitation.acceptedAt) return { status: "invalid" };
  return {
    status: invitation.expiresAt.getTime() <= Date.now() ? "expired" : "valid",
    email: invitation.email,
    role: invitation.role,
    studioName: invitation.studio.name,
    inviterName: invitation.invitedBy?.name ?? null,
  };
}

const INVALID = "This invitation link is not valid or has already been used.";

export async function acceptInvite(db: PrismaClient, user: { id: string; email: string }, input: AcceptInviteInput) {
  const { token } = input;
  if (!isWellFormedToken(token)) throw new TRPCError({ code: "NOT_FOUND", message: INVALID });
  const tokenHash = hashToken(token);
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({
      where: { tokenHash },
      select: { id: true, studioId: true, email: true, role: true, expiresAt: true, acceptedAt: true, studio: { select: { slug: true, name: true } } },
    });
    if (!invitation || invitation.acceptedAt) throw new TRPCError({ code: "NOT_FOUND", message: INVALID });
    if (invitation.expiresAt.getTime() <= Date.now()) {
      throw new TRPCError({ code: "BAD_REQUEST", message: "This invitation has expired. Ask the studio for a new one." });
    }
    if (invitation.email.toLowerCase() !== user.email.toLowerCase()) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `This invitation is for ${invitation.email}. Sign in with that address to accept it.`,
      });
    }
    const now = new Date();
    // Single use: exactly one request can flip acceptedAt while the link is unused and unexpired.
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, tokenHash, acceptedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now, acceptedById: user.id },
    });
    if (count !== 1) throw new TRPCError({ code: "NOT_FOUND", message: INVALID });

    const existing = await tx.membership.findUnique({
      where: { studioId_userId: { studioId: invitation.studioId, userId: user.id } },
      select: { role: true },
    });
    if (!existing) await tx.membership.create({ data: { studioId: invitation.studioId, userId: user.id, role: invitation.role } });
    await tx.user.updateMany({ where: { id: user.id, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
    logger.info("team.invite_accepted", { studioId: invitation.studioId, invitationId: invitation.id, userId: user.id });
    return { studio: invitation.studio, role: existing?.role ?? invitation.role, alreadyMember: Boolean(existing) };
  });
}
