import { afterEach, describe, expect, it, vi } from "vitest";
import { rebuildDashboardRollups } from "~/features/dashboard/server/rollups";
import { systemDb } from "~/server/db";
import { callerFor } from "../../helpers/caller";
import { benchWorld } from "../bench/fixtures";
import { event, workOn } from "./fixtures";

// Dashboard days in half- and quarter-hour zones. Kolkata is UTC+5:30 all year; Chatham is UTC+13:45 in the
// southern summer (November). Around local midnight an hourly UTC bucket holds reports of two local days.

async function worldIn(timeZone: string) {
  const w = await benchWorld();
  await systemDb().studio.update({ where: { id: w.studio.id }, data: { timeZone } });
  return w;
}

/** A batch being worked at the bench, to write its history by hand. */
async function runningBatch(w: Awaited<ReturnType<typeof worldIn>>) {
  const line = await w.line(20);
  const batch = await w.batch(0, [{ line, pieces: 20 }]);
  await workOn(w, batch.id, { status: "RUNNING", progress: [{ lineId: line.id, done: 0, scrapped: 0 }] });
  return batch;
}

const day = (throughput: Array<{ day: string; piecesDone: number }>, which: string) => throughput.find((d) => d.day === which)?.piecesDone;

describe("dashboard days in half- and quarter-hour zones", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("counts each report on its studio-local day (rollups rebuilt from history)", async () => {
    const kolkata = await worldIn("Asia/Kolkata");
    const k = await runningBatch(kolkata);
    await event(kolkata, k.id, "2026-11-01T18:20:00Z", 3); // 23:50 on 1 November in Kolkata
    await event(kolkata, k.id, "2026-11-01T18:40:00Z", 5); // 00:10 on 2 November, same UTC hour
    await rebuildDashboardRollups(systemDb(), kolkata.studio.id);
    const inKolkata = await callerFor(kolkata.owner).dashboard.production({ studioId: kolkata.studio.id, from: "2026-11-01", to: "2026-11-02" });
    expect([day(inKolkata.throughput, "2026-11-01"), day(inKolkata.throughput, "2026-11-02")]).toEqual([3, 5]);

    const chatham = await worldIn("Pacific/Chatham");
    const c = await runningBatch(chatham);
    await event(chatham, c.id, "2026-11-01T10:14:00Z", 2); // 23:59 on 1 November at UTC+13:45
    await event(chatham, c.id, "2026-11-01T10:15:00Z", 7); // 00:00 on 2 November
    await rebuildDashboardRollups(systemDb(), chatham.studio.id);
    const inChatham = await callerFor(chatham.owner).dashboard.production({ studioId: chatham.studio.id, from: "2026-11-01", to: "2026-11-02" });
    expect([day(inChatham.throughput, "2026-11-01"), day(inChatham.throughput, "2026-11-02")]).toEqual([2, 7]);
    // One day's range holds only that day's reports (scrap and labour use the same bounds).
    const second = await callerFor(chatham.owner).dashboard.production({ studioId: chatham.studio.id, from: "2026-11-02", to: "2026-11-02" });
    expect(second.scrap).toEqual([{ stepName: "Solder join", piecesDone: 7, piecesScrapped: 0, scrapRate: 0 }]);
  });

  it("keeps reports made at the bench on their local day, as a rebuild would", async () => {
    const w = await worldIn("Asia/Kolkata");
    const sid = w.studio.id;
    const batch = await w.batch(0, [{ line: await w.line(20), pieces: 20 }]);
    const me = callerFor(w.assistant);
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-01T18:20:00Z") });
    const claimed = await me.bench.claim({ studioId: sid, batchId: batch.id });
    await me.bench.start({ studioId: sid, batchId: batch.id, expectedVersion: claimed.version });
    await me.bench.report({ studioId: sid, batchId: batch.id, piecesDone: 4, piecesScrapped: 1, scrapReason: "Porosity" });
    vi.setSystemTime(new Date("2026-11-01T18:40:00Z"));
    await me.bench.report({ studioId: sid, batchId: batch.id, piecesDone: 6, piecesScrapped: 0 });

    const kept = await callerFor(w.owner).dashboard.production({ studioId: sid, from: "2026-11-01", to: "2026-11-02" });
    expect(kept.throughput).toEqual([
      { day: "2026-11-01", piecesDone: 4, piecesScrapped: 1 },
      { day: "2026-11-02", piecesDone: 6, piecesScrapped: 0 },
    ]);
    await rebuildDashboardRollups(systemDb(), sid);
    expect((await callerFor(w.owner).dashboard.production({ studioId: sid, from: "2026-11-01", to: "2026-11-02" })).throughput).toEqual(kept.throughput);

    // "Your bench" at 00:30 on 2 November in Kolkata: the 00:10 report is today's, the 23:50 one yesterday's.
    vi.setSystemTime(new Date("2026-11-01T19:00:00Z"));
    const mine = await me.bench.mine({ studioId: sid });
    expect(mine.dayStart).toEqual(new Date("2026-11-01T18:30:00Z"));
    expect(mine.today.piecesDone).toBe(6);
    // Monday 2 November starts the week: the Sunday report is last week's.
    expect(mine.week.piecesDone).toBe(6);
  });

  it("takes today, late days and the next 14 days in the studio's zone", async () => {
    const w = await worldIn("Asia/Kolkata");
    const db = systemDb();
    // 00:30 on Monday 2 November in Kolkata, still 1 November in UTC.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-01T19:00:00Z") });
    const owner = callerFor(w.owner);
    const production = await owner.dashboard.production({ studioId: w.studio.id });
    expect(production.range).toEqual({ from: "2026-10-04", to: "2026-11-02" });

    const dueOn = async (day: string) => {
      const line = await w.line(1);
      // The end of that day in Kolkata, as orders store it.
      await db.orderLine.update({ where: { id: line.id }, data: { dueDate: new Date(Date.parse(`${day}T23:59:59.999+05:30`)) } });
      return line.id;
    };
    const lateTwoDays = await dueOn("2026-10-31");
    const lateOneDay = await dueOn("2026-11-01");
    const today = await dueOn("2026-11-02");
    const lastUpcoming = await dueOn("2026-11-16");
    await dueOn("2026-11-17"); // the 15th day
    const delivery = await owner.dashboard.delivery({ studioId: w.studio.id });
    expect(delivery.late.map((line) => [line.id, line.daysLate])).toEqual([
      [lateTwoDays, 2],
      [lateOneDay, 1],
    ]);
    expect(delivery.upcoming.map((line) => line.id)).toEqual([today, lastUpcoming]);
  });
});
