import { z } from "zod";
import { PLAN_KEYS } from "~/server/billing/plans";

/** Billing runs outside studioProcedure (see owner-procedure.ts): it names its studio itself. */
export const billingStudioInput = z.object({ studioId: z.string().min(1) });
export const checkoutInput = billingStudioInput.extend({ plan: z.enum(PLAN_KEYS) });

// Services take (ctx, input) with these types.
export type BillingStudioInput = z.infer<typeof billingStudioInput>;
export type CheckoutInput = z.infer<typeof checkoutInput>;
