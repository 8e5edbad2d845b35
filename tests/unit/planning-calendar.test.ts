import { describe, expect, it } from "vitest";
import { endOfWork, workingTimeBetween } from "~/features/planning/calendar";

// Moving a batch on the board keeps its working time: a batch planned late in the day runs on into the next
// morning, and moved elsewhere it takes the same working hours, not the same clock span.

const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" }));
const paris = "Europe/Paris"; // UTC+1 in November 2026
const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

describe("working time on the board", () => {
  it("counts only working hours inside a span", () => {
    // Monday 16:00 to Tuesday 10:00 Paris: one hour on Monday, one on Tuesday.
    expect(workingTimeBetween(weekdays, paris, at("2026-11-23T15:00:00Z"), at("2026-11-24T09:00:00Z"))).toBe(2 * HOUR);
    expect(workingTimeBetween(weekdays, paris, at("2026-11-23T08:00:00Z"), at("2026-11-23T10:00:00Z"))).toBe(2 * HOUR);
    // Saturday: nothing.
    expect(workingTimeBetween(weekdays, paris, at("2026-11-28T09:00:00Z"), at("2026-11-28T12:00:00Z"))).toBe(0);
  });

  it("ends work inside the day when it fits, and runs on to the next working morning when it does not", () => {
    expect(endOfWork(weekdays, paris, at("2026-11-25T08:00:00Z"), 2 * HOUR)).toEqual(at("2026-11-25T10:00:00Z"));
    // Wednesday 16:30 + 2 h: 30 minutes on Wednesday, 90 on Thursday from 09:00 -> 10:30 Paris.
    expect(endOfWork(weekdays, paris, at("2026-11-25T15:30:00Z"), 2 * HOUR)).toEqual(at("2026-11-26T09:30:00Z"));
    // Friday 16:30 + 2 h runs over the weekend to Monday 10:30 Paris.
    expect(endOfWork(weekdays, paris, at("2026-11-27T15:30:00Z"), 2 * HOUR)).toEqual(at("2026-11-30T09:30:00Z"));
    // Exactly to the end of the day.
    expect(endOfWork(weekdays, paris, at("2026-11-25T14:00:00Z"), 2 * HOUR)).toEqual(at("2026-11-25T16:00:00Z"));
  });

  it("refuses a start outside working hours", () => {
    expect(endOfWork(weekdays, paris, at("2026-11-25T17:30:00Z"), HOUR)).toBeNull(); // 18:30 Paris
    expect(endOfWork(weekdays, paris, at("2026-11-28T10:00:00Z"), HOUR)).toBeNull(); // Saturday
    expect(endOfWork(weekdays, paris, at("2026-11-25T07:59:00Z"), HOUR)).toBeNull(); // 08:59 Paris
  });
});
