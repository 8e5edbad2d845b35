import { describe, expect, it } from "vitest";
import { solveStudio, validatePlan, type PlannedBatch, type StudioProblem } from "~/server/scheduling";
import { generateStudioProblem } from "~/server/scheduling/studio/generator";
import { sampleProblem } from "./helpers";

// Re-planning around pinned ("locked"), started and done batches: the engine plans each line's remaining
// work per step around them, keeps precedence, and the figures cover the same work however much is pinned.

const options = { maxIterations: 30, timeLimitMs: 60_000, seed: 1 };

/** Pieces per (line, step) over the plan's batches. */
function piecesPerStep(batches: PlannedBatch[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const b of batches) for (const i of b.items) out[`${i.orderLineId}#${i.stepIndex}`] = (out[`${i.orderLineId}#${i.stepIndex}`] ?? 0) + i.pieces;
  return out;
}

/** Pieces of a line that finished a step by minute t. */
function finishedBy(batches: PlannedBatch[], line: string, step: number, t: number): number {
  return batches
    .filter((b) => b.end <= t)
    .flatMap((b) => b.items)
    .filter((i) => i.orderLineId === line && i.stepIndex === step)
    .reduce((sum, i) => sum + i.pieces, 0);
}

describe("re-planning around pins", () => {
  it("pins only a later step: its earlier steps are planned before it, later ones after, nothing twice", () => {
    const problem = sampleProblem();
    const first = solveStudio({ ...problem, options });
    // Pin L3's tumble (its last step) a day later than planned, without pinning its cut or solder batches.
    const tumble = first.batches.find((b) => b.family === "tumble" && b.items.some((i) => i.orderLineId === "L3"))!;
    const pinned: PlannedBatch = { ...tumble, status: "locked" };
    const next: StudioProblem = { ...problem, previousPlan: { batches: [pinned] }, options };
    const plan = solveStudio(next);
    expect(validatePlan(next, plan)).toEqual([]);
    expect(plan.released).toBeUndefined();
    expect(plan.batches.find((b) => b.id === tumble.id)).toEqual(pinned);
    // Every line's every step exactly once: the pinned pieces are not planned again.
    const expected: Record<string, number> = {};
    for (const line of problem.orderLines) {
      const steps = problem.designs.find((d) => d.id === line.designId)!.routing.length;
      for (let k = 0; k < steps; k++) expected[`${line.id}#${k}`] = line.quantity;
    }
    expect(piecesPerStep(plan.batches)).toEqual(expected);
    for (const item of pinned.items) expect(finishedBy(plan.batches, item.orderLineId, item.stepIndex - 1, pinned.start)).toBeGreaterThanOrEqual(item.pieces);
  });

  it("uses hours that opened up: only the pinned batch stays, the rest moves to the new earliest time", () => {
    const problem = sampleProblem();
    // First plan with a late start (minute 2 days in), then re-plan from minute 0 with one batch pinned.
    const late = solveStudio({ ...problem, options: { ...options, nowMinute: 2 * 1440 } });
    const pinned: PlannedBatch = { ...late.batches.find((b) => b.family === "cut")!, status: "locked" };
    const next: StudioProblem = { ...problem, previousPlan: { batches: late.batches.map((b) => (b.id === pinned.id ? pinned : b)) }, options };
    const plan = solveStudio(next);
    expect(validatePlan(next, plan)).toEqual([]);
    const earliest = Math.min(...plan.batches.filter((b) => b.id !== pinned.id).map((b) => b.start));
    expect(earliest).toBeLessThan(2 * 1440);
    expect(plan.batches.find((b) => b.id === pinned.id)).toEqual(pinned);
  });

  it("releases a pin its pieces cannot reach in time, and says so", () => {
    const problem = sampleProblem();
    const first = solveStudio({ ...problem, options });
    // L3's solder batch (step 1) pinned at the very start of the plan: its cut cannot be done before it.
    const solder = first.batches.find((b) => b.family === "solder" && b.items.some((i) => i.orderLineId === "L3" && i.stepIndex === 1))!;
    const pinned: PlannedBatch = { ...solder, id: "pinned-early", start: 480, end: 480 + (solder.end - solder.start), personSegments: solder.personSegments.map((s) => ({ start: s.start - solder.start + 480, end: s.end - solder.start + 480 })), status: "locked" };
    expect(finishedBy(first.batches, "L3", 0, 480)).toBe(0);
    const next: StudioProblem = { ...problem, previousPlan: { batches: [pinned] }, options };
    const plan = solveStudio(next);
    expect(plan.released).toEqual([pinned.id]);
    expect(plan.warnings.join(" ")).toMatch(new RegExp(`pinned batch ${pinned.id} was released`));
    expect(plan.batches.some((b) => b.id === pinned.id)).toBe(false);
    expect(validatePlan(next, plan)).toEqual([]);
  });

  it("plans no further the pieces scrapped in started or done batches", () => {
    const problem = sampleProblem();
    const first = solveStudio({ ...problem, options });
    // L3's cut batches are done, 2 of its pieces scrapped there.
    const cuts = first.batches.filter((b) => b.items.some((i) => i.orderLineId === "L3" && i.stepIndex === 0));
    let toScrap = 2;
    const done = cuts.map((b) => ({
      ...b,
      status: "done" as const,
      items: b.items.map((i) => {
        if (i.orderLineId !== "L3" || toScrap === 0) return i;
        const scrapped = Math.min(toScrap, i.pieces);
        toScrap -= scrapped;
        return { ...i, scrapped };
      }),
    }));
    const next: StudioProblem = { ...problem, previousPlan: { batches: done }, options: { ...options, nowMinute: Math.max(...done.map((b) => b.end)) } };
    const plan = solveStudio(next);
    expect(validatePlan(next, plan)).toEqual([]);
    const sums = piecesPerStep(plan.batches);
    expect([sums["L3#0"], sums["L3#1"], sums["L3#2"]]).toEqual([12, 10, 10]);
  });

  it("keeps the plan figures comparable: the naive baseline does not change with pins, and savings hold", () => {
    const problem = generateStudioProblem({ orderLines: 40, seed: 4 });
    const first = solveStudio({ ...problem, options });
    const replan = (batches: PlannedBatch[]) => solveStudio({ ...problem, previousPlan: { batches }, options });
    const free = replan(first.batches);
    // Pin a third of the plan (the batches the planner chose anyway).
    const third = new Set([...first.batches].sort((a, b) => a.start - b.start).filter((_, i) => i % 3 === 0).map((b) => b.id));
    const pinned = replan(first.batches.map((b) => (third.has(b.id) ? { ...b, status: "locked" as const } : b)));
    expect(pinned.naive).toEqual(free.naive);
    expect(pinned.savings!.setupHours).toBeGreaterThan(0.8 * free.savings!.setupHours);
    // Done work is history: it counts in neither the plan nor the baseline.
    const doneFirst = [...first.batches].sort((a, b) => a.start - b.start)[0]!;
    const withDone = replan(first.batches.map((b) => (b.id === doneFirst.id ? { ...b, status: "done" as const } : b)));
    expect(withDone.summary.setups).toBe(withDone.batches.length - 1);
    expect(withDone.naive!.setups).toBeLessThan(free.naive!.setups);
  });
});
