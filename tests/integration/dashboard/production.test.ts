import { describe, expect, it } from "vitest";
import { rebuildDashboardRollups } from "~/features/dashboard/server/rollups";
import { systemDb } from "~/server/db";
import { studioToday } from "~/server/time-zone";
import { callerFor, errorCode } from "../../helpers/caller";
import { benchWorld } from "../bench/fixtures";
import { event, workOn } from "./fixtures";

// Studio time zone: Europe/Paris (UTC+1 in November). Range 2026-11-01 .. 2026-11-03.
const range = { from: "2026-11-01", to: "2026-11-03" };

async function productionWorld() {
  const w = await benchWorld();
  // Design "Stacking ring": step 0 "Solder join" 240 s/piece (variant 1 overrides: 360 s), setup 600 s;
  // step 1 "Tumble" 30 s/piece, setup 300 s.
  const l1 = await w.line(10); // variant 0
  const l2 = await w.line(4, { variant: 1 });
  const l3 = await w.line(3);
  // A: solder, 6 of l1 + 4 of l2, done on Nov 2 after 3000 s: l1 5 done 1 scrapped, l2 3 done 1 scrapped.
  const a = await w.batch(0, [{ line: l1, pieces: 6 }, { line: l2, pieces: 4 }]);
  await workOn(w, a.id, { status: "DONE", accumulatedSeconds: 3000, completedAt: new Date("2026-11-02T10:00:00Z"), progress: [{ lineId: l1.id, done: 5, scrapped: 1 }, { lineId: l2.id, done: 3, scrapped: 1 }] });
  // B: tumble, 5 of l1, running with 1 done.
  const b = await w.batch(1, [{ line: l1, pieces: 5 }]);
  await workOn(w, b.id, { status: "RUNNING", progress: [{ lineId: l1.id, done: 1, scrapped: 0 }] });
  // C: solder, 3 of l3, not claimed.
  await w.batch(0, [{ line: l3, pieces: 3 }]);
  // D: tumble, 3 of l2, done on Nov 3 after 7200 s.
  const d = await w.batch(1, [{ line: l2, pieces: 3 }]);
  await workOn(w, d.id, { status: "DONE", accumulatedSeconds: 7200, completedAt: new Date("2026-11-03T08:00:00Z"), progress: [{ lineId: l2.id, done: 3, scrapped: 0 }] });
  // E: solder work completed before the range (Oct 20): not in the labour figures.
  const l4 = await w.line(2);
  const e = await w.batch(0, [{ line: l4, pieces: 2 }]);
  await workOn(w, e.id, { status: "DONE", accumulatedSeconds: 99_999, completedAt: new Date("2026-10-20T10:00:00Z"), progress: [{ lineId: l4.id, done: 2, scrapped: 0 }] });

  await event(w, a.id, "2026-10-31T22:30:00Z", 7); // 23:30 Oct 31 in Paris: outside
  await event(w, a.id, "2026-10-31T23:30:00Z", 2); // 00:30 Nov 1 in Paris: inside
  await event(w, a.id, "2026-11-01T09:00:00Z", 5, 1);
  await event(w, a.id, "2026-11-02T09:00:00Z", 3, 1);
  await event(w, a.id, "2026-11-02T09:30:00Z", 0, 0, "PAUSE");
  await event(w, b.id, "2026-11-03T12:00:00Z", 1);
  await event(w, b.id, "2026-11-04T00:30:00Z", 4); // 01:30 Nov 4 in Paris: outside
  // The history was written directly, so its rollups are rebuilt from it (as the demo generator does);
  // rollups.test.ts shows the bench procedures keep them equal to such a rebuild.
  await rebuildDashboardRollups(systemDb(), w.studio.id);
  return w;
}

describe("dashboard.production", () => {
  it("computes WIP, throughput, scrap and labour figures from hand-made bench history", async () => {
    const w = await productionWorld();
    const result = await callerFor(w.owner).dashboard.production({ studioId: w.studio.id, ...range });

    expect(result.range).toEqual(range);
    // WIP now: A, D and E are done; B (claimed, running) has 5 - 1 = 4 left; C (unclaimed) has 3 waiting.
    expect(result.wip).toEqual([
      { stepName: "Solder join", waiting: 3, inProgress: 0 },
      { stepName: "Tumble", waiting: 0, inProgress: 4 },
    ]);
    // Nov 1: 2 + 5 done, 1 scrapped; Nov 2: 3 done, 1 scrapped; Nov 3: 1 done.
    expect(result.throughput).toEqual([
      { day: "2026-11-01", piecesDone: 7, piecesScrapped: 1 },
      { day: "2026-11-02", piecesDone: 3, piecesScrapped: 1 },
      { day: "2026-11-03", piecesDone: 1, piecesScrapped: 0 },
    ]);
    // Solder join: 2 + 5 + 3 = 10 done, 2 scrapped -> 2 / 12. Tumble: 1 done, 0 scrapped.
    expect(result.scrap).toEqual([
      { stepName: "Solder join", piecesDone: 10, piecesScrapped: 2, scrapRate: 2 / 12 },
      { stepName: "Tumble", piecesDone: 1, piecesScrapped: 0, scrapRate: 0 },
    ]);
    // Solder (A): actual 3000 s / 8 = 375 s; standard (240*5 + 600*5/8) + (360*3 + 600*3/8) = 2880 s / 8 = 360 s.
    // Tumble (D): actual 7200 s / 3 = 2400 s; standard 30*3 + 300 = 390 s / 3 = 130 s.
    expect(result.labour).toHaveLength(1);
    const [labour] = result.labour;
    expect(labour!.designName).toBe("Stacking ring");
    expect(labour!.piecesDone).toBe(8);
    expect(labour!.actualMinutes).toBeCloseTo((375 + 2400) / 60, 9);
    expect(labour!.standardMinutes).toBeCloseTo((360 + 130) / 60, 9);
  });

  it("answers empty figures for a studio without bench history, one zero per day", async () => {
    const w = await benchWorld();
    const result = await callerFor(w.owner).dashboard.production({ studioId: w.studio.id, ...range });
    expect(result.wip).toEqual([]);
    expect(result.throughput.map((d) => d.piecesDone)).toEqual([0, 0, 0]);
    expect(result.scrap).toEqual([]);
    expect(result.labour).toEqual([]);
  });

  it("defaults to the last 30 days and validates the range", async () => {
    const w = await benchWorld();
    const me = callerFor(w.owner);
    const result = await me.dashboard.production({ studioId: w.studio.id });
    expect(result.throughput).toHaveLength(30);
    // Today in the studio's zone (Paris), not in UTC: they differ late in the evening.
    expect(result.range.to).toBe(studioToday("Europe/Paris"));
    expect(await errorCode(me.dashboard.production({ studioId: w.studio.id, from: "2025-01-01" }))).toBe("BAD_REQUEST");
    expect(await errorCode(me.dashboard.production({ studioId: w.studio.id, from: "2026-11-05", to: "2026-11-01" }))).toBe("BAD_REQUEST");
    expect(await errorCode(me.dashboard.production({ studioId: w.studio.id, from: "2025-01-01", to: "2026-01-02" }))).toBe("BAD_REQUEST");
    expect(await errorCode(me.dashboard.production({ studioId: w.studio.id, from: "2026-13-01", to: "2026-11-01" }))).toBe("BAD_REQUEST");
    expect((await me.dashboard.production({ studioId: w.studio.id, from: "2025-11-01", to: "2026-11-01" })).throughput).toHaveLength(366);
  });

  it("is for owners and admins: an assistant gets FORBIDDEN", async () => {
    const w = await benchWorld();
    expect(await errorCode(callerFor(w.assistant).dashboard.production({ studioId: w.studio.id }))).toBe("FORBIDDEN");
    expect(await errorCode(callerFor(w.assistant).dashboard.delivery({ studioId: w.studio.id }))).toBe("FORBIDDEN");
  });
});
