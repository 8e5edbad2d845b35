import { describe, expect, it } from "vitest";
import { callerFor, errorCode } from "../../helpers/caller";
import { benchWorld } from "./fixtures";

describe("bench flow", () => {
  it("partial quantities flow to the next step as soon as pieces are done", async () => {
    const w = await benchWorld();
    const l = await w.line(10);
    const solder = await w.batch(0, [{ line: l, pieces: 10 }]);
    const tumble = await w.batch(1, [{ line: l, pieces: 10 }], { startInMinutes: 60 });
    const me = callerFor(w.assistant);
    const other = callerFor(w.helper);
    const sid = w.studio.id;

    expect((await other.bench.batch({ studioId: sid, batchId: tumble.id })).ready).toBe(0);
    const claimedTumble = await other.bench.claim({ studioId: sid, batchId: tumble.id });
    await expect(other.bench.start({ studioId: sid, batchId: tumble.id, expectedVersion: claimedTumble.version })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("No pieces are ready"),
    });

    await me.bench.claim({ studioId: sid, batchId: solder.id });
    await me.bench.report({ studioId: sid, batchId: solder.id, piecesDone: 3, piecesScrapped: 1, scrapReason: "Porosity" });
    const queue = await other.bench.queue({ studioId: sid });
    const card = queue.cards.find((c) => c.batchId === tumble.id)!;
    expect([card.ready, card.section]).toEqual([3, "mine"]);

    await other.bench.start({ studioId: sid, batchId: tumble.id, expectedVersion: claimedTumble.version });
    expect(await errorCode(other.bench.report({ studioId: sid, batchId: tumble.id, piecesDone: 4, piecesScrapped: 0 }))).toBe("BAD_REQUEST");
    await other.bench.report({ studioId: sid, batchId: tumble.id, piecesDone: 2, piecesScrapped: 0 });
    await me.bench.report({ studioId: sid, batchId: solder.id, piecesDone: 5, piecesScrapped: 0 });
    expect((await other.bench.batch({ studioId: sid, batchId: tumble.id })).ready).toBe(6);
    // Step 0 had 10 pieces: 8 done + 1 scrapped; only 1 is left there.
    expect((await me.bench.batch({ studioId: sid, batchId: solder.id })).ready).toBe(1);
  });

  it("completing a first-step batch consumes BOM x (done + scrapped) through the ledger; later steps consume nothing", async () => {
    const w = await benchWorld();
    const l = await w.line(6, { variant: 1 }); // 3 g of wire per piece
    const solder = await w.batch(0, [{ line: l, pieces: 6 }]);
    const me = callerFor(w.assistant);
    const sid = w.studio.id;
    let work = await me.bench.claim({ studioId: sid, batchId: solder.id });
    await expect(me.bench.complete({ studioId: sid, batchId: solder.id, expectedVersion: work.version })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    work = await me.bench.start({ studioId: sid, batchId: solder.id, expectedVersion: work.version });
    await me.bench.report({ studioId: sid, batchId: solder.id, piecesDone: 4, piecesScrapped: 1, scrapReason: "Cracked" });
    const done = await me.bench.complete({ studioId: sid, batchId: solder.id, expectedVersion: work.version });
    expect(done.work.status).toBe("DONE");
    expect(done.consumed).toEqual([{ materialId: w.material.id, quantityMilli: 15_000 }]);
    const material = await w.db.material.findUniqueOrThrow({ where: { id: w.material.id } });
    expect(material.onHandMilli).toBe(100_000 - 15_000);
    const movement = await w.db.stockMovement.findFirstOrThrow({ where: { materialId: w.material.id, kind: "CONSUME" } });
    expect([movement.quantityMilli, movement.balanceAfterMilli, movement.createdById]).toEqual([-15_000, 85_000, w.assistant.id]);
    expect((await w.db.batch.findUniqueOrThrow({ where: { id: solder.id } })).status).toBe("DONE");
    expect(await errorCode(me.bench.report({ studioId: sid, batchId: solder.id, piecesDone: 1, piecesScrapped: 0 }))).toBe("BAD_REQUEST");

    const tumble = await w.batch(1, [{ line: l, pieces: 6 }]);
    const t = await me.bench.claim({ studioId: sid, batchId: tumble.id });
    await me.bench.report({ studioId: sid, batchId: tumble.id, piecesDone: 4, piecesScrapped: 0 });
    await me.bench.complete({ studioId: sid, batchId: tumble.id, expectedVersion: t.version });
    expect(await w.db.stockMovement.count({ where: { materialId: w.material.id, kind: "CONSUME" } })).toBe(1);
  });

  it("not enough stock: the completion is refused and nothing is written", async () => {
    const w = await benchWorld();
    const l = await w.line(40, { variant: 1 }); // 120 g needed, 100 g on hand
    const solder = await w.batch(0, [{ line: l, pieces: 40 }]);
    const me = callerFor(w.assistant);
    const work = await me.bench.claim({ studioId: w.studio.id, batchId: solder.id });
    await me.bench.report({ studioId: w.studio.id, batchId: solder.id, piecesDone: 40, piecesScrapped: 0 });
    await expect(me.bench.complete({ studioId: w.studio.id, batchId: solder.id, expectedVersion: work.version })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Not enough"),
    });
    expect((await w.db.batchWork.findFirstOrThrow({ where: { batchId: solder.id } })).status).toBe("CLAIMED");
    expect((await w.db.material.findUniqueOrThrow({ where: { id: w.material.id } })).onHandMilli).toBe(100_000);
  });

  it("keeps an append-only audit trail of who did what when", async () => {
    const w = await benchWorld();
    const b = await w.batch(0, [{ line: await w.line(5), pieces: 5 }]);
    const me = callerFor(w.assistant);
    const sid = w.studio.id;
    let work = await me.bench.claim({ studioId: sid, batchId: b.id });
    work = await me.bench.start({ studioId: sid, batchId: b.id, expectedVersion: work.version });
    await callerFor(w.helper).bench.report({ studioId: sid, batchId: b.id, piecesDone: 2, piecesScrapped: 1, scrapReason: "Lost" });
    work = await me.bench.pause({ studioId: sid, batchId: b.id, expectedVersion: work.version });
    await me.bench.release({ studioId: sid, batchId: b.id, expectedVersion: work.version });
    const detail = await callerFor(w.owner).bench.batch({ studioId: sid, batchId: b.id });
    expect(detail.events.map((e) => [e.kind, e.userName]).reverse()).toEqual([
      ["CLAIM", w.assistant.name], ["START", w.assistant.name], ["REPORT", w.helper.name], ["PAUSE", w.assistant.name], ["RELEASE", w.assistant.name],
    ]);
    expect(detail.events.find((e) => e.kind === "REPORT")).toMatchObject({ piecesDone: 2, piecesScrapped: 1, scrapReason: "Lost" });
    expect([detail.status, detail.piecesDone, detail.piecesScrapped, detail.claimedById]).toEqual(["OPEN", 2, 1, null]);
    // The app role cannot rewrite history (row-level security + revoked UPDATE/DELETE).
    const { withTenant } = await import("~/server/db");
    await expect(withTenant(sid, (db) => db.benchEvent.deleteMany({ where: { batchId: b.id } }))).rejects.toThrow();
    expect(await w.db.benchEvent.count({ where: { batchId: b.id } })).toBe(5);
  });
});
