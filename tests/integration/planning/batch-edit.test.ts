import { describe, expect, it } from "vitest";
import { addMember } from "../../helpers/factories";
import { errorCode } from "../../helpers/caller";
import { NOW, paris, piecesByLineAndStep, planNow, planningWorld, wideRange } from "./fixtures";

// Board edits keep working time, machine runs and precedence (issue 13 item 2, issue 14 item 3). The plan
// (at NOW, Monday 08:30 Paris; one person; hours 09–17): Solder join 10 pcs 09:00–09:58, then three Tumble
// loads of 3, 3 and 4 pieces on the one tumbler, each 5 min setup + 0.5 min/pc load, a 120 min run and a
// 5 min unload.

const MIN = 60_000;

async function world() {
  const w = await planningWorld({ size6: 6, size9: 4 });
  const helper = await addMember(w.studio.id, "ADMIN");
  await planNow(w.caller, w.studio.id);
  const board = async () => (await w.caller.planning.currentPlan({ studioId: w.studio.id, ...wideRange() })).batches;
  const row = (id: string) => w.db.batch.findUniqueOrThrow({ where: { id }, include: { items: true } });
  return { ...w, helper, board, row, s: { studioId: w.studio.id } };
}

describe("moving a batch", () => {
  it("keeps its working time, pins it, refuses stale versions and times outside working hours", async () => {
    const w = await world();
    const solder = (await w.board()).find((b) => b.stepName === "Solder join")!;
    expect(solder.workMinutes).toBe(58);
    const target = paris(1, "10:00");
    const moved = await w.caller.planning.moveBatch({ ...w.s, batchId: solder.id, expectedVersion: solder.version, startAt: target });
    expect(moved.locked).toBe(true);
    const row = await w.row(solder.id);
    expect([row.startAt, row.endAt]).toEqual([target, paris(1, "10:58")]);
    expect(row).toMatchObject({ locked: true, pinReason: "MOVED", pinnedById: w.owner.id });
    expect(await errorCode(w.caller.planning.moveBatch({ ...w.s, batchId: solder.id, expectedVersion: solder.version, startAt: target }))).toBe("CONFLICT");
    expect(await errorCode(w.caller.planning.moveBatch({ ...w.s, batchId: solder.id, expectedVersion: row.version, startAt: paris(1, "18:00") }))).toBe("BAD_REQUEST");
    // Started at 16:30 it runs on the next morning for its last 28 working minutes.
    await w.caller.planning.moveBatch({ ...w.s, batchId: solder.id, expectedVersion: row.version, startAt: paris(2, "16:30") });
    expect((await w.row(solder.id)).endAt).toEqual(paris(3, "09:28"));
  });

  it("moves the later steps along: the tumble loads follow the solder batch, unpinned, each after its pieces", async () => {
    const w = await world();
    const before = await w.board();
    const solder = before.find((b) => b.stepName === "Solder join")!;
    const moved = await w.caller.planning.moveBatch({ ...w.s, batchId: solder.id, expectedVersion: solder.version, startAt: paris(1, "10:00") });
    const tumbles = (await w.board()).filter((b) => b.stepName === "Tumble").sort((a, b) => a.startAt.getTime() - b.startAt.getTime());
    expect(moved.moved.sort()).toEqual(tumbles.map((t) => t.id).sort());
    expect(tumbles[0]!.startAt).toEqual(paris(1, "10:58"));
    for (const t of tumbles) expect(t.locked).toBe(false);
    // Each load keeps its machine run: 120 minutes, between loading and unloading.
    for (const t of tumbles) {
      const r = await w.row(t.id);
      expect(r.runEndAt!.getTime() - r.runStartAt!.getTime()).toBe(120 * MIN);
      expect(r.unloadAt!.getTime()).toBeGreaterThanOrEqual(r.runEndAt!.getTime());
    }
    // The board's figures follow the edit, next to the planner's own.
    const plan = (await w.caller.planning.currentPlan({ ...w.s, ...wideRange() })).plan!;
    expect(plan.figures!.edited?.atRun.makespanMinutes).toBeLessThan(plan.figures!.planned.makespanMinutes);
  });

  it("refuses a step that would start before its pieces finish the step before, and a move that would push a pinned batch", async () => {
    const w = await world();
    const batches = await w.board();
    const solder = batches.find((b) => b.stepName === "Solder join")!;
    const [first, , last] = batches.filter((b) => b.stepName === "Tumble").sort((a, b) => a.startAt.getTime() - b.startAt.getTime());
    // On another person's hands, at 09:30: the solder batch only ends at 09:58.
    const early = w.caller.planning.moveBatch({ ...w.s, batchId: first!.id, expectedVersion: first!.version, startAt: paris(0, "09:30"), personId: w.helper.id });
    await expect(early).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("cannot start before its pieces finish Solder join (Mon 4 Mar, 09:58)") });

    await w.caller.planning.setBatchLocked({ ...w.s, batchId: last!.id, expectedVersion: last!.version, locked: true });
    const push = w.caller.planning.moveBatch({ ...w.s, batchId: solder.id, expectedVersion: solder.version, startAt: paris(1, "10:00") });
    await expect(push).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("pinned") });
    expect((await w.row(solder.id)).startAt).toEqual(solder.startAt);
  });
});

describe("moving onto someone else", () => {
  it("follows that person's own hours and stations", async () => {
    const w = await world();
    const solder = (await w.board()).find((b) => b.stepName === "Solder join")!;
    const membership = await w.db.membership.findFirstOrThrow({ where: { studioId: w.studio.id, userId: w.helper.id } });
    // The helper works mornings only, and only at the tumbler.
    await w.caller.team.updateAvailability({
      ...w.s, membershipId: membership.id, expectedVersion: membership.version,
      workingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "08:00", end: "12:00" })),
      skills: { limited: true, stationIds: [w.catalog.tumbler.id] },
    });
    const move = (startAt: Date, expectedVersion = solder.version) => w.caller.planning.moveBatch({ ...w.s, batchId: solder.id, expectedVersion, startAt, personId: w.helper.id });
    await expect(move(paris(1, "08:00"))).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("does not work at") });
    await w.caller.team.updateAvailability({
      ...w.s, membershipId: membership.id, expectedVersion: membership.version + 1,
      workingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "08:00", end: "12:00" })),
      skills: { limited: false, stationIds: [] },
    });
    // 08:00 is before the studio's hours but inside the helper's; the 58 minutes at 11:30 run on to 08:28 the next day.
    await move(paris(1, "08:00"));
    let row = await w.row(solder.id);
    expect([row.startAt, row.endAt, row.personId]).toEqual([paris(1, "08:00"), paris(1, "08:58"), w.helper.id]);
    await move(paris(2, "11:30"), row.version);
    row = await w.row(solder.id);
    expect(row.endAt).toEqual(paris(3, "08:28"));
    await expect(move(paris(2, "14:00"), row.version)).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("splitting, merging and resizing", () => {
  it("split and merge keep the machine run and every piece; a merge beyond the load limit is refused", async () => {
    const w = await world();
    const before = await piecesByLineAndStep(w.studio.id);
    const tumbles = (await w.board()).filter((b) => b.stepName === "Tumble").sort((a, b) => a.startAt.getTime() - b.startAt.getTime());
    const four = tumbles.find((t) => t.pieces === 4)!;
    const { newBatchId } = await w.caller.planning.splitBatch({ ...w.s, batchId: four.id, expectedVersion: four.version, pieces: 2 });
    const [kept, split] = [await w.row(four.id), await w.row(newBatchId)];
    for (const part of [kept, split]) {
      expect(part.pieces).toBe(2);
      // Load: 5 min setup + 2 × 0.5 min = 6 working minutes, then the full 120-minute run, then a 5-minute unload.
      expect(part.workMinutes).toBe(11);
      expect(part.runStartAt!.getTime() - part.startAt.getTime()).toBe(6 * MIN);
      expect(part.runEndAt!.getTime() - part.runStartAt!.getTime()).toBe(120 * MIN);
      expect(part.endAt.getTime() - part.unloadAt!.getTime()).toBe(5 * MIN);
      expect(part).toMatchObject({ locked: true, pinReason: "SPLIT" });
    }
    expect(split.startAt.getTime()).toBeGreaterThanOrEqual(kept.endAt.getTime());
    expect(await piecesByLineAndStep(w.studio.id)).toEqual(before);

    await w.caller.planning.mergeBatches({ ...w.s, batchId: four.id, expectedVersion: kept.version, otherBatchId: newBatchId, otherExpectedVersion: split.version });
    const merged = await w.row(four.id);
    expect(merged).toMatchObject({ pieces: 4, workMinutes: 12, pinReason: "MERGED" });
    expect(merged.runEndAt!.getTime() - merged.runStartAt!.getTime()).toBe(120 * MIN);
    expect(await w.db.batch.count({ where: { id: newBatchId } })).toBe(0);
    expect(await piecesByLineAndStep(w.studio.id)).toEqual(before);

    const three = tumbles.find((t) => t.pieces === 3)!;
    const tooMany = w.caller.planning.mergeBatches({ ...w.s, batchId: four.id, expectedVersion: merged.version, otherBatchId: three.id, otherExpectedVersion: three.version });
    await expect(tooMany).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("at most 5") });
    const solder = (await w.board()).find((b) => b.stepName === "Solder join")!;
    expect(await errorCode(w.caller.planning.mergeBatches({ ...w.s, batchId: four.id, expectedVersion: merged.version, otherBatchId: solder.id, otherExpectedVersion: solder.version }))).toBe("BAD_REQUEST");
  });

  it("resizing a batch keeps its start, pushes the later work it runs into, and pins it", async () => {
    const w = await world();
    const solder = (await w.board()).find((b) => b.stepName === "Solder join")!;
    const result = await w.caller.planning.resizeBatch({ ...w.s, batchId: solder.id, expectedVersion: solder.version, minutes: 120 });
    expect(result.endAt).toEqual(paris(0, "11:00"));
    expect(result.moved).toHaveLength(3);
    const first = (await w.board()).filter((b) => b.stepName === "Tumble").sort((a, b) => a.startAt.getTime() - b.startAt.getTime())[0]!;
    expect(first.startAt).toEqual(paris(0, "11:00"));
    expect((await w.row(solder.id)).pinReason).toBe("RESIZED");
    expect(await errorCode(w.caller.planning.resizeBatch({ ...w.s, batchId: solder.id, expectedVersion: 0, minutes: 5 }))).toBe("CONFLICT");
  });
});

describe("pins and re-planning", () => {
  it("a re-plan keeps only the pinned batches, uses the hours that opened up, and keeps the figures comparable; unpin all frees them", async () => {
    const w = await world();
    const first = (await w.caller.planning.currentPlan({ ...w.s, ...wideRange() })).plan!.figures!;
    // Pin the solder batch one day later: the tumble loads follow it.
    const solder = (await w.board()).find((b) => b.stepName === "Solder join")!;
    await w.caller.planning.moveBatch({ ...w.s, batchId: solder.id, expectedVersion: solder.version, startAt: paris(1, "10:00") });
    await planNow(w.caller, w.studio.id);
    const replanned = await w.board();
    expect(replanned.filter((b) => b.locked).map((b) => b.id)).toEqual([solder.id]);
    // The unpinned tumble loads are planned again right after the pinned solder batch, not where the move had pushed them.
    const tumbles = replanned.filter((b) => b.stepName === "Tumble");
    expect(Math.min(...tumbles.map((t) => t.startAt.getTime()))).toBe(paris(1, "10:58").getTime());
    const pinnedFigures = (await w.caller.planning.currentPlan({ ...w.s, ...wideRange() })).plan!.figures!;
    expect(pinnedFigures.naive).toEqual(first.naive);
    expect(pinnedFigures.savings!.setupHours).toBe(first.savings!.setupHours);

    // Open Saturday too (re-planning from Friday evening): everything not pinned moves into it.
    expect((await w.caller.planning.unpinAll(w.s)).unpinned).toBe(1);
    expect(await w.db.batch.count({ where: { studioId: w.studio.id, locked: true } })).toBe(0);
    const studio = await w.caller.studio.get(w.s);
    await w.caller.studio.update({ ...w.s, expectedVersion: studio.version, name: studio.name, timeZone: studio.timeZone, workingHours: [...studio.workingHours, { weekday: 6, start: "09:00", end: "13:00" }] });
    await planNow(w.caller, w.studio.id, paris(4, "17:30"));
    const saturday = await w.board();
    expect(saturday.find((b) => b.stepName === "Solder join")!.startAt).toEqual(paris(5, "09:00"));
    expect(NOW.getUTCDay()).toBe(1);
  });
});
