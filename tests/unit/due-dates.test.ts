import { describe, expect, it } from "vitest";
import { studioToday } from "~/server/time-zone";
import { assertDueDaysNotPast } from "~/features/orders/server/due-dates";

describe("the studio's today", () => {
  // 2026-03-01 23:30 UTC: still the 1st in London, already the 2nd in Berlin and Auckland, the 1st in Los Angeles.
  const now = new Date("2026-03-01T23:30:00Z");

  it("is the local day of the studio's time zone, not the server's", () => {
    expect(studioToday("Europe/London", now)).toBe("2026-03-01");
    expect(studioToday("Europe/Berlin", now)).toBe("2026-03-02");
    expect(studioToday("Pacific/Auckland", now)).toBe("2026-03-02");
    expect(studioToday("America/Los_Angeles", now)).toBe("2026-03-01");
  });

  it("accepts today and later, refuses earlier days naming the line", () => {
    expect(() => assertDueDaysNotPast([{ day: "2026-03-02", label: "Line 1" }], "Europe/Berlin", now)).not.toThrow();
    expect(() => assertDueDaysNotPast([{ day: "2026-03-01", label: "Line 2" }], "Europe/Berlin", now)).toThrow(
      "Line 2: the due date 2026-03-01 is in the past (today is 2026-03-02 in the studio's time zone). Choose today or a later day.",
    );
    expect(() => assertDueDaysNotPast([{ day: "2026-03-01", label: "Line 2" }], "America/Los_Angeles", now)).not.toThrow();
  });
});
