import { z } from "zod";
import { studioIdInput } from "~/lib/inputs";
import { PLAN_KEYS } from "~/server/billing/plans";

/** Billing runs outside studioProcedure (see owner-procedure.ts): it names its studio itself. */
export const billingStudioInput = studioIdInput;
export const checkoutInput = billingStudioInput.extend({ plan: z.enum(PLAN_KEYS) });

// Services take (ctx, input) with these types.
export type BillingStudioInput = z.infer<typeof billingStudioInput>;
export type CheckoutInput = z.infer<typeof checkoutInput>;
