import { readableDesignWhere } from "~/features/catalog/server/access";
import { byStudio } from "~/server/db";
import type { StudioContext } from "~/server/trpc/procedures";

/** Which "Getting started" steps the studio has done: each is a cheap existence check. */
export async function setupProgress(ctx: StudioContext) {
  const studioId = ctx.studio.id;
  const exists = async (count: Promise<number>) => (await count) > 0;
  return {
    stations: await exists(ctx.db.station.count({ where: byStudio(studioId, { archivedAt: null }), take: 1 })),
    designs: await exists(ctx.db.design.count({ where: { archivedAt: null, ...readableDesignWhere(studioId) }, take: 1 })),
    orders: await exists(ctx.db.order.count({ where: byStudio(studioId), take: 1 })),
    plan: await exists(ctx.db.plan.count({ where: byStudio(studioId), take: 1 })),
    team: await exists(ctx.db.membership.count({ where: byStudio(studioId, { role: { not: "OWNER" as const } }), take: 1 })),
  };
}
