import { describe, expect, it } from "vitest";
import { DEMO_LOGIN, DEMO_STUDIO_SLUG, seedDemo } from "~/server/demo/seed-demo";
import { systemDb } from "~/server/db";

describe("demo studio seed", () => {
  it("creates a working demo studio with designs, orders and a plan, once", async () => {
    expect(await seedDemo(systemDb())).toEqual({ created: true });
    const studio = await systemDb().studio.findUniqueOrThrow({ where: { slug: DEMO_STUDIO_SLUG } });
    expect(await systemDb().design.count({ where: { studioId: studio.id } })).toBe(3);
    expect(await systemDb().order.count({ where: { studioId: studio.id } })).toBe(3);
    const run = await systemDb().planRun.findFirstOrThrow({ where: { studioId: studio.id } });
    expect(run.status).toBe("SUCCEEDED");
    const batches = await systemDb().batch.findMany({ where: { studioId: studio.id }, include: { items: true } });
    expect(batches.length).toBeGreaterThan(0);
    // Cross-design batching: at least one batch holds pieces of several order lines.
    expect(batches.some((batch) => new Set(batch.items.map((item) => item.orderLineId)).size > 1)).toBe(true);

    expect(await seedDemo(systemDb())).toEqual({ created: false });
    expect(await systemDb().user.count({ where: { email: DEMO_LOGIN.email } })).toBe(1);
  }, 60_000);
});
