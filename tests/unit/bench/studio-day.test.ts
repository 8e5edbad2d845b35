import { describe, expect, it } from "vitest";
import { studioDay } from "~/features/bench/server/queue";

// The bench's "today" is the studio's local calendar day, whatever the offset does that day.
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
});
