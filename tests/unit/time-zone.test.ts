import { describe, expect, it } from "vitest";
import {
  addDays, dayOf, daysBetween, endOfStudioDay, formatInZone, isDay, isValidTimeZone, mondayOf, startOfStudioDay, studioDay, studioDayRange, studioDays,
  studioTime, studioToday, studioWeek, utcOffsetMinutes, wallMinutesOf, weekdayOf,
} from "~/server/time-zone";

// The bench's "today" and "this week" are the studio's local calendar day and Monday week, whatever the
// offset does on them.
describe("studioDay", () => {
  const iso = ([start, end]: [Date, Date]) => [start.toISOString(), end.toISOString()];

  it("is local midnight to local midnight in winter and summer", () => {
    expect(iso(studioDay("Europe/Paris", new Date("2026-11-25T15:00:00Z")))).toEqual(["2026-11-24T23:00:00.000Z", "2026-11-25T23:00:00.000Z"]);
    expect(iso(studioDay("Europe/Paris", new Date("2026-07-01T23:30:00Z")))).toEqual(["2026-07-01T22:00:00.000Z", "2026-07-02T22:00:00.000Z"]);
    expect(iso(studioDay("America/New_York", new Date("2026-11-25T03:00:00Z")))).toEqual(["2026-11-24T05:00:00.000Z", "2026-11-25T05:00:00.000Z"]);
    expect(iso(studioDay("Asia/Kolkata", new Date("2026-11-25T20:00:00Z")))).toEqual(["2026-11-25T18:30:00.000Z", "2026-11-26T18:30:00.000Z"]);
  });

  it("is 23 hours on the spring-forward day and 25 on the fall-back day", () => {
    // Paris: clocks go forward on 29 March 2026 and back on 25 October 2026.
    expect(iso(studioDay("Europe/Paris", new Date("2026-03-29T12:00:00Z")))).toEqual(["2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z"]);
    expect(iso(studioDay("Europe/Paris", new Date("2026-03-28T23:30:00Z")))).toEqual(["2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z"]);
    expect(iso(studioDay("Europe/Paris", new Date("2026-10-25T12:00:00Z")))).toEqual(["2026-10-24T22:00:00.000Z", "2026-10-25T23:00:00.000Z"]);
    expect(iso(studioDay("Europe/Paris", new Date("2026-10-25T22:30:00Z")))).toEqual(["2026-10-24T22:00:00.000Z", "2026-10-25T23:00:00.000Z"]);
  });

  it("weeks run Monday 00:00 to Monday 00:00 local, across a clock change", () => {
    // Sunday 29 March 2026, Paris: the week began Monday 23 March (UTC+1) and ends Monday 30 March (UTC+2).
    expect(iso(studioWeek("Europe/Paris", new Date("2026-03-29T12:00:00Z")))).toEqual(["2026-03-22T23:00:00.000Z", "2026-03-29T22:00:00.000Z"]);
    // Monday 00:30 local is already the next week.
    expect(iso(studioWeek("Europe/Paris", new Date("2026-03-29T22:30:00Z")))).toEqual(["2026-03-29T22:00:00.000Z", "2026-04-05T22:00:00.000Z"]);
    expect(iso(studioWeek("Australia/Sydney", new Date("2026-11-25T15:00:00Z")))).toEqual(["2026-11-22T13:00:00.000Z", "2026-11-29T13:00:00.000Z"]);
  });
});

describe("studio days", () => {
  it("names the local day of an instant in half- and quarter-hour zones", () => {
    // 18:20 UTC is 23:50 in Kolkata (UTC+5:30) and 00:05 the next day in Kathmandu (UTC+5:45).
    expect(dayOf("Asia/Kolkata", new Date("2026-11-25T18:20:00Z"))).toBe("2026-11-25");
    expect(dayOf("Asia/Kathmandu", new Date("2026-11-25T18:20:00Z"))).toBe("2026-11-26");
    // Chatham is UTC+13:45 in (southern) summer: 10:14 UTC is 23:59, 10:15 UTC is midnight.
    expect(dayOf("Pacific/Chatham", new Date("2026-11-25T10:14:00Z"))).toBe("2026-11-25");
    expect(dayOf("Pacific/Chatham", new Date("2026-11-25T10:15:00Z"))).toBe("2026-11-26");
    expect(studioToday("America/New_York", new Date("2026-11-25T03:00:00Z"))).toBe("2026-11-24");
  });

  it("starts and ends days at local midnight, and due days at 23:59:59.999 local", () => {
    expect(startOfStudioDay("Asia/Kolkata", "2026-11-25").toISOString()).toBe("2026-11-24T18:30:00.000Z");
    expect(endOfStudioDay("Asia/Kolkata", "2026-11-25").toISOString()).toBe("2026-11-25T18:29:59.999Z");
    expect(endOfStudioDay("Australia/Sydney", "2026-11-27").toISOString()).toBe("2026-11-27T12:59:59.999Z");
    expect(endOfStudioDay("Pacific/Chatham", "2026-06-26").toISOString()).toBe("2026-06-26T11:14:59.999Z");
    // Berlin's spring-forward day is 23 hours long, its autumn day 25.
    expect(studioDayRange("Europe/Berlin", "2026-03-29", "2026-03-29").map((d) => d.toISOString())).toEqual(["2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z"]);
    expect(studioDays("Europe/Berlin", "2026-10-24", 3).map(({ day, start, end }) => [day, (end.getTime() - start.getTime()) / 3_600_000])).toEqual([
      ["2026-10-24", 24],
      ["2026-10-25", 25],
      ["2026-10-26", 24],
    ]);
  });

  it("does calendar arithmetic on days, with Monday weeks", () => {
    expect(addDays("2026-02-27", 2)).toBe("2026-03-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(mondayOf("2026-03-29")).toBe("2026-03-23");
    expect(mondayOf("2026-03-30")).toBe("2026-03-30");
    expect(weekdayOf("2026-03-29")).toBe(0);
    expect(isDay("2026-02-29")).toBe(false);
    expect(isDay("2028-02-29")).toBe(true);
  });

  it("reads and formats the studio's wall clock", () => {
    expect(wallMinutesOf("Asia/Kathmandu", new Date("2026-11-25T02:15:00Z"))).toBe(8 * 60);
    expect(studioTime("Europe/Berlin", new Date("2026-03-30T06:00:00Z"))).toBe("08:00");
    expect(studioTime("Europe/Berlin", new Date("2026-03-27T07:00:00Z"))).toBe("08:00");
    expect(formatInZone("Pacific/Chatham", new Date("2026-11-25T10:15:00Z"), "EEE d MMM HH:mm")).toBe("Thu 26 Nov 00:00");
    expect(utcOffsetMinutes("Pacific/Chatham", new Date("2026-11-25T10:15:00Z"))).toBe(825);
    expect(isValidTimeZone("Asia/Kathmandu")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});
