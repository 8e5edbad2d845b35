import { router } from "~/server/trpc/init";
import { permittedProcedure } from "~/server/trpc/procedures";
import { dashboardInput } from "./schemas";
import { dueLines, hoursSaved, lowStock, onTimeDelivery } from "./delivery";
import { labourPerDesign, scrapPerStep, throughputPerDay, wipPerStep } from "./production";
import { studioRange } from "./range";

// Owner and admin only ("dashboard:read"). Two procedures so the bench figures and the delivery figures
// load (and fail) independently on the page.
const dashboard = permittedProcedure("dashboard:read").input(dashboardInput);

export const dashboardRouter = router({
  production: dashboard.query(async ({ ctx, input }) => {
    const range = studioRange(input, ctx.studio.timeZone);
    return {
      range,
      wip: await wipPerStep(ctx),
      throughput: await throughputPerDay(ctx, range),
      scrap: await scrapPerStep(ctx, range),
      labour: await labourPerDesign(ctx, range),
    };
  }),
  delivery: dashboard.query(async ({ ctx, input }) => {
    const range = studioRange(input, ctx.studio.timeZone);
    return {
      range,
      onTime: await onTimeDelivery(ctx, range),
      ...(await dueLines(ctx)),
      lowStock: await lowStock(ctx),
      hoursSaved: await hoursSaved(ctx),
    };
  }),
});
