import { assertWithinLimit } from "~/server/billing/plan-limits";
import type { StudioContext } from "~/server/trpc/procedures";

/**
 * Locks the studio row for the rest of the request's transaction. Every team mutation takes it first,
 * so seat counts, the one-owner rule and duplicate checks are decided one request at a time per studio.
 */
export async function lockStudio(ctx: StudioContext): Promise<void> {
  await ctx.db.$queryRaw`SELECT "id" FROM "Studio" WHERE "id" = ${ctx.studio.id} FOR UPDATE`;
}

/** One more seat (members plus pending invitations, the billing page's rule), or FORBIDDEN / PAYMENT_REQUIRED. */
export async function assertSeatAvailable(ctx: StudioContext, options: { exceptInvitationId?: string } = {}) {
  await assertWithinLimit(ctx, "seats", options);
}
