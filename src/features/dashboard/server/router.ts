import { router } from "~/server/trpc/init";
import { permittedProcedure } from "~/server/trpc/procedures";
import { dashboardInput } from "./schemas";
import { deliveryFigures } from "./delivery";
import { productionFigures } from "./production";

// Owner and admin only ("dashboard:read"). Two procedures so the bench figures and the delivery figures
// load (and fail) independently on the page.
const dashboard = permittedProcedure("dashboard:read").input(dashboardInput);

export const dashboardRouter = router({
  production: dashboard.query(({ ctx, input }) => productionFigures(ctx, input)),
  delivery: dashboard.query(({ ctx, input }) => deliveryFigures(ctx, input)),
});
