import { authRouter } from "~/features/auth/server/router";
import { catalogRouter, designRouter, materialRouter, stationRouter } from "~/features/catalog/server/router";
import { studioRouter } from "~/features/studios/server/router";
import { createCallerFactory, router } from "./init";

export const appRouter = router({
  auth: authRouter,
  studio: studioRouter,
  station: stationRouter,
  material: materialRouter,
  catalog: catalogRouter,
  design: designRouter,
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
  "studio.create": "creates a new tenant and its owner membership",
  "studio.listMine": "the caller's own memberships, for the studio switcher",
};
