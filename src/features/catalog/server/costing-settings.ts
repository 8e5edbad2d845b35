import type { StudioContext } from "~/server/trpc/procedures";
import type { CostingInput } from "./schemas";

// The studio's costing settings: the labour rate and the batch size setup time is spread over. Versions
// published from then on are costed with them (publish.ts).

export async function updateCosting(ctx: StudioContext, input: CostingInput) {
  await ctx.db.studio.updateMany({
    where: { id: ctx.studio.id },
    data: { labourRateCents: input.labourRateCents, costingBatchSize: input.costingBatchSize },
  });
  return getCosting(ctx);
}

export function getCosting(ctx: StudioContext) {
  return ctx.db.studio.findFirstOrThrow({
    where: { id: ctx.studio.id },
    select: { labourRateCents: true, costingBatchSize: true },
  });
}
