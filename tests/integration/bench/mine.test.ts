import { afterEach, describe, expect, it, vi } from "vitest";
import type { BenchEventKind, BenchStatus } from "~/generated/prisma/client";
import { systemDb } from "~/server/db";
import { callerFor } from "../../helpers/caller";
import { benchWorld } from "./fixtures";

// "Your bench" figures from hand-written bench history. Studio time zone: Europe/Paris. "Now" is Sunday
// 2026-03-29 23:00 CEST (21:00Z), the day clocks go forward (02:00 CET -> 03:00 CEST), so:
//   today     = Sun 29 00:00 CET  .. Mon 30 00:00 CEST = 2026-03-28T23:00Z .. 2026-03-29T22:00Z (23 hours)
//   this week = Mon 23 00:00 CET  .. Mon 30 00:00 CEST = 2026-03-22T23:00Z .. 2026-03-29T22:00Z
// "Yesterday" is Saturday 28 (this week); "last week" ends Sunday 22 at 23:00Z.
const NOW = new Date("2026-03-29T21:00:00Z");

type World = Awaited<ReturnType<typeof benchWorld>>;

async function work(w: World, batchId: string, data: { status: BenchStatus; claimedById: string | null; completedAt?: string; runningSince?: string }) {
  await systemDb().batchWork.create({
    data: {
      studioId: w.studio.id, batchId, pieces: 20, status: data.status, claimedById: data.claimedById,
      completedAt: data.completedAt ? new Date(data.completedAt) : null, runningSince: data.runningSince ? new Date(data.runningSince) : null,
    },
  });
}

async function event(w: World, batchId: string, userId: string, kind: BenchEventKind, at: string, piecesDone = 0, piecesScrapped = 0) {
  await systemDb().benchEvent.create({
    data: { studioId: w.studio.id, batchId, userId, kind, piecesDone, piecesScrapped, scrapReason: piecesScrapped ? "Porosity" : null, createdAt: new Date(at) },
  });
}

async function history() {
  const w = await benchWorld();
  const me = w.assistant.id;
  const other = w.helper.id;
  const newBatch = async () => (await w.batch(0, [{ line: await w.line(20), pieces: 20 }])).id;
  const [a, b, c, d, e, f, g] = [await newBatch(), await newBatch(), await newBatch(), await newBatch(), await newBatch(), await newBatch(), await newBatch()];

  // A: mine, completed today. Timer 08:00-08:45 (45 min) and 09:00-09:30 (30 min); 3+1 and 2 pieces.
  await work(w, a, { status: "DONE", claimedById: me, completedAt: "2026-03-29T09:30:00Z" });
  await event(w, a, me, "START", "2026-03-29T08:00:00Z");
  await event(w, a, me, "REPORT", "2026-03-29T08:40:00Z", 3, 1);
  await event(w, a, me, "PAUSE", "2026-03-29T08:45:00Z");
  await event(w, a, me, "START", "2026-03-29T09:00:00Z");
  await event(w, a, me, "REPORT", "2026-03-29T09:25:00Z", 2);
  await event(w, a, me, "COMPLETE", "2026-03-29T09:30:00Z", 5, 1);

  // B: mine, completed on Tuesday 24 after 2 hours on the timer; 4 pieces.
  await work(w, b, { status: "DONE", claimedById: me, completedAt: "2026-03-24T12:00:00Z" });
  await event(w, b, me, "START", "2026-03-24T10:00:00Z");
  await event(w, b, me, "REPORT", "2026-03-24T11:00:00Z", 4);
  await event(w, b, me, "COMPLETE", "2026-03-24T12:00:00Z", 4, 0);

  // C: mine, paused. Two sessions that cross a boundary, and reports on either side of each boundary.
  await work(w, c, { status: "PAUSED", claimedById: me });
  await event(w, c, me, "START", "2026-03-22T22:00:00Z"); // Sun 22 23:00 CET: last week
  await event(w, c, me, "REPORT", "2026-03-22T22:30:00Z", 6, 2); // Sun 22 23:30: last week
  await event(w, c, me, "REPORT", "2026-03-22T23:15:00Z", 1); // Mon 23 00:15: this week
  await event(w, c, me, "PAUSE", "2026-03-22T23:30:00Z"); // session: 30 min of it this week
  await event(w, c, me, "START", "2026-03-28T22:00:00Z"); // Sat 28 23:00 CET: yesterday
  await event(w, c, me, "REPORT", "2026-03-28T22:30:00Z", 2, 1); // Sat 23:30 CET: yesterday, not today
  await event(w, c, me, "REPORT", "2026-03-28T23:10:00Z", 1); // Sun 00:10 CET: today
  await event(w, c, me, "PAUSE", "2026-03-28T23:20:00Z"); // session 80 min, 20 of them today

  // D: the other assistant's, completed today: 10 + 1 pieces, one hour on the timer. None of it is mine.
  await work(w, d, { status: "DONE", claimedById: other, completedAt: "2026-03-29T10:00:00Z" });
  await event(w, d, other, "START", "2026-03-29T09:00:00Z");
  await event(w, d, other, "REPORT", "2026-03-29T09:50:00Z", 10, 1);
  await event(w, d, other, "COMPLETE", "2026-03-29T10:00:00Z", 10, 1);

  // E: mine, running since 20:30 (30 min so far); a report today and one stamped next week.
  await work(w, e, { status: "RUNNING", claimedById: me, runningSince: "2026-03-29T20:30:00Z" });
  await event(w, e, me, "START", "2026-03-29T20:30:00Z");
  await event(w, e, me, "REPORT", "2026-03-29T20:50:00Z", 1);
  await event(w, e, me, "REPORT", "2026-03-29T22:30:00Z", 9); // Mon 30 00:30 CEST: next week

  // F: I ran it 40 min on Tuesday, then the owner released it for me.
  await work(w, f, { status: "OPEN", claimedById: null });
  await event(w, f, me, "START", "2026-03-24T14:00:00Z");
  await event(w, f, w.owner.id, "RELEASE", "2026-03-24T14:40:00Z");

  // G: mine, completed last week (Sun 22 21:00 CET).
  await work(w, g, { status: "DONE", claimedById: me, completedAt: "2026-03-22T20:00:00Z" });
  await event(w, g, me, "START", "2026-03-22T19:00:00Z");
  await event(w, g, me, "REPORT", "2026-03-20T10:00:00Z", 5);
  await event(w, g, me, "COMPLETE", "2026-03-22T20:00:00Z", 5, 0);
  return w;
}

describe("bench.mine", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("counts my pieces, scrap, completed batches and timer minutes today and this week, in the studio's time zone", async () => {
    const w = await history();
    vi.useFakeTimers({ toFake: ["Date"], now: NOW });

    const mine = await callerFor(w.assistant).bench.mine({ studioId: w.studio.id });
    expect(mine.dayStart).toEqual(new Date("2026-03-28T23:00:00Z"));
    expect(mine.weekStart).toEqual(new Date("2026-03-22T23:00:00Z"));
    expect(mine.weekEnd).toEqual(new Date("2026-03-29T22:00:00Z"));
    // Today: A 3+2 done, 1 scrapped; C 1 (00:10); E 1. Completed: A. Timer: A 45+30, C 20, E 30 (running).
    expect(mine.today).toEqual({ piecesDone: 7, piecesScrapped: 1, batchesCompleted: 1, minutesWorked: 125 });
    // Week: today + B 4 + C 1 (Mon 00:15) + C 2+1 (Sat 23:30). Not: C 6+2 and G 5 (last week), E 9 (next week),
    // D (someone else's). Completed: A, B (G was last week). Timer: today 125 + C 60 (Saturday's part) + C 30
    // (Monday's part of Sunday night's session) + B 120 + F 40 (closed by the owner's release).
    expect(mine.week).toEqual({ piecesDone: 14, piecesScrapped: 2, batchesCompleted: 2, minutesWorked: 375 });
  });

  it("counts only the caller's own work: the other assistant and the owner see theirs", async () => {
    const w = await history();
    vi.useFakeTimers({ toFake: ["Date"], now: NOW });

    const other = await callerFor(w.helper).bench.mine({ studioId: w.studio.id });
    expect(other.today).toEqual({ piecesDone: 10, piecesScrapped: 1, batchesCompleted: 1, minutesWorked: 60 });
    expect(other.week).toEqual(other.today);
    const owner = await callerFor(w.owner).bench.mine({ studioId: w.studio.id });
    const nothing = { piecesDone: 0, piecesScrapped: 0, batchesCompleted: 0, minutesWorked: 0 };
    expect([owner.today, owner.week]).toEqual([nothing, nothing]);
  });

  it("follows the week: on Monday morning only Monday's work is this week's", async () => {
    const w = await history();
    // Mon 30 at 08:00 CEST: a new week. E has been running since Sunday 22:30 CEST: 9 h 30 min in all,
    // 8 h of it this week (and today); its 00:30 report is today's.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-30T06:00:00Z") });
    const mine = await callerFor(w.assistant).bench.mine({ studioId: w.studio.id });
    expect(mine.weekStart).toEqual(new Date("2026-03-29T22:00:00Z"));
    expect(mine.today).toEqual({ piecesDone: 9, piecesScrapped: 0, batchesCompleted: 0, minutesWorked: 480 });
    expect(mine.week).toEqual(mine.today);
  });
});
