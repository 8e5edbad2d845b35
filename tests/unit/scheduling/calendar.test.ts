import fc from "fast-check";
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

  // Minutes from the horizon start back to UTC ISO instants, to compare with the local times they mean.
  const utc = (horizon: string, intervals: Array<[number, number]>) =>
    intervals.map(([s, e]) => [new Date(Date.parse(horizon) + s * 60_000).toISOString(), new Date(Date.parse(horizon) + e * 60_000).toISOString()]);

  it("keeps shifts at local wall-clock times across the spring and autumn clock changes (Europe/Berlin)", () => {
    const everyDay = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: "08:00", end: "16:00" }));
    // Saturday 29 March 2025 (UTC+1), Sunday 30 March: clocks go forward at 02:00, Monday 31 March (UTC+2).
    const spring = "2025-03-29T00:00:00+01:00";
    expect(utc(spring, expandWeeklyCalendar(everyDay, spring, 3, "Europe/Berlin"))).toEqual([
      ["2025-03-29T07:00:00.000Z", "2025-03-29T15:00:00.000Z"],
      ["2025-03-30T06:00:00.000Z", "2025-03-30T14:00:00.000Z"],
      ["2025-03-31T06:00:00.000Z", "2025-03-31T14:00:00.000Z"],
    ]);
    // Sunday 26 October 2025: clocks go back at 03:00 to 02:00.
    const autumn = "2025-10-25T00:00:00+02:00";
    expect(utc(autumn, expandWeeklyCalendar(everyDay, autumn, 3, "Europe/Berlin"))).toEqual([
      ["2025-10-25T06:00:00.000Z", "2025-10-25T14:00:00.000Z"],
      ["2025-10-26T07:00:00.000Z", "2025-10-26T15:00:00.000Z"],
      ["2025-10-27T07:00:00.000Z", "2025-10-27T15:00:00.000Z"],
    ]);
  });

  it("gives a boundary in the skipped hour the moment of the jump", () => {
    // Berlin, Sunday 30 March 2025: 02:00 CET is followed by 03:00 CEST (01:00 UTC).
    const horizon = "2025-03-30T00:00:00+01:00";
    const sunday = (start: string, end: string) => utc(horizon, expandWeeklyCalendar([{ weekday: 0, start, end }], horizon, 1, "Europe/Berlin"));
    expect(sunday("01:30", "02:30")).toEqual([["2025-03-30T00:30:00.000Z", "2025-03-30T01:00:00.000Z"]]); // 30 real minutes
    expect(sunday("02:30", "04:00")).toEqual([["2025-03-30T01:00:00.000Z", "2025-03-30T02:00:00.000Z"]]); // starts at 03:00 CEST
    expect(sunday("02:00", "02:45")).toEqual([]); // wholly skipped: no work that night
    expect(sunday("00:00", "24:00")).toEqual([["2025-03-29T23:00:00.000Z", "2025-03-30T22:00:00.000Z"]]); // a 23-hour day
    // Pacific/Chatham, Sunday 28 September 2025: 02:45 +12:45 jumps to 03:45 +13:45 (14:00 UTC on the 27th).
    const chatham = "2025-09-28T00:00:00+12:45";
    expect(utc(chatham, expandWeeklyCalendar([{ weekday: 0, start: "03:00", end: "04:00" }], chatham, 1, "Pacific/Chatham"))).toEqual([
      ["2025-09-27T14:00:00.000Z", "2025-09-27T14:15:00.000Z"],
    ]);
  });

  it("gives a boundary in the repeated hour its first occurrence, and works through the repeat", () => {
    // Berlin, Sunday 26 October 2025: 02:00–03:00 happens twice, first at UTC+2 (00:00 UTC), then at UTC+1.
    const horizon = "2025-10-26T00:00:00+02:00";
    const sunday = (start: string, end: string) => utc(horizon, expandWeeklyCalendar([{ weekday: 0, start, end }], horizon, 1, "Europe/Berlin"));
    expect(sunday("00:00", "02:30")).toEqual([["2025-10-25T22:00:00.000Z", "2025-10-26T00:30:00.000Z"]]);
    expect(sunday("02:30", "04:00")).toEqual([["2025-10-26T00:30:00.000Z", "2025-10-26T03:00:00.000Z"]]); // 2.5 real hours
    expect(sunday("02:15", "02:45")).toEqual([["2025-10-26T00:15:00.000Z", "2025-10-26T00:45:00.000Z"]]);
    expect(sunday("00:00", "24:00")).toEqual([["2025-10-25T22:00:00.000Z", "2025-10-26T23:00:00.000Z"]]); // a 25-hour day
    // New York, Sunday 2 November 2025: 01:00–02:00 repeats (EDT then EST).
    const ny = "2025-11-02T00:00:00-04:00";
    expect(utc(ny, expandWeeklyCalendar([{ weekday: 0, start: "01:30", end: "03:00" }], ny, 1, "America/New_York"))).toEqual([
      ["2025-11-02T05:30:00.000Z", "2025-11-02T08:00:00.000Z"],
    ]);
  });

  it("handles half- and quarter-hour zones and days off by their local date", () => {
    const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "08:00", end: "16:00" }));
    // Kolkata is UTC+5:30; the horizon starts at 20:00 UTC on Sunday = 01:30 Monday local.
    const horizon = "2025-06-01T20:00:00Z";
    expect(utc(horizon, expandWeeklyCalendar(weekdays, horizon, 2, "Asia/Kolkata", ["2025-06-03"]))).toEqual([
      ["2025-06-02T02:30:00.000Z", "2025-06-02T10:30:00.000Z"],
    ]);
    // Kathmandu is UTC+5:45.
    expect(utc(horizon, expandWeeklyCalendar(weekdays, horizon, 1, "Asia/Kathmandu"))).toEqual([["2025-06-02T02:15:00.000Z", "2025-06-02T10:15:00.000Z"]]);
  });

  it("rejects an unknown zone, and a calendar with both a zone and an offset", () => {
    expect(() => expandWeeklyCalendar([{ weekday: 1, start: "09:00", end: "10:00" }], "2025-03-03T00:00:00Z", 7, "Mars/Olympus")).toThrow(/unknown time zone/);
    const both = { weekly: [{ weekday: 1, start: "09:00", end: "10:00" }], timeZone: "Europe/Berlin", utcOffsetMinutes: 60 };
    expect(() => WorkCalendar.from(both, "2025-03-03T00:00:00Z")).toThrow(/either timeZone or utcOffsetMinutes/);
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

  it("extends zoned weekly calendars lazily across many clock changes", () => {
    // Wednesdays 10:00–11:00 Berlin from 1 January 2025: 10:00 local is 09:00 UTC in winter, 08:00 in summer.
    const weekly = WorkCalendar.from({ weekly: [{ weekday: 3, start: "10:00", end: "11:00" }], timeZone: "Europe/Berlin" }, "2025-01-01T00:00:00Z");
    const wednesday = (weeks: number) => new Date(Date.parse("2025-01-01T00:00:00Z") + weekly.nextWorking(weeks * 7 * 1440) * 60_000).toISOString();
    expect(wednesday(0)).toBe("2025-01-01T09:00:00.000Z");
    expect(wednesday(28)).toBe("2025-07-16T08:00:00.000Z");
    expect(wednesday(100)).toBe("2026-12-02T09:00:00.000Z");
    expect(wednesday(128)).toBe("2027-06-16T08:00:00.000Z");
  });

  it("extends weekly calendars lazily far beyond the first expansion", () => {
    const weekly = WorkCalendar.from({ weekly: [{ weekday: 3, start: "10:00", end: "11:00" }] }, "2025-01-01T00:00:00Z");
    // 2025-01-01 is a Wednesday; 100 weeks later is still a Wednesday.
    expect(weekly.nextWorking(100 * 7 * 1440)).toBe(100 * 7 * 1440 + 600);
    expect(weekly.toWork(100 * 7 * 1440)).toBe(100 * 60);
  });

  it("answers lookups the same whatever order they come in (the last answer is only a starting point)", () => {
    const intervalsArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 300 })), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(intervalsArb, fc.array(fc.integer({ min: -50, max: 5500 }), { minLength: 1, maxLength: 60 }), (parts, queries) => {
        const input = parts.map(([s, len]): [number, number] => [s, s + len]);
        const shuffled = WorkCalendar.fromIntervals(input);
        const answers = (c: WorkCalendar, t: number) => [c.nextWorking(t), c.toWork(t), c.fromWork(Math.max(0, t)), c.covers(t, t + 5)];
        for (const t of queries) expect(answers(shuffled, t)).toEqual(answers(WorkCalendar.fromIntervals(input), t));
        for (const t of queries) {
          const start = shuffled.nextWorking(t);
          // The slot search computes a load's end from the work minute of its (working) start.
          if (start !== Infinity) expect(shuffled.fromWork(shuffled.toWork(start) + 29) + 1).toBe(shuffled.finish(start, 30));
        }
      }),
      { seed: 17, numRuns: 200 },
    );
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
