import { describe, expect, it } from "vitest";
import { SchedulingError, solveStudio, validatePlan, type StudioProblem } from "~/server/scheduling";
import { createInstance, parseTaillard } from "~/server/scheduling/flowshop";
import { sampleProblem } from "./helpers";

// Bad input is a SchedulingError with a message that names what to fix (the planner shows it to the studio);
// only a bug in the engine is a plain Error.

const cases: Array<[string, (problem: StudioProblem) => void, RegExp]> = [
  ["a duplicate station id", (p) => p.stations.push({ id: "bench" }), /duplicate station id "bench"/],
  ["a step at an unknown station", (p) => (p.designs[0]!.routing[0]!.stationId = "kiln"), /design "ring" step "cut": unknown station "kiln"/],
  ["a negative setup time", (p) => (p.designs[0]!.routing[0]!.setupMinutes = -1), /setupMinutes must be a number ≥ 0/],
  ["an order line of an unknown design", (p) => (p.orderLines[0]!.designId = "brooch"), /order line "L1": unknown design "brooch"/],
  ["a horizon start that is not a timestamp", (p) => (p.horizonStart = "next monday"), /horizonStart: invalid ISO timestamp "next monday"/],
  ["a due date that is not a timestamp", (p) => (p.orderLines[0]!.dueAt = "soon"), /order line "L1" dueAt: invalid ISO timestamp "soon"/],
  [
    "a shift with an impossible time",
    (p) => (p.people[0]!.calendar = { weekly: [{ weekday: 1, start: "08:00", end: "25:70" }], utcOffsetMinutes: 60 }),
    /person "ana" calendar: invalid time "25:70"/,
  ],
  [
    "an unknown time zone",
    (p) => (p.people[0]!.calendar = { weekly: [{ weekday: 1, start: "08:00", end: "16:00" }], timeZone: "Mars/Olympus" }),
    /person "ana" calendar: unknown time zone "Mars\/Olympus"/,
  ],
];

describe("engine input errors", () => {
  it.each(cases)("refuses %s: solve throws a SchedulingError, validate reports it as an input violation", (_, spoil, message) => {
    const problem = sampleProblem();
    spoil(problem);
    let thrown: unknown;
    try {
      solveStudio(problem);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SchedulingError);
    expect((thrown as Error).message).toMatch(message);
    expect(validatePlan(problem, { batches: [] })).toEqual([{ code: "input", message: (thrown as Error).message }]);
  });

  it("refuses a malformed flow-shop instance or Taillard file with a SchedulingError", () => {
    expect(() => createInstance(2, 2, [[1, 2], [3]])).toThrow(SchedulingError);
    expect(() => parseTaillard("not a benchmark")).toThrow(SchedulingError);
  });
});
