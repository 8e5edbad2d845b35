import { beforeAll, describe, expect, it } from "vitest";
import { addDays, studioInstant, studioToday, weekdayOf } from "~/server/time-zone";
import { errorCode } from "../../helpers/caller";
import { piecesByLineAndStep, planNow, planningWorld, wideRange } from "./fixtures";

/**
 * The studio-local day `weekday` (0 = Sunday) of the week after the one `skipDays` days from today (never
 * today itself): target times are wall-clock times on the studio's days, so the working hours are the same
 * whatever day, season or machine zone the suite runs in.
 */
function nextWeekday(zone: string, weekday: number, skipDays: number): string {
  const from = addDays(studioToday(zone), skipDays);
  return addDays(from, (weekday - weekdayOf(from) + 7) % 7 || 7);
}

describe("batch edits on the board", () => {
  let world: Awaited<ReturnType<typeof planningWorld>>;
  const board = () => world.caller.planning.currentPlan({ studioId: world.studio.id, ...wideRange() });
  beforeAll(async () => {
    world = await planningWorld({ size6: 6, size9: 4 });
    await planNow(world.caller, world.studio.id);
  });

  it("moves a batch inside working hours, locks it, and refuses stale versions and times outside hours", async () => {
    const { studio, caller, db } = world;
    // A batch planned within one working day (planned late in the day, one may run on the next morning).
    const batch = (await board()).batches.find((b) => b.endAt.getTime() - b.startAt.getTime() <= 6 * 3_600_000)!;
    // Tuesday after next, 10:00 on the studio's clock: inside the default 9-17 hours in every season and at
    // any time of day the test runs (the planned batch itself may span an evening and a morning).
    const { timeZone: zone } = await db.studio.findUniqueOrThrow({ where: { id: studio.id } });
    const tuesday = nextWeekday(zone, 2, 7);
    const target = studioInstant(zone, tuesday, "10:00");
    const moved = await caller.planning.moveBatch({ studioId: studio.id, batchId: batch.id, expectedVersion: batch.version, startAt: target });
    expect(moved.locked).toBe(true);
    const row = await db.batch.findUniqueOrThrow({ where: { id: batch.id } });
    expect(row.startAt).toEqual(target);
    expect(row.endAt.getTime() - row.startAt.getTime()).toBe(batch.endAt.getTime() - batch.startAt.getTime());
    expect(await errorCode(caller.planning.moveBatch({ studioId: studio.id, batchId: batch.id, expectedVersion: batch.version, startAt: target }))).toBe("CONFLICT");

    const night = studioInstant(zone, tuesday, "02:00");
    expect(await errorCode(caller.planning.moveBatch({ studioId: studio.id, batchId: batch.id, expectedVersion: row.version, startAt: night }))).toBe("BAD_REQUEST");
    await caller.planning.setBatchLocked({ studioId: studio.id, batchId: batch.id, expectedVersion: row.version, locked: false });
    expect((await db.batch.findUniqueOrThrow({ where: { id: batch.id } })).locked).toBe(false);
  });

  it("keeps a batch's working time when it moves: one running into the next morning moves as its working hours", async () => {
    const { studio, caller, db } = world;
    const batch = (await board()).batches.find((b) => !b.locked)!;
    // Make it run Monday 16:00 to Tuesday 10:00 on the studio's clock, three weeks ahead: two working hours.
    const { timeZone: zone } = await db.studio.findUniqueOrThrow({ where: { id: studio.id } });
    const monday = nextWeekday(zone, 1, 14);
    await db.batch.update({ where: { id: batch.id }, data: { startAt: studioInstant(zone, monday, "16:00"), endAt: studioInstant(zone, addDays(monday, 1), "10:00") } });
    // Moved to Wednesday 09:00, it ends at 11:00; at 16:30 it works 30 minutes, then 90 on Thursday: 10:30.
    const wednesday = addDays(monday, 2);
    const wednesday9 = studioInstant(zone, wednesday, "09:00");
    const moved = await caller.planning.moveBatch({ studioId: studio.id, batchId: batch.id, expectedVersion: batch.version, startAt: wednesday9 });
    const row = await db.batch.findUniqueOrThrow({ where: { id: batch.id } });
    expect(row.endAt).toEqual(studioInstant(zone, wednesday, "11:00"));
    const late = studioInstant(zone, wednesday, "16:30");
    await caller.planning.moveBatch({ studioId: studio.id, batchId: batch.id, expectedVersion: row.version, startAt: late });
    expect((await db.batch.findUniqueOrThrow({ where: { id: batch.id } })).endAt).toEqual(studioInstant(zone, addDays(wednesday, 1), "10:30"));
    expect(moved.locked).toBe(true);
  });

  it("splits a batch by pieces and merges it back, keeping every piece traceable", async () => {
    const { studio, caller, db } = world;
    const before = await piecesByLineAndStep(studio.id);
    const batch = (await board()).batches.find((b) => b.stepName === "Solder join")!;
    expect(batch.pieces).toBe(10);
    const { newBatchId } = await caller.planning.splitBatch({ studioId: studio.id, batchId: batch.id, expectedVersion: batch.version, pieces: 3 });
    const [kept, split] = await Promise.all([
      db.batch.findUniqueOrThrow({ where: { id: batch.id }, include: { items: true } }),
      db.batch.findUniqueOrThrow({ where: { id: newBatchId }, include: { items: true } }),
    ]);
    expect([kept.pieces, split.pieces]).toEqual([7, 3]);
    expect(kept.items.reduce((s, i) => s + i.pieces, 0)).toBe(7);
    expect(split.items.reduce((s, i) => s + i.pieces, 0)).toBe(3);
    expect(split.startAt).toEqual(kept.endAt);
    expect(await piecesByLineAndStep(studio.id)).toEqual(before);

    expect(await errorCode(caller.planning.splitBatch({ studioId: studio.id, batchId: batch.id, expectedVersion: kept.version, pieces: 7 }))).toBe("BAD_REQUEST");
    expect(
      await errorCode(caller.planning.mergeBatches({ studioId: studio.id, batchId: batch.id, expectedVersion: kept.version - 1, otherBatchId: newBatchId, otherExpectedVersion: split.version })),
    ).toBe("CONFLICT");
    await caller.planning.mergeBatches({ studioId: studio.id, batchId: batch.id, expectedVersion: kept.version, otherBatchId: newBatchId, otherExpectedVersion: split.version });
    expect(await db.batch.count({ where: { id: newBatchId } })).toBe(0);
    expect((await db.batch.findUniqueOrThrow({ where: { id: batch.id } })).pieces).toBe(10);
    expect(await piecesByLineAndStep(studio.id)).toEqual(before);

    const tumble = (await board()).batches.find((b) => b.stepName === "Tumble")!;
    const merged = await db.batch.findUniqueOrThrow({ where: { id: batch.id } });
    expect(
      await errorCode(caller.planning.mergeBatches({ studioId: studio.id, batchId: batch.id, expectedVersion: merged.version, otherBatchId: tumble.id, otherExpectedVersion: tumble.version })),
    ).toBe("BAD_REQUEST");
  });

  it("computes the cut list for the first step: BOM × pieces per material, with shortage", async () => {
    const { studio, caller } = world;
    const list = await caller.planning.cutList({ studioId: studio.id, ...wideRange() });
    // Size 6: 2 g each × 6, Size 9: 3 g each × 4 = 24 g of the fixture's 18ga wire (100 g on hand).
    expect(list.materials).toHaveLength(1);
    expect(list.materials[0]).toMatchObject({ alloy: "925", gauge: "18", unit: "GRAM", requiredMilli: 24_000, onHandMilli: 100_000, shortageMilli: 0 });
    // Per piece: 4 pieces take 3 g each, 6 pieces 2 g each.
    expect(list.materials[0]!.cuts).toEqual([{ quantityMilli: 3_000, pieces: 4 }, { quantityMilli: 2_000, pieces: 6 }]);
    expect(list.designs.map((d) => [d.variant, d.pieces])).toEqual([
      ["Size 6", 6],
      ["Size 9", 4],
    ]);
    const big = await planningWorld({ size6: 20, size9: 30 });
    await planNow(big.caller, big.studio.id);
    const bigList = await big.caller.planning.cutList({ studioId: big.studio.id, ...wideRange() });
    // 20 × 2 g + 30 × 3 g = 130 g needed, 100 g on hand -> 30 g short.
    expect(bigList.materials[0]).toMatchObject({ requiredMilli: 130_000, shortageMilli: 30_000 });

    const batch = (await board()).batches.find((b) => b.stepName === "Solder join")!;
    const sheet = await caller.planning.batchSheet({ studioId: studio.id, batchId: batch.id });
    expect(sheet.batch.items.reduce((s, i) => s + i.pieces, 0)).toBe(10);
    expect(sheet.routings[0]!.steps.map((s) => s.name)).toEqual(["Solder join", "Tumble"]);
    expect(sheet.materials[0]!.requiredMilli).toBe(24_000);
  });
});
