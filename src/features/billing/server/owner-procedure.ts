import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { can, type Permission, type StudioRole } from "~/server/authz/permissions";
import { systemDb } from "~/server/db";
import { logger } from "~/server/logger";
import { protectedProcedure } from "~/server/trpc/procedures";

export type BillingOwnerContext = {
  user: { id: string; email: string; name: string };
  studio: { id: string; name: string; slug: string };
  role: StudioRole;
};

/**
 * For the billing mutations that call Stripe. Same membership check as studioScope (non-members get
 * NOT_FOUND, other roles FORBIDDEN: "billing:manage" is owner-only), but without the request-wide tenant
 * transaction: no Stripe call may run inside a database transaction. The procedures open short
 * withTenant() transactions before and after their Stripe calls instead.
 */
const BILLING_PERMISSION: Permission = "billing:manage";

export const billingOwnerProcedure = protectedProcedure
  .meta({ permission: BILLING_PERMISSION })
  .input(z.object({ studioId: z.string().min(1) }))
  .use(async ({ ctx, input, next, path }) => {
    const membership = await systemDb().membership.findUnique({
      where: { studioId_userId: { studioId: input.studioId, userId: ctx.user.id } },
      select: { role: true, studio: { select: { id: true, name: true, slug: true } } },
    });
    if (!membership) {
      logger.warn("tenant.denied", { path, userId: ctx.user.id, studioId: input.studioId });
      throw new TRPCError({ code: "NOT_FOUND", message: "Studio not found." });
    }
    if (!can(membership.role, BILLING_PERMISSION)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Only the studio's owner can manage billing." });
    }
    return next({ ctx: { studio: membership.studio, role: membership.role } });
  });
