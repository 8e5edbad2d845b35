import { TRPCError } from "@trpc/server";
import { newToken, TOKEN_LIFETIMES_MS } from "~/features/auth/server/tokens";
import type { StudioRole } from "~/server/authz/permissions";
import { notFound } from "~/server/errors";
import { logger } from "~/server/logger";
import { appUrl, invitationMail, sendMail } from "~/server/mail";
import { consumeRateLimit } from "~/server/rate-limit";
import type { StudioContext } from "~/server/trpc/procedures";
import type { InvitationIdInput, InviteInput } from "./schemas";
import { assertSeatAvailable, lockStudio } from "./seats";

export async function listInvites(ctx: StudioContext) {
  const rows = await ctx.db.invitation.findMany({
    where: { studioId: ctx.studio.id, acceptedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, email: true, role: true, expiresAt: true, sentCount: true, lastSentAt: true, invitedBy: { select: { name: true } } },
  });
  const now = Date.now();
  return rows.map(({ invitedBy, ...row }) => ({ ...row, invitedByName: invitedBy?.name ?? null, expired: row.expiresAt.getTime() <= now }));
}

/** Inviting sends mail in Benchflow's name: only from confirmed addresses, and at a bounded rate. */
async function assertMayInvite(ctx: StudioContext) {
  const me = await ctx.db.user.findUnique({ where: { id: ctx.user.id }, select: { emailVerifiedAt: true } });
  if (!me?.emailVerifiedAt) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Confirm your email address before inviting people." });
  }
  await consumeRateLimit([["invitesPerUser", ctx.user.id]], "Too many invitations");
}

/**
 * Mails the link inside the request's transaction: if delivery fails the invitation is rolled back, so
 * no invitation exists that nobody received.
 */
async function mailInvitation(ctx: StudioContext, to: string, role: StudioRole, token: string) {
  try {
    await sendMail(
      to,
      invitationMail({ studioName: ctx.studio.name, inviterName: ctx.user.name, role, link: appUrl(`/invite/${token}`) }),
      "invitation",
    );
  } catch {
    throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "The invitation email could not be sent. Please try again." });
  }
}

export async function invite(ctx: StudioContext, input: InviteInput) {
  await assertMayInvite(ctx);
  await lockStudio(ctx);
  const member = await ctx.db.membership.findFirst({ where: { studioId: ctx.studio.id, user: { email: input.email } }, select: { id: true } });
  if (member) throw new TRPCError({ code: "CONFLICT", message: `${input.email} is already a member of this studio.` });
  const pending = await ctx.db.invitation.findFirst({
    where: { studioId: ctx.studio.id, email: input.email, acceptedAt: null },
    select: { id: true },
  });
  if (pending) {
    throw new TRPCError({ code: "CONFLICT", message: `${input.email} already has an invitation. Resend it from the list instead.` });
  }
  await assertSeatAvailable(ctx);

  const { token, tokenHash } = newToken();
  const invitation = await ctx.db.invitation.create({
    data: {
      studioId: ctx.studio.id,
      email: input.email,
      role: input.role,
      tokenHash,
      expiresAt: new Date(Date.now() + TOKEN_LIFETIMES_MS.INVITATION),
      invitedById: ctx.user.id,
    },
    select: { id: true, email: true, role: true, expiresAt: true },
  });
  await mailInvitation(ctx, input.email, input.role, token);
  logger.info("team.invited", { studioId: ctx.studio.id, invitationId: invitation.id, by: ctx.user.id, role: input.role });
  return invitation;
}

/** A fresh link and expiry; the previous link stops working. */
export async function resendInvite(ctx: StudioContext, input: InvitationIdInput) {
  const existing = await ctx.db.invitation.findFirst({
    where: { id: input.invitationId, studioId: ctx.studio.id, acceptedAt: null },
    select: { id: true, email: true, role: true, expiresAt: true },
  });
  if (!existing) throw notFound("Invitation");
  await assertMayInvite(ctx);
  await lockStudio(ctx);
  // An expired invitation held no seat; giving it a new life needs one.
  if (existing.expiresAt.getTime() <= Date.now()) await assertSeatAvailable(ctx, { exceptInvitationId: existing.id });

  const { token, tokenHash } = newToken();
  const now = new Date();
  const { count } = await ctx.db.invitation.updateMany({
    where: { id: existing.id, studioId: ctx.studio.id, acceptedAt: null },
    data: { tokenHash, expiresAt: new Date(now.getTime() + TOKEN_LIFETIMES_MS.INVITATION), sentCount: { increment: 1 }, lastSentAt: now },
  });
  if (count === 0) throw notFound("Invitation");
  await mailInvitation(ctx, existing.email, existing.role, token);
  logger.info("team.invite_resent", { studioId: ctx.studio.id, invitationId: existing.id, by: ctx.user.id });
  return { id: existing.id, ok: true };
}

export async function revokeInvite(ctx: StudioContext, input: InvitationIdInput) {
  const { count } = await ctx.db.invitation.deleteMany({
    where: { id: input.invitationId, studioId: ctx.studio.id, acceptedAt: null },
  });
  if (count === 0) throw notFound("Invitation");
  logger.info("team.invite_revoked", { studioId: ctx.studio.id, invitationId: input.invitationId, by: ctx.user.id });
  return { ok: true };
}
