import { beforeAll, describe, expect, it } from "vitest";
import { solveStudio, validatePlan, type PlannedBatch, type StudioPlan, type StudioProblem, type Violation } from "~/server/scheduling";
import { sampleProblem } from "./helpers";

let problem: StudioProblem;
let plan: StudioPlan;

beforeAll(() => {
  problem = sampleProblem();
  plan = solveStudio({ ...problem, options: { maxIterations: 30, seed: 4 } });
});

function mutate(change: (batches: PlannedBatch[]) => void, p: StudioProblem = problem): Violation["code"][] {
  const batches = structuredClone(plan.batches);
  change(batches);
  return validatePlan(p, { batches }).map((v) => v.code);
}

const find = (batches: PlannedBatch[], test: (b: PlannedBatch) => boolean) => {
  const found = batches.find(test);
  if (!found) throw new Error("fixture batch not found");
  return found;
};

const shift = (b: PlannedBatch, minutes: number) => {
  b.start += minutes;
  b.end += minutes;
  b.personSegments = b.personSegments.map((s) => ({ start: s.start + minutes, end: s.end + minutes }));
  if (b.run) b.run = { start: b.run.start + minutes, end: b.run.end + minutes };
};

describe("validatePlan", () => {
  it("accepts the planner's output", () => {
    expect(validatePlan(problem, plan)).toEqual([]);
  });

  it("detects a step started before its previous step finished", () => {
    const codes = mutate((bs) => {
      const solder = find(bs, (b) => b.stationId === "solder");
      shift(solder, -(solder.start - 480 - 0));
    });
    expect(codes).toContain("precedence");
  });

  it("detects overlapping batches on one station unit and for one person", () => {
    const codes = mutate((bs) => {
      const a = find(bs, (b) => b.stationId === "bench");
      const b = find(bs, (x) => x.stationId === "bench" && x !== a);
      b.stationUnit = a.stationUnit;
      b.personId = a.personId;
      shift(b, a.start - b.start);
    });
    expect(codes).toContain("station-overlap");
    expect(codes).toContain("person-overlap");
  });

  it("detects a station unit that does not exist and an unskilled person", () => {
    expect(mutate((bs) => void (find(bs, (b) => b.stationId === "solder").stationUnit = 1))).toContain("station");
    expect(mutate((bs) => void (find(bs, (b) => b.stationId === "solder").personId = "ben"))).toContain("skill");
  });

  it("detects work outside working hours", () => {
    const codes = mutate((bs) => shift(find(bs, (b) => b.stationId === "solder"), 12 * 60));
    expect(codes).toContain("calendar");
  });

  it("detects exceeded batch capacity and missing pieces", () => {
    const over = mutate((bs) => {
      const solder = find(bs, (b) => b.stationId === "solder");
      solder.items[0]!.pieces += 20;
      solder.pieces += 20;
    });
    expect(over).toContain("capacity");
    expect(over).toContain("quantity");
    expect(mutate((bs) => bs.splice(bs.length - 1, 1))).toContain("quantity");
  });

  it("detects batches mixing families", () => {
    const codes = mutate((bs) => {
      const shape = find(bs, (b) => b.items.some((i) => i.stepId === "shape"));
      const cut = find(bs, (b) => b.family === "cut" && b.stationId === shape.stationId);
      cut.items.push({ ...shape.items[0]!, pieces: 1 });
    });
    expect(codes).toContain("family");
  });

  it("detects wrong durations and unattended runs cut short", () => {
    expect(mutate((bs) => void (find(bs, (b) => b.stationId === "bench").personSegments[0]!.end -= 1))).toContain("duration");
    const codes = mutate((bs) => {
      const t = find(bs, (b) => b.stationId === "tumbler");
      t.run!.end -= 30;
    });
    expect(codes).toContain("duration");
  });

  it("detects starts before release and moved locked batches", () => {
    const released = structuredClone(problem);
    released.orderLines.forEach((l) => (l.releaseMinute = 5000));
    expect(mutate(() => {}, released)).toContain("release");

    const locked = structuredClone(plan.batches[0]!);
    locked.status = "started";
    const withPrevious: StudioProblem = { ...problem, previousPlan: { batches: [locked] } };
    expect(mutate((bs) => shift(find(bs, (b) => b.id === locked.id), 60), withPrevious)).toContain("locked");
  });
});
