import { beforeAll, describe, expect, it } from "vitest";
import { errorCode } from "../../helpers/caller";
import { piecesByLineAndStep, planNow, planningWorld, wideRange } from "./fixtures";

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
    // Tuesday after next, 09:00 UTC (10:00 Paris in winter, 11:00 in summer): inside the default 9-17 hours
    // whatever time of day the test runs (the planned batch itself may span an evening and a morning).
    const target = new Date();
    target.setUTCHours(9, 0, 0, 0);
    target.setUTCDate(target.getUTCDate() + 7 + ((2 - target.getUTCDay() + 7) % 7 || 7));
    const moved = await caller.planning.moveBatch({ studioId: studio.id, batchId: batch.id, expectedVersion: batch.version, startAt: target });
    expect(moved.locked).toBe(true);
    const row = await db.batch.findUniqueOrThrow({ where: { id: batch.id } });
    expect(row.startAt).toEqual(target);
    expect(row.endAt.getTime() - row.startAt.getTime()).toBe(batch.endAt.getTime() - batch.startAt.getTime());
    expect(await errorCode(caller.planning.moveBatch({ studioId: studio.id, batchId: batch.id, expectedVersion: batch.version, startAt: target }))).toBe("CONFLICT");

    const night = new Date(target);
    night.setUTCHours(1, 0, 0, 0);
    expect(await errorCode(caller.planning.moveBatch({ studioId: studio.id, batchId: batch.id, expectedVersion: row.version, startAt: night }))).toBe("BAD_REQUEST");
    await caller.planning.setBatchLocked({ studioId: studio.id, batchId: batch.id, expectedVersion: row.version, locked: false });
    expect((await db.batch.findUniqueOrThrow({ where: { id: batch.id } })).locked).toBe(false);
  });

  it("keeps a batch's working time when it moves: one running into the next morning moves as its working hours", async () => {
    const { studio, caller, db } = world;
    const batch = (await board()).batches.find((b) => !b.locked)!;
    // Make it run Monday 16:00 to Tuesday 10:00 Paris, three weeks ahead: two working hours.
    const monday = new Date();
    monday.setUTCHours(15, 0, 0, 0);
    monday.setUTCDate(monday.getUTCDate() + 14 + ((1 - monday.getUTCDay() + 7) % 7 || 7));
    const tuesday10 = new Date(monday.getTime() + 18 * 3_600_000);
    await db.batch.update({ where: { id: batch.id }, data: { startAt: monday, endAt: tuesday10 } });
    // Moved to Wednesday 09:00 Paris (08:00 UTC in winter), it ends at 11:00; at 16:30 it runs on to Thursday 09:30.
    const wednesday9 = new Date(monday.getTime() + 41 * 3_600_000);
    const moved = await caller.planning.moveBatch({ studioId: studio.id, batchId: batch.id, expectedVersion: batch.version, startAt: wednesday9 });
    const row = await db.batch.findUniqueOrThrow({ where: { id: batch.id } });
    expect(row.endAt.getTime() - row.startAt.getTime()).toBe(2 * 3_600_000);
    const late = new Date(wednesday9.getTime() + 7.5 * 3_600_000);
    await caller.planning.moveBatch({ studioId: studio.id, batchId: batch.id, expectedVersion: row.version, startAt: late });
    expect((await db.batch.findUniqueOrThrow({ where: { id: batch.id } })).endAt).toEqual(new Date(late.getTime() + 18 * 3_600_000));
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
