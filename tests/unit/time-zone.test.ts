import { describe, expect, it } from "vitest";
import { studioDay, studioWeek } from "~/server/time-zone";

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
