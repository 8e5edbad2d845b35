import { describe, expect, it } from "vitest";
import { boardRange, BOARD_VIEW_DAYS, DEFAULT_BOARD_VIEW } from "~/features/planning/board-range";

// The plan page prefetches the board's opening range on the server and the board asks for it in the browser:
// both must get the same instants from the studio's zone and the anchor day, whatever zone the process runs in.
describe("boardRange", () => {
  const iso = ({ from, to }: { from: Date; to: Date }) => [from.toISOString(), to.toISOString()];

  it("is the studio's local midnights, a week across a clock change (167 hours) or a single day", () => {
    expect(DEFAULT_BOARD_VIEW).toBe("week");
    // Paris springs forward on Sunday 29 March 2026.
    expect(iso(boardRange("Europe/Paris", "2026-03-23", BOARD_VIEW_DAYS.week))).toEqual(["2026-03-22T23:00:00.000Z", "2026-03-29T22:00:00.000Z"]);
    expect(iso(boardRange("Pacific/Auckland", "2026-11-25", BOARD_VIEW_DAYS.day))).toEqual(["2026-11-24T11:00:00.000Z", "2026-11-25T11:00:00.000Z"]);
  });

  it("gives equal ranges for equal inputs (a query key built twice is the same key)", () => {
    expect(boardRange("Europe/London", "2026-11-30", 7)).toEqual(boardRange("Europe/London", "2026-11-30", 7));
  });
});
