import { describe, expect, it } from "vitest";
import { rebuildDashboardRollups } from "~/features/dashboard/server/rollups";
import { systemDb } from "~/server/db";
import { callerFor, errorCode } from "../../helpers/caller";
import { benchWorld, race } from "../bench/fixtures";

// The dashboard reads rollups per studio-local day kept by the bench procedures. Whatever the bench does (shared reports,
// racing reports, refused reports, completions), the rollups must equal a rebuild from the events and work.

async function rollupsOf(studioId: string) {
  const db = systemDb();
  const reports = await db.benchReportDay.findMany({ where: { studioId }, orderBy: [{ day: "asc" }, { stepName: "asc" }], select: { day: true, stepName: true, piecesDone: true, piecesScrapped: true, reports: true } });
  const labour = await db.benchLabourDay.findMany({ where: { studioId }, orderBy: [{ day: "asc" }, { designName: "asc" }, { stepPosition: "asc" }], select: { day: true, designName: true, stepPosition: true, piecesDone: true, actualSeconds: true, standardSeconds: true } });
  const round = (value: number) => Math.round(value * 1e6) / 1e6;
  return { reports, labour: labour.map((row) => ({ ...row, actualSeconds: round(row.actualSeconds), standardSeconds: round(row.standardSeconds) })) };
}

describe("dashboard rollups", () => {
  it("are kept by the bench procedures exactly as a rebuild from the events and work computes them", async () => {
    const w = await benchWorld();
    const sid = w.studio.id;
    const me = callerFor(w.assistant);
    const other = callerFor(w.helper);
    const l1 = await w.line(12);
    // Due later than l1, so reports fill l1 first (earliest due first) and the split below is known.
    const l2 = await w.line(5, { variant: 1, dueInDays: 9 });
    const solder = await w.batch(0, [{ line: l1, pieces: 12 }, { line: l2, pieces: 5 }]);
    const tumble = await w.batch(1, [{ line: l1, pieces: 8 }]);

    let work = await me.bench.claim({ studioId: sid, batchId: solder.id });
    work = await me.bench.start({ studioId: sid, batchId: solder.id, expectedVersion: work.version });
    await me.bench.report({ studioId: sid, batchId: solder.id, piecesDone: 3, piecesScrapped: 1, scrapReason: "Porosity" });
    // A shared batch: someone else reports on it too; ten reports race.
    await other.bench.report({ studioId: sid, batchId: solder.id, piecesDone: 2, piecesScrapped: 0 });
    const raced = await race(Array.from({ length: 10 }, () => () => me.bench.report({ studioId: sid, batchId: solder.id, piecesDone: 1, piecesScrapped: 0 })));
    expect(raced.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    // Refused: more than is left. Nothing may reach the rollups.
    expect(await errorCode(me.bench.report({ studioId: sid, batchId: solder.id, piecesDone: 5, piecesScrapped: 0 }))).toBe("BAD_REQUEST");
    const paused = await me.bench.pause({ studioId: sid, batchId: solder.id, expectedVersion: work.version });
    // The timer ran for well under a second here; give it a known 30 minutes so the labour shares are checkable.
    await w.db.batchWork.updateMany({ where: { studioId: sid, batchId: solder.id }, data: { accumulatedSeconds: 1800 } });
    await me.bench.complete({ studioId: sid, batchId: solder.id, expectedVersion: paused.version });

    const t = await other.bench.claim({ studioId: sid, batchId: tumble.id });
    await other.bench.start({ studioId: sid, batchId: tumble.id, expectedVersion: t.version });
    await other.bench.report({ studioId: sid, batchId: tumble.id, piecesDone: 8, piecesScrapped: 0 });

    const kept = await rollupsOf(sid);
    // 3 + 2 + 10 done, 1 scrapped on the solder step in 12 reports; 8 done on tumble. Only the solder work is complete.
    const solderRows = kept.reports.filter((row) => row.stepName === solder.stepName);
    expect(solderRows.reduce((sum, row) => sum + row.piecesDone, 0)).toBe(15);
    expect(solderRows.reduce((sum, row) => sum + row.piecesScrapped, 0)).toBe(1);
    expect(solderRows.reduce((sum, row) => sum + row.reports, 0)).toBe(12);
    // Labour, by hand. Done pieces went to l1 first: 3 (and the 1 scrapped), 2, then 6 of the 10 raced reports fill
    // l1's 12 (11 done + 1 scrapped); the other 4 are l2's. Work done = 15.
    //   actual   = 1800 s x 11/15 + 1800 s x 4/15 = 1320 + 480 = 1800 s (shares of the timer by pieces done, not 16 reported)
    //   standard = per piece (Size 6: 240 s; Size 9 overrides step 0 to 360 s) + the 600 s setup shared by pieces done
    //            = 240 x 11 + 600 x 11/15 + 360 x 4 + 600 x 4/15 = 2640 + 440 + 1440 + 160 = 4680 s
    expect(kept.labour).toEqual([
      { day: expect.any(Date), designName: "Stacking ring", stepPosition: 0, piecesDone: 15, actualSeconds: 1800, standardSeconds: 4680 },
    ]);

    await rebuildDashboardRollups(systemDb(), sid);
    expect(await rollupsOf(sid)).toEqual(kept);
  });

  it("belong to their studio: the app role cannot read or write another studio's rollups", async () => {
    const a = await benchWorld();
    const b = await benchWorld();
    const l = await a.line(2);
    const batch = await a.batch(0, [{ line: l, pieces: 2 }]);
    const me = callerFor(a.assistant);
    await me.bench.claim({ studioId: a.studio.id, batchId: batch.id });
    await me.bench.report({ studioId: a.studio.id, batchId: batch.id, piecesDone: 2, piecesScrapped: 0 });
    const { withTenant } = await import("~/server/db");
    expect(await withTenant(b.studio.id, (db) => db.benchReportDay.count({ where: { studioId: a.studio.id } }))).toBe(0);
    expect(await withTenant(a.studio.id, (db) => db.benchReportDay.count({ where: { studioId: a.studio.id } }))).toBe(1);
  });
});
