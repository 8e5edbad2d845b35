import { describe, expect, it } from "vitest";
import { expandWeeklyCalendar } from "~/server/scheduling";
import { WorkCalendar } from "~/server/scheduling/studio/calendar";
import { Timeline } from "~/server/scheduling/studio/timeline";

describe("expandWeeklyCalendar", () => {
  it("expands local shifts with a UTC offset and skips days off", () => {
    // Monday 2025-03-03 00:00 at UTC+1; 09:00–12:00 local on Mondays and Tuesdays.
    const shifts = [1, 2].map((weekday) => ({ weekday, start: "09:00", end: "12:00" }));
    expect(expandWeeklyCalendar(shifts, "2025-03-03T00:00:00+01:00", 8, 60, ["2025-03-04"])).toEqual([
      [540, 720],
      [7 * 1440 + 540, 7 * 1440 + 720],
    ]);
  });

  it("handles a horizon that starts mid-shift and in another zone", () => {
    // 10:00 UTC = 11:00 local (UTC+1): the Monday shift 09:00–12:00 local is clipped to [0, 60).
    const shifts = [{ weekday: 1, start: "09:00", end: "12:00" }];
    expect(expandWeeklyCalendar(shifts, "2025-03-03T10:00:00Z", 1, 60)).toEqual([[0, 60]]);
  });

  it("rejects malformed shifts", () => {
    expect(() => expandWeeklyCalendar([{ weekday: 1, start: "12:00", end: "09:00" }], "2025-03-03T00:00:00Z", 7)).toThrow();
    expect(() => expandWeeklyCalendar([{ weekday: 9, start: "09:00", end: "10:00" }], "2025-03-03T00:00:00Z", 7)).toThrow();
  });
});

describe("WorkCalendar", () => {
  const cal = WorkCalendar.fromIntervals([[100, 200], [300, 400], [390, 450]]);

  it("merges intervals and walks working time across breaks", () => {
    expect(cal.nextWorking(250)).toBe(300);
    expect(cal.finish(150, 100)).toBe(350);
    expect(cal.segments(150, 100)).toEqual([{ start: 150, end: 200 }, { start: 300, end: 350 }]);
    expect(cal.toWork(350)).toBe(150);
    expect(cal.fromWork(150)).toBe(350);
    expect(cal.covers(300, 450)).toBe(true);
    expect(cal.covers(150, 350)).toBe(false);
    expect(cal.finish(400, 100)).toBe(Infinity);
  });

  it("extends weekly calendars lazily far beyond the first expansion", () => {
    const weekly = WorkCalendar.from({ weekly: [{ weekday: 3, start: "10:00", end: "11:00" }] }, "2025-01-01T00:00:00Z");
    // 2025-01-01 is a Wednesday; 100 weeks later is still a Wednesday.
    expect(weekly.nextWorking(100 * 7 * 1440)).toBe(100 * 7 * 1440 + 600);
    expect(weekly.toWork(100 * 7 * 1440)).toBe(100 * 60);
  });

  it("builds the union of calendars", () => {
    const union = WorkCalendar.union([WorkCalendar.fromIntervals([[0, 10]]), WorkCalendar.fromIntervals([[5, 20], [30, 40]])]);
    expect(union.segments(0, 30)).toEqual([{ start: 0, end: 20 }, { start: 30, end: 40 }]);
  });
});

describe("Timeline", () => {
  it("finds conflicts, merges touching blocks and finds gaps", () => {
    const t = new Timeline();
    t.insert(10, 20);
    t.insert(30, 40);
    t.insert(20, 30);
    expect(t.conflictEnd(0, 10)).toBe(-1);
    expect(t.conflictEnd(5, 11)).toBe(40);
    expect(t.nextGap(0, 10)).toBe(0);
    expect(t.nextGap(0, 11)).toBe(40);
    t.insert(50, 60);
    expect(t.nextGap(35, 10)).toBe(40);
    expect(t.nextGap(35, 11)).toBe(60);
  });
});
