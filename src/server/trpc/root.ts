import "server-only";
import { accountRouter } from "~/features/account/server/router";
import { authRouter } from "~/features/auth/server/router";
import { benchRouter } from "~/features/bench/server/router";
import { billingRouter } from "~/features/billing/server/router";
import { dashboardRouter } from "~/features/dashboard/server/router";
import { catalogRouter } from "~/features/catalog/server/router";
import { materialsRouter } from "~/features/materials/server/router";
import { stationsRouter } from "~/features/stations/server/router";
import { studioRouter } from "~/features/studios/server/router";
import { teamRouter } from "~/features/team/server/router";
import { orderRouter } from "~/features/orders/server/router";
import { planningRouter } from "~/features/planning/server/router";
import { createCallerFactory, router } from "./init";

export const appRouter = router({
  auth: authRouter,
  account: accountRouter,
  team: teamRouter,
  studio: studioRouter,
  stations: stationsRouter,
  materials: materialsRouter,
  catalog: catalogRouter,
  order: orderRouter,
  planning: planningRouter,
  bench: benchRouter,
  billing: billingRouter,
  dashboard: dashboardRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);

/**
 * Procedures that are not built on studioProcedure, each with its reason. The tenancy meta-test fails
 * for any other procedure that is not studio-scoped.
 */
export const NON_TENANT_PROCEDURES: Record<string, string> = {
  "auth.signUp": "creates an account; no studio yet",
  "auth.me": "the caller's own account",
  "auth.signOutEverywhere": "the caller's own account",
  "auth.requestPasswordReset": "no session: mails a reset link to an account's address",
  "auth.resetPassword": "no session: the single-use link from the reset mail",
  "auth.verifyEmail": "no session needed: the single-use link from the verification mail",
  "auth.resendVerification": "the caller's own account",
  "account.get": "the caller's own account",
  "account.updateName": "the caller's own account",
  "account.changePassword": "the caller's own account",
  "team.acceptInvite": "the invitee is not a member yet; the invitation is found by its token and must match the account's email",
  "studio.create": "creates a new tenant and its owner membership",
  "studio.listMine": "the caller's own memberships, for the studio switcher",
  "billing.createCheckoutSession":
    "calls Stripe, which must not happen inside the tenant transaction: billingOwnerProcedure checks membership and billing:manage itself, then uses short withTenant() transactions (isolation cases in cases/billing.ts)",
  "billing.createPortalSession": "calls Stripe outside any transaction, like billing.createCheckoutSession",
};
