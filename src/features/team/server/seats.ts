import { TRPCError } from "@trpc/server";
import { seatLimit } from "~/server/billing/limits";
import type { StudioContext } from "~/server/trpc/procedures";

/**
 * Locks the studio row for the rest of the request's transaction. Every team mutation takes it first,
 * so seat counts, the one-owner rule and duplicate checks are decided one request at a time per studio.
 */
export async function lockStudio(ctx: StudioContext): Promise<void> {
  await ctx.db.$queryRaw`SELECT "id" FROM "Studio" WHERE "id" = ${ctx.studio.id} FOR UPDATE`;
}

/** Members plus pending, unexpired invitations (optionally not counting one invitation). */
export async function seatsUsed(ctx: StudioContext, options: { exceptInvitationId?: string } = {}): Promise<number> {
  const members = await ctx.db.membership.count({ where: { studioId: ctx.studio.id } });
  const invites = await ctx.db.invitation.count({
      where: {
      studioId: ctx.studio.id,
        acceptedAt: null,
        expiresAt: { gt: new Date() },
        ...(options.exceptInvitationId ? { id: { not: options.exceptInvitationId } } : {}),
      },
  });
  return members + invites;
}

/** Call with the studio locked (lockStudio), or two concurrent invites could both take the last seat. */
export async function assertSeatAvailable(ctx: StudioContext, options: { exceptInvitationId?: string } = {}) {
  const limit = await seatLimit(ctx.studio.id);
  const used = await seatsUsed(ctx, options);
  if (used >= limit) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: `Your plan allows ${limit} people, counting pending invitations. Remove someone, revoke an invitation or upgrade the plan on the Billing page.`,
    });
  }
}
