import { describe, expect, it } from "vitest";
import { runNextPlanJob } from "~/features/planning/server/plan-job";
import { seedScale } from "~/server/demo/scale/seed-scale";
import { systemDb } from "~/server/db";
import { callerFor } from "../../helpers/caller";

// `npm run seed:demo` at a small scale on the real test database: the generated history must be one the
// bench could have written, the dashboard must read it back exactly, and the planner must still work.

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe("demo data at scale", () => {
  it("seeds studios whose bench history adds up, reads back on the dashboard, and still plans", async () => {
    const db = systemDb();
    const seeded = await seedScale(db, { studios: 2, scale: 0.3, seed: 5, databaseUrl: process.env.DATABASE_URL! });
    expect(seeded.map((s) => s.created)).toEqual([true, true]);
    const [first, second] = seeded;
    for (const studio of seeded) {
      expect(studio.events).toBeGreaterThan(3_000 * 0.5);
      expect(studio.events).toBeLessThan(3_000 * 1.5);
    }
    const studioId = first!.studioId;
    const subscription = await db.studioSubscription.findUniqueOrThrow({ where: { studioId } });
    expect([subscription.plan, subscription.status]).toEqual(["WORKSHOP", "active"]);
    expect(await db.membership.count({ where: { studioId } })).toBeGreaterThanOrEqual(3);
    expect(await db.design.count({ where: { studioId } })).toBeGreaterThan(3);

    // Every finished batch's reports add up to its work, and its work to its items' progress.
    const mismatched = await db.$queryRaw<Array<{ batchId: string }>>`
      SELECT w."batchId" FROM "BatchWork" w
        LEFT JOIN (SELECT "batchId", SUM("piecesDone") AS done, SUM("piecesScrapped") AS scrapped FROM "BenchEvent"
                    WHERE "studioId" = ${studioId} AND "kind" = 'REPORT' GROUP BY "batchId") e ON e."batchId" = w."batchId"
        LEFT JOIN (SELECT "batchId", SUM("piecesDone") AS done, SUM("piecesScrapped") AS scrapped, SUM("pieces") AS pieces FROM "BatchItemProgress"
                    WHERE "studioId" = ${studioId} GROUP BY "batchId") p ON p."batchId" = w."batchId"
       WHERE w."studioId" = ${studioId}
         AND (e.done IS DISTINCT FROM w."piecesDone" OR e.scrapped IS DISTINCT FROM w."piecesScrapped"
              OR p.done IS DISTINCT FROM w."piecesDone" OR p.scrapped IS DISTINCT FROM w."piecesScrapped" OR p.pieces IS DISTINCT FROM w."pieces")`;
    expect(mismatched).toEqual([]);

    // The dashboard over the whole history equals sums straight from this studio's events and orders.
    const owner = await db.user.findUniqueOrThrow({ where: { email: first!.ownerEmail } });
    const range = { studioId, from: day(-365), to: day(0) };
    const production = await callerFor(owner).dashboard.production(range);
    const reports = await db.benchEvent.aggregate({ where: { studioId, kind: "REPORT" }, _sum: { piecesDone: true, piecesScrapped: true } });
    expect(production.throughput.reduce((sum, d) => sum + d.piecesDone, 0)).toBe(reports._sum.piecesDone);
    expect(production.scrap.reduce((sum, s) => sum + s.piecesScrapped, 0)).toBe(reports._sum.piecesScrapped);
    expect(production.labour.length).toBeGreaterThan(3);
    for (const design of production.labour) expect(design.actualMinutes / design.standardMinutes).toBeGreaterThan(0.5);
    const delivery = await callerFor(owner).dashboard.delivery(range);
    const historyLines = await db.orderLine.count({ where: { studioId, status: "DONE" } });
    expect(delivery.onTime.completed).toBe(historyLines);
    expect(delivery.onTime.rate).toBeGreaterThan(0.7);

    // The planner plans the current orders after the history and leaves the history alone.
    const doneBefore = await db.batch.count({ where: { studioId, status: "DONE" } });
    await callerFor(owner).planning.requestPlan({ studioId });
    expect((await runNextPlanJob({ studioId }))?.status).toBe("SUCCEEDED");
    expect(await db.batch.count({ where: { studioId, status: "DONE" } })).toBe(doneBefore);
    expect(await db.batch.count({ where: { studioId, status: "PLANNED" } })).toBeGreaterThan(0);
    // Orders the history left in production: each unfinished line's next steps are in the new plan.
    const unplanned = await db.$queryRaw<Array<{ id: string }>>`
      SELECT ol."id" FROM "OrderLine" ol
        JOIN "Order" o ON o."id" = ol."orderId" AND o."status" = 'IN_PRODUCTION'
       WHERE ol."studioId" = ${studioId} AND ol."status" = 'OPEN'
         AND (SELECT COUNT(*) FROM "BatchItem" bi JOIN "Batch" b ON b."id" = bi."batchId" AND b."status" = 'DONE' WHERE bi."orderLineId" = ol."id")
             < (SELECT COUNT(*) FROM "RoutingStep" rs WHERE rs."designVersionId" = ol."designVersionId")
         AND NOT EXISTS (SELECT 1 FROM "BatchItem" bi JOIN "Batch" b ON b."id" = bi."batchId" AND b."status" = 'PLANNED' WHERE bi."orderLineId" = ol."id")`;
    expect(await db.order.count({ where: { studioId, status: "IN_PRODUCTION" } })).toBeGreaterThan(0);
    expect(unplanned).toEqual([]);

    // Seeding again keeps what is there.
    const again = await seedScale(db, { studios: 1, scale: 0.3, databaseUrl: process.env.DATABASE_URL! });
    expect(again[0]).toMatchObject({ studioId, created: false });
    expect(second!.studioId).not.toBe(studioId);
  }, 180_000);
});
