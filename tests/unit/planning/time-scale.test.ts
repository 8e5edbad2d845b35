import { describe, expect, it } from "vitest";
import { assignLanes, daySpan, TimeScale } from "~/features/planning/components/time-scale";
import { zoneLabel } from "~/server/time-zone";

// The board's scale and studio-time labels, on fixed instants: nothing here reads the machine's zone or clock.

describe("the zone label", () => {
  it("names the zone with its offset at that instant", () => {
    expect(zoneLabel("Europe/Paris", new Date("2026-01-10T12:00:00Z"))).toBe("Europe/Paris (UTC+1)");
    expect(zoneLabel("Europe/Paris", new Date("2026-07-10T12:00:00Z"))).toBe("Europe/Paris (UTC+2)");
    expect(zoneLabel("Asia/Kolkata", new Date("2026-01-10T12:00:00Z"))).toBe("Asia/Kolkata (UTC+5:30)");
    expect(zoneLabel("America/New_York", new Date("2026-01-10T12:00:00Z"))).toBe("America/New_York (UTC−5)");
    expect(zoneLabel("Europe/London", new Date("2026-01-10T12:00:00Z"))).toBe("Europe/London (UTC)");
  });
});

describe("the board's scale", () => {
  const scale = new TimeScale(["2026-03-02", "2026-03-03"], "Europe/Paris", 9 * 60, 17 * 60, 24);

  it("places instants in the working span of each shown day, and clamps the rest to the edges", () => {
    expect(scale.dayWidth).toBe(192);
    expect(scale.x(Date.parse("2026-03-02T08:00:00Z"))).toBe(0); // 09:00 Paris
    expect(scale.x(Date.parse("2026-03-02T10:00:00Z"))).toBe(48); // 11:00
    expect(scale.x(Date.parse("2026-03-02T20:00:00Z"))).toBe(192); // evening: end of Monday = start of Tuesday
    expect(scale.x(Date.parse("2026-03-03T09:00:00Z"))).toBe(216);
    expect(scale.x(Date.parse("2026-03-05T09:00:00Z"))).toBe(384);
    expect(scale.shows(Date.parse("2026-03-02T17:00:00Z"), Date.parse("2026-03-02T18:00:00Z"))).toBe(false);
    expect(scale.ticks().filter((t) => t.label).map((t) => t.label)).toEqual(["10:00", "12:00", "14:00", "16:00", "10:00", "12:00", "14:00", "16:00"]);
  });

  it("keeps wall-clock hours across a clock change (Paris, Sunday 29 March 2026 is 23 hours long)", () => {
    const spring = new TimeScale(["2026-03-28", "2026-03-29", "2026-03-30"], "Europe/Paris", 9 * 60, 17 * 60, 24);
    expect(spring.x(Date.parse("2026-03-28T08:00:00Z"))).toBe(0); // Saturday 09:00 CET
    expect(spring.x(Date.parse("2026-03-29T07:00:00Z"))).toBe(192); // Sunday 09:00 CEST
    expect(spring.x(Date.parse("2026-03-30T11:00:00Z"))).toBe(384 + 96); // Monday 13:00 CEST
  });

  it("widens the hours to show work outside them", () => {
    const evening = { startAt: new Date("2026-03-02T18:40:00Z"), endAt: new Date("2026-03-02T19:20:00Z") }; // 19:40–20:20 Paris
    const overnight = { startAt: new Date("2026-03-02T15:30:00Z"), endAt: new Date("2026-03-03T08:30:00Z") };
    expect(daySpan("Europe/Paris", 540, 1020, [overnight])).toEqual([540, 1020]);
    expect(daySpan("Europe/Paris", 540, 1020, [evening, overnight])).toEqual([540, 1260]);
  });

  it("puts batches that would cover each other on separate lanes, by their drawn width", () => {
    const { lanes, count } = assignLanes([
      { id: "a", left: 0, width: 32 },
      { id: "b", left: 10, width: 32 },
      { id: "c", left: 20, width: 32 },
      { id: "d", left: 80, width: 32 },
    ]);
    expect([lanes.get("a"), lanes.get("b"), lanes.get("c"), lanes.get("d")]).toEqual([0, 1, 2, 0]);
    expect(count).toBe(3);
  });
});
