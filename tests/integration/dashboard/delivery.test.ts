import { describe, expect, it } from "vitest";
import { systemDb } from "~/server/db";
import { callerFor } from "../../helpers/caller";
import { benchWorld } from "../bench/fixtures";

const range = { from: "2026-11-01", to: "2026-11-03" };

/** Marks a line's order DONE (closing the line) at a fixed time: the order's updatedAt is its completion time. */
async function completeAt(lineId: string, at: string, dueDate: string) {
  const db = systemDb();
  const line = await db.orderLine.update({ where: { id: lineId }, data: { status: "DONE", dueDate: new Date(dueDate) } });
  await db.$executeRaw`UPDATE "Order" SET "status" = 'DONE', "updatedAt" = ${new Date(at)} WHERE "id" = ${line.orderId}`;
}

describe("dashboard.delivery", () => {
  it("computes on-time delivery, late and upcoming lines, low stock and hours saved", async () => {
    const w = await benchWorld();
    const db = systemDb();
    const sid = w.studio.id;
    // Completed in the range: on time (done Nov 2 10:00 UTC, due Nov 2 23:59 UTC) and late (done Nov 3, due Nov 1).
    await completeAt((await w.line(2)).id, "2026-11-02T10:00:00Z", "2026-11-02T23:59:00Z");
    await completeAt((await w.line(2)).id, "2026-11-03T10:00:00Z", "2026-11-01T23:59:00Z");
    // Completed before the range: not counted.
    await completeAt((await w.line(2)).id, "2026-10-15T10:00:00Z", "2026-10-20T23:59:00Z");

    const late = await w.line(5, { dueInDays: -2 });
    const soon = await w.line(3, { dueInDays: 3 });
    const sooner = await w.line(1, { dueInDays: 1 });
    await w.line(4, { dueInDays: 20 }); // beyond the 14 days
    const cancelled = await w.line(6, { dueInDays: -1 });
    await db.orderLine.update({ where: { id: cancelled.id }, data: { status: "CANCELLED" } });

    // The fixture's wire: 100 g on hand, reorder at 50 g (fine). Two more: one at its reorder point, one archived.
    const low = await db.material.create({ data: { studioId: sid, name: "Jump rings 5mm", category: "FINDING", unit: "PIECE", onHandMilli: 10_000, reorderPointMilli: 10_000 } });
    await db.material.create({ data: { studioId: sid, name: "Old solder", category: "METAL", unit: "GRAM", onHandMilli: 0, reorderPointMilli: 5_000, archivedAt: new Date() } });

    await db.plan.update({
      where: { studioId: sid },
      data: { figures: { planned: { setupHours: 4.25, setups: 5 }, naive: { setupHours: 12.5, setups: 14 } } },
    });

    const result = await callerFor(w.owner).dashboard.delivery({ studioId: sid, ...range });
    expect(result.onTime).toEqual({ completed: 2, onTime: 1, rate: 0.5 });
    expect(result.late.map((line) => line.id)).toEqual([late.id]);
    expect(result.lateCount).toBe(1);
    expect(result.late[0]).toMatchObject({ daysLate: 2, quantity: 5, designName: "Stacking ring", customerName: "Bench test" });
    expect(result.upcoming.map((line) => line.id)).toEqual([sooner.id, soon.id]);
    expect(result.lowStock).toEqual([{ id: low.id, name: "Jump rings 5mm", unit: "PIECE", onHandMilli: 10_000, reorderPointMilli: 10_000 }]);
    expect(result.hoursSaved).toMatchObject({ naiveSetupHours: 12.5, plannedSetupHours: 4.25, savedHours: 8.25 });
  });

  it("has no rate without completed lines and no savings without a naive plan", async () => {
    const w = await benchWorld();
    const result = await callerFor(w.owner).dashboard.delivery({ studioId: w.studio.id, ...range });
    expect(result.onTime).toEqual({ completed: 0, onTime: 0, rate: null });
    expect([result.late, result.upcoming, result.lowStock, result.hoursSaved]).toEqual([[], [], [], null]);
  });
});
