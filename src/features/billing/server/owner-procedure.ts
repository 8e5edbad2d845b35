import { TRPCError } from "@trpc/server";
import { can, type Permission } from "~/server/authz/permissions";
import { billingStudioInput } from "./schemas";
import { hasSession, requireStudioMember, type StudioContext } from "~/server/trpc/procedures";

/** The studio context without the tenant transaction. */
export type BillingOwnerContext = Omit<StudioContext, "db">;

/**
 * For the billing mutations that call Stripe. The same membership check as studioScope (non-members get
 * NOT_FOUND, other roles FORBIDDEN: "billing:manage" is owner-only), but without the request-wide tenant
 * transaction: no Stripe call may run inside a database transaction. The procedures open short
 * withTenant() transactions before and after their Stripe calls instead.
 */
const BILLING_PERMISSION: Permission = "billing:manage";

export const billingOwnerProcedure = hasSession
  .meta({ permission: BILLING_PERMISSION })
  .input(billingStudioInput)
  .use(async ({ ctx, input, next, path }) => {
    const { user, membership } = await requireStudioMember(ctx.session, input.studioId, path);
    if (!can(membership.role, BILLING_PERMISSION)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Only the studio's owner can manage billing." });
    }
    return next({
      ctx: { user, studio: membership.studio, role: membership.role, membershipId: membership.id } satisfies BillingOwnerContext,
    });
  });
