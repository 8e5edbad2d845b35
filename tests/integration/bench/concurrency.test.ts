import { describe, expect, it } from "vitest";
import { callerFor, errorCode } from "../../helpers/caller";
import { addMember } from "../../helpers/factories";
import { benchWorld, race } from "./fixtures";

describe("bench concurrency (real PostgreSQL)", () => {
  it("50 racing claims (10 members): exactly one wins, 49 answer CONFLICT naming the winner", async () => {
    const w = await benchWorld();
    const b = await w.batch(0, [{ line: await w.line(5), pieces: 5 }]);
    const users = await Promise.all(Array.from({ length: 10 }, () => addMember(w.studio.id, "ASSISTANT")));
    const results = await race(Array.from({ length: 50 }, (_, i) => users[i % 10]!).map((user) => () => callerFor(user).bench.claim({ studioId: w.studio.id, batchId: b.id })));
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost.map((r) => r.reason.code)).toEqual(Array(49).fill("CONFLICT"));
    const work = await w.db.batchWork.findFirstOrThrow({ where: { batchId: b.id } });
    const winner = users.find((u) => u.id === work.claimedById)!;
    const others = lost.map((r) => r.reason.message as string);
    expect(others).toContain(`Already claimed by ${winner.name}.`);
    expect(new Set(others)).toEqual(new Set([`Already claimed by ${winner.name}.`, "You already claimed this batch."]));
    expect(await w.db.benchEvent.count({ where: { batchId: b.id, kind: "CLAIM" } })).toBe(1);
    expect((await w.db.batch.findUniqueOrThrow({ where: { id: b.id } })).status).toBe("STARTED");
  });

  it("50 racing 1-piece reports on a 50-piece batch: totals exactly 50, 50 audit rows", async () => {
    const w = await benchWorld();
    const [l1, l2] = [await w.line(20, { dueInDays: 9 }), await w.line(30, { dueInDays: 3 })];
    const b = await w.batch(0, [{ line: l1, pieces: 20 }, { line: l2, pieces: 30 }]);
    await callerFor(w.assistant).bench.claim({ studioId: w.studio.id, batchId: b.id });
    const reporters = [w.assistant, w.helper];
    const results = await race(
      Array.from({ length: 50 }, (_, i) => () => callerFor(reporters[i % 2]!).bench.report({ studioId: w.studio.id, batchId: b.id, piecesDone: 1, piecesScrapped: 0 })),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const work = await w.db.batchWork.findFirstOrThrow({ where: { batchId: b.id } });
    expect([work.piecesDone, work.piecesScrapped]).toEqual([50, 0]);
    const items = await w.db.batchItemProgress.findMany({ where: { batchId: b.id } });
    expect(items.map((i) => i.piecesDone).sort()).toEqual([20, 30]);
    expect(await w.db.benchEvent.count({ where: { batchId: b.id, kind: "REPORT" } })).toBe(50);
  });

  it("60 racing reports on 50 pieces: exactly 50 succeed, 10 are refused, nothing over", async () => {
    const w = await benchWorld();
    const b = await w.batch(0, [{ line: await w.line(50), pieces: 50 }]);
    await callerFor(w.assistant).bench.claim({ studioId: w.studio.id, batchId: b.id });
    const results = await race(
      Array.from({ length: 60 }, (_, i) => () =>
        callerFor(w.assistant).bench.report({ studioId: w.studio.id, batchId: b.id, piecesDone: i % 3 === 0 ? 0 : 1, piecesScrapped: i % 3 === 0 ? 1 : 0, scrapReason: "Porosity" }),
      ),
    );
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(results.length - rejected.length).toBe(50);
    expect(rejected.map((r) => r.reason.code)).toEqual(Array(10).fill("BAD_REQUEST"));
    const work = await w.db.batchWork.findFirstOrThrow({ where: { batchId: b.id } });
    expect(work.piecesDone + work.piecesScrapped).toBe(50);
    const item = await w.db.batchItemProgress.findFirstOrThrow({ where: { batchId: b.id } });
    expect(item.piecesDone + item.piecesScrapped).toBe(50);
    expect(await w.db.benchEvent.count({ where: { batchId: b.id, kind: "REPORT" } })).toBe(50);
  });

  it("a report over the batch size is refused with a clear message and writes nothing", async () => {
    const w = await benchWorld();
    const b = await w.batch(0, [{ line: await w.line(10), pieces: 10 }]);
    const caller = callerFor(w.assistant);
    await caller.bench.claim({ studioId: w.studio.id, batchId: b.id });
    await caller.bench.report({ studioId: w.studio.id, batchId: b.id, piecesDone: 6, piecesScrapped: 0 });
    await expect(
      caller.bench.report({ studioId: w.studio.id, batchId: b.id, piecesDone: 3, piecesScrapped: 2, scrapReason: "Cracked" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Only 4 of 10 pieces are left") });
    const work = await w.db.batchWork.findFirstOrThrow({ where: { batchId: b.id } });
    expect([work.piecesDone, work.piecesScrapped]).toEqual([6, 0]);
    expect(await w.db.benchEvent.count({ where: { batchId: b.id, kind: "REPORT" } })).toBe(1);
  });

  it("the database itself refuses counts over the batch size or below zero, whatever code writes them", async () => {
    const w = await benchWorld();
    const b = await w.batch(0, [{ line: await w.line(10), pieces: 10 }]);
    const caller = callerFor(w.assistant);
    await caller.bench.claim({ studioId: w.studio.id, batchId: b.id });
    await caller.bench.report({ studioId: w.studio.id, batchId: b.id, piecesDone: 6, piecesScrapped: 0 });
    // Plain UPDATEs with no bound of their own in the WHERE clause: only the CHECK constraints stand in the way.
    await expect(w.db.$executeRaw`UPDATE "BatchItemProgress" SET "piecesDone" = "piecesDone" + 5 WHERE "batchId" = ${b.id}`)
      .rejects.toThrow(/BatchItemProgress_pieces_bounds/);
    await expect(w.db.$executeRaw`UPDATE "BatchWork" SET "piecesScrapped" = "piecesScrapped" + 5 WHERE "batchId" = ${b.id}`)
      .rejects.toThrow(/BatchWork_pieces_bounds/);
    await expect(w.db.$executeRaw`UPDATE "BatchItemProgress" SET "piecesScrapped" = -1 WHERE "batchId" = ${b.id}`)
      .rejects.toThrow(/BatchItemProgress_pieces_bounds/);
    await expect(w.db.$executeRaw`UPDATE "BatchWork" SET "piecesDone" = -1, "piecesScrapped" = 1 WHERE "batchId" = ${b.id}`)
      .rejects.toThrow(/BatchWork_pieces_bounds/);
    // Positive control: an UPDATE that fills the batch exactly is allowed, so the refusals above are the bound.
    expect(await w.db.$executeRaw`UPDATE "BatchItemProgress" SET "piecesScrapped" = "piecesScrapped" + 4 WHERE "batchId" = ${b.id}`).toBe(1);
    expect(await w.db.$executeRaw`UPDATE "BatchWork" SET "piecesScrapped" = "piecesScrapped" + 4 WHERE "batchId" = ${b.id}`).toBe(1);
    const work = await w.db.batchWork.findFirstOrThrow({ where: { batchId: b.id } });
    expect([work.piecesDone, work.piecesScrapped]).toEqual([6, 4]);
  });

  it("start/pause/complete with a stale version answer CONFLICT with a message; a second claimer is refused", async () => {
    const w = await benchWorld();
    const b = await w.batch(0, [{ line: await w.line(4), pieces: 4 }]);
    const me = callerFor(w.assistant);
    const claimed = await me.bench.claim({ studioId: w.studio.id, batchId: b.id });
    const started = await me.bench.start({ studioId: w.studio.id, batchId: b.id, expectedVersion: claimed.version });
    expect(started.status).toBe("RUNNING");
    await expect(me.bench.pause({ studioId: w.studio.id, batchId: b.id, expectedVersion: claimed.version })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Someone else changed this batch"),
    });
    const paused = await me.bench.pause({ studioId: w.studio.id, batchId: b.id, expectedVersion: started.version });
    expect(paused.status).toBe("PAUSED");
    expect(await errorCode(callerFor(w.helper).bench.claim({ studioId: w.studio.id, batchId: b.id }))).toBe("CONFLICT");
    await expect(callerFor(w.helper).bench.start({ studioId: w.studio.id, batchId: b.id, expectedVersion: paused.version })).rejects.toMatchObject({
      code: "CONFLICT",
      message: `This batch is claimed by ${w.assistant.name}.`,
    });
    const racing = await race(
      Array.from({ length: 10 }, () => () => me.bench.start({ studioId: w.studio.id, batchId: b.id, expectedVersion: paused.version })),
    );
    expect(racing.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(racing.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(Array(9).fill("CONFLICT"));
  });
});
