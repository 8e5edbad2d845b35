import { router } from "~/server/trpc/init";
import { permittedProcedure } from "~/server/trpc/procedures";
import { billingOwnerProcedure } from "./owner-procedure";
import { billingOverview } from "./overview";
import { checkoutInput } from "./schemas";
import { createCheckoutSession, createPortalSession } from "./stripe-sessions";

export const billingRouter = router({
  overview: permittedProcedure("billing:manage").query(({ ctx }) => billingOverview(ctx)),
  // Outside the tenant transaction on purpose (Stripe calls): see owner-procedure.ts.
  createCheckoutSession: billingOwnerProcedure
    .input(checkoutInput)
    .mutation(({ ctx, input }) => createCheckoutSession(ctx, input)),
  createPortalSession: billingOwnerProcedure.mutation(({ ctx }) => createPortalSession(ctx)),
});
