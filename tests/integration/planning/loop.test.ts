import { describe, expect, it } from "vitest";
import { benchQueue } from "~/features/bench/server/queue";
import { runNextPlanJob } from "~/features/planning/server/plan-job";
import { systemDb, withTenant } from "~/server/db";
import { callerFor } from "../../helpers/caller";
import { addMember } from "../../helpers/factories";
import { NOW, paris, planNow, planningWorld, wideRange } from "./fixtures";

// The daily loop's rules (issue 13 items 4 and 8): scrap makes remake work traceable to the report, the
// order line and the step; later batches stop counting lost pieces; the re-plan schedules the remake; the
// order's status and per-line progress follow the bench.

async function loopWorld() {
  const w = await planningWorld({ size6: 6, size9: 4 });
  const assistant = await addMember(w.studio.id, "ASSISTANT");
  await planNow(w.caller, w.studio.id);
  const me = callerFor(assistant);
  const s = { studioId: w.studio.id };
  const batches = async () => (await w.caller.planning.currentPlan({ ...s, ...wideRange() })).batches;
  const lines = await w.db.orderLine.findMany({ where: { studioId: w.studio.id }, include: { order: true } });
  const line6 = lines.find((l) => l.variantName === "Size 6")!;
  const line9 = lines.find((l) => l.variantName === "Size 9")!;
  return { ...w, assistant, me, s, batches, line6, line9 };
}

/** The bench queue as the assistant sees it at `now`. */
function queueAt(studio: { id: string; name: string; slug: string; timeZone: string }, member: { id: string; name: string }, now: Date) {
  const user = { ...member, email: `${member.id}@example.test`, sessionVersion: 0 };
  return withTenant(studio.id, (db) => benchQueue({ db, studio, role: "ASSISTANT", membershipId: "m", user }, now));
}

describe("scrap, remakes and order progress", () => {
  it("scrap creates a traceable remake, trims the later batches, re-plans it, and it shows on the order and the bench", async () => {
    const w = await loopWorld();
    const solder = (await w.batches()).find((b) => b.stepName === "Solder join")!;
    const orders = () => w.db.order.findMany({ where: { studioId: w.studio.id }, orderBy: { number: "asc" }, select: { status: true, version: true } });
    expect((await orders()).map((o) => o.status)).toEqual(["OPEN", "OPEN"]);

    const work = await w.me.bench.claim({ ...w.s, batchId: solder.id });
    // Claiming starts production of both orders (their version moves: a stale edit would now CONFLICT).
    expect((await orders()).map((o) => [o.status, o.version])).toEqual([["IN_PRODUCTION", 1], ["IN_PRODUCTION", 1]]);
    await w.me.bench.start({ ...w.s, batchId: solder.id, expectedVersion: work.version });
    // Done pieces go to the earliest due line first: Size 6 gets 6 done; Size 9 gets 2 done and the 2 scrapped.
    await w.me.bench.report({ ...w.s, batchId: solder.id, piecesDone: 8, piecesScrapped: 2, scrapReason: "Cracked" });

    const [remake] = await w.db.remake.findMany({ where: { studioId: w.studio.id } });
    const report = await w.db.benchEvent.findFirstOrThrow({ where: { batchId: solder.id, kind: "REPORT" } });
    expect(remake).toMatchObject({ orderLineId: w.line9.id, batchId: solder.id, stepPosition: 0, stepName: "Solder join", pieces: 2, reason: "Cracked", reportedById: w.assistant.id, benchEventId: report.id });
    // The Size 9 tumble batches held 4 pieces; only 2 can arrive now.
    const tumbled9 = await w.db.batchItem.aggregate({ where: { orderLineId: w.line9.id, stepPosition: 1, batch: { status: "PLANNED" } }, _sum: { pieces: true } });
    expect(tumbled9._sum.pieces).toBe(2);
    // A re-plan was queued for the remake.
    const run = await w.db.planRun.findFirstOrThrow({ where: { studioId: w.studio.id, status: "QUEUED" } });
    expect(run.reason).toMatch(/^2 pieces to remake \(Solder join, #\d+\)$/);

    const replanAt = paris(0, "10:30");
    expect(await runNextPlanJob({ studioId: w.studio.id, now: replanAt, timeLimitMs: 100 })).toMatchObject({ status: "SUCCEEDED" });
    const remade = await w.db.batchItem.findMany({ where: { remakeId: remake!.id }, include: { batch: true }, orderBy: { stepPosition: "asc" } });
    expect(remade.map((i) => [i.stepPosition, i.pieces, i.orderLineId])).toEqual([[0, 2, w.line9.id], [1, 2, w.line9.id]]);
    expect(remade[0]!.batch.startAt.getTime()).toBeGreaterThanOrEqual(replanAt.getTime());
    // Nothing planned twice: the line's tumble step holds its 2 survivors and the 2 remade pieces.
    const tumbleAll = await w.db.batchItem.aggregate({ where: { orderLineId: w.line9.id, stepPosition: 1 }, _sum: { pieces: true } });
    expect(tumbleAll._sum.pieces).toBe(4);

    // The order shows the loss, the remake and where it is planned; the line is not done yet.
    const progress = await w.caller.order.progress({ ...w.s, id: w.line9.orderId });
    const line = progress.lines[0]!;
    expect(line.steps.map((step) => [step.name, step.done, step.scrapped])).toEqual([["Solder join", 2, 2], ["Tumble", 0, 0]]);
    expect(line.remakes[0]).toMatchObject({ pieces: 2, stepName: "Solder join", reason: "Cracked", reportedBy: w.assistant.name });
    expect(line.remakes[0]!.planned.map((p) => p.stepName)).toEqual(["Solder join", "Tumble"]);
    expect(line.flag).toBe("on-track");

    // The bench shows the remade pieces as such.
    const queue = await queueAt({ ...w.studio, timeZone: "Europe/Paris" }, w.assistant, replanAt);
    const remakeItem = queue.cards.flatMap((c) => c.items).find((i) => i.remake);
    expect(remakeItem).toMatchObject({ pieces: 2, remake: { stepName: "Solder join", reason: "Cracked" } });
  });

  it("orders become done when every line's pieces are through the last step; progress counts each step", async () => {
    const w = await loopWorld();
    const all = await w.batches();
    const sid = w.s;
    const solder = all.find((b) => b.stepName === "Solder join")!;
    let work = await w.me.bench.claim({ ...sid, batchId: solder.id });
    await w.me.bench.report({ ...sid, batchId: solder.id, piecesDone: 10, piecesScrapped: 0 });
    work = (await w.db.batchWork.findFirstOrThrow({ where: { batchId: solder.id } }));
    await w.me.bench.complete({ ...sid, batchId: solder.id, expectedVersion: work.version });
    const outlook = await w.caller.order.outlook({ ...sid, ids: [w.line6.orderId, w.line9.orderId] });
    expect(outlook[w.line6.orderId]).toMatchObject({ finished: 0, pieces: 6 });

    for (const tumble of all.filter((b) => b.stepName === "Tumble")) {
      const t = await w.me.bench.claim({ ...sid, batchId: tumble.id });
      await w.me.bench.report({ ...sid, batchId: tumble.id, piecesDone: tumble.pieces, piecesScrapped: 0 });
      await w.me.bench.complete({ ...sid, batchId: tumble.id, expectedVersion: t.version });
    }
    const orders = await w.db.order.findMany({ where: { studioId: w.studio.id }, include: { lines: true } });
    expect(orders.map((o) => [o.status, o.lines.map((l) => l.status)])).toEqual([["DONE", ["DONE"]], ["DONE", ["DONE"]]]);
    const progress = await w.caller.order.progress({ ...sid, id: w.line6.orderId });
    expect(progress.lines[0]).toMatchObject({ finished: 6, flag: "done" });
    expect(progress.lines[0]!.steps.map((s) => s.done)).toEqual([6, 6]);
    expect((await w.caller.order.outlook({ ...sid, ids: [w.line6.orderId] }))[w.line6.orderId]).toEqual({ finished: 6, pieces: 6, flag: "done" });
  });

  it("the bench brings in the next day's work when nothing is left to claim today", async () => {
    const w = await loopWorld();
    const studio = { ...w.studio, timeZone: "Europe/Paris" };
    // Sunday evening: the plan starts on Monday morning.
    const sunday = await queueAt(studio, w.assistant, paris(-1, "20:00"));
    expect(sunday.nextDay).toEqual(paris(0, "00:00")); // Monday 00:00 Paris
    expect(sunday.cards.length).toBe((await w.batches()).length);
    // Monday morning: today's own queue.
    const monday = await queueAt(studio, w.assistant, NOW);
    expect(monday.nextDay).toBeNull();
  });

  it("flags lines late or at risk from the plan", async () => {
    const w = await loopWorld();
    // Due tomorrow evening at the latest; a plan that finishes after the due date is late.
    await systemDb().orderLine.update({ where: { id: w.line6.id }, data: { dueDate: paris(0, "09:30") } });
    await systemDb().orderLine.update({ where: { id: w.line9.id }, data: { dueDate: paris(0, "20:00") } });
    const outlook = await withTenant(w.studio.id, async (db) => {
      const { ordersOutlook } = await import("~/features/orders/server/progress");
      return ordersOutlook({ db, studio: { ...w.studio, timeZone: "Europe/Paris" } }, { ids: [w.line6.orderId, w.line9.orderId] }, NOW);
    });
    expect(outlook[w.line6.orderId]!.flag).toBe("late");
    expect(outlook[w.line9.orderId]!.flag).toBe("at-risk");
  });
});
