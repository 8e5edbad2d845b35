import { systemDb } from "~/server/db";
import type { IsolationCase } from "../cases";

const subscriptionRow = (studioId: string) => () => systemDb().studioSubscription.findUnique({ where: { studioId } });

// billing:manage is owner-only. The two Stripe-calling mutations are not built on studioProcedure (no Stripe
// call inside the tenant transaction) but enforce the same rules, which these cases prove.
export const billingCases: Record<string, IsolationCase> = {
  "billing.overview": {
    arrange: async ({ a }) => ({ input: { studioId: a.studio.id }, recordInput: false, snapshot: subscriptionRow(a.studio.id) }),
    call: (caller, input) => caller.billing.overview(input),
  },
  "billing.createCheckoutSession": {
    arrange: async ({ a }) => ({ input: { studioId: a.studio.id, plan: "WORKSHOP" }, recordInput: false, snapshot: subscriptionRow(a.studio.id) }),
    call: (caller, input) => caller.billing.createCheckoutSession(input),
  },
  "billing.createPortalSession": {
    arrange: async ({ a }) => ({ input: { studioId: a.studio.id }, recordInput: false, snapshot: subscriptionRow(a.studio.id) }),
    call: (caller, input) => caller.billing.createPortalSession(input),
  },
};
