import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SchedulingError, solveStudio, validatePlan, type StudioPlan } from "~/server/scheduling";
import { generateStudioProblem } from "~/server/scheduling/studio/generator";
import { planNaive } from "~/server/scheduling/studio/solve";
import { dayShifts, sampleProblem, studioProblemArb } from "./helpers";

/** Everything but wall-clock timings. */
function stable(plan: StudioPlan): unknown {
  return { ...plan, stats: { ...plan.stats, constructiveMs: 0, elapsedMs: 0 } };
}

describe("studio planner", () => {
  it("returns valid plans on random instances (planner and naive plan)", () => {
    fc.assert(
      fc.property(studioProblemArb, fc.integer({ min: 1, max: 99 }), (problem, seed) => {
        const plan = solveStudio({ ...problem, options: { maxIterations: 15, timeLimitMs: 60_000, seed } });
        expect(validatePlan(problem, plan)).toEqual([]);
        expect(validatePlan(problem, planNaive(problem))).toEqual([]);
        expect(plan.summary.setups).toBeLessThanOrEqual(plan.naive!.setups);
      }),
      { seed: 2024, numRuns: 60 },
    );
  }, 60_000);

  it("plans the sample studio: batches families across designs, respects due-date inputs, emits ISO times", () => {
    const problem = sampleProblem();
    const plan = solveStudio({ ...problem, options: { maxIterations: 50, seed: 1 } });
    expect(validatePlan(problem, plan)).toEqual([]);
    const cut = plan.batches.filter((b) => b.family === "cut");
    expect(cut.some((b) => new Set(b.items.map((i) => i.designId)).size > 1)).toBe(true);
    expect(plan.summary.setups).toBeLessThan(plan.naive!.setups);
    expect(plan.savings!.setupHours).toBeGreaterThan(0);
    const l1 = plan.orderLines.find((l) => l.orderLineId === "L1")!;
    expect(l1.dueMinute).toBe(2 * 1440 + 17 * 60);
    const first = plan.batches[0]!;
    expect(first.startAt).toBe(new Date(Date.parse(problem.horizonStart!) + first.start * 60_000).toISOString());
    const tumble = plan.batches.find((b) => b.stationId === "tumbler")!;
    expect(tumble.run!.end - tumble.run!.start).toBe(120);
    const l4 = plan.batches.flatMap((b) => b.items).find((i) => i.orderLineId === "L4")!;
    expect(l4.variantId).toBe("pendant-gold");
  });

  it("is deterministic for a seed and an iteration cap", () => {
    const problem = generateStudioProblem({ orderLines: 60, seed: 5 });
    const options = { maxIterations: 25, timeLimitMs: 60_000, seed: 17 };
    const a = solveStudio({ ...problem, options });
    const b = solveStudio({ ...problem, options });
    expect(stable(b)).toEqual(stable(a));
    expect(a.stats.iterations).toBe(25);
    expect(generateStudioProblem({ orderLines: 60, seed: 5 })).toEqual(problem);
  });

  it("re-plans from a previous plan keeping started and locked batches fixed", () => {
    fc.assert(
      fc.property(studioProblemArb, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 3000 }), fc.boolean(), (problem, lockCount, now, withSearch) => {
        const first = solveStudio({ ...problem, options: { maxIterations: 5, seed: 1 } });
        const byStart = [...first.batches].sort((a, b) => a.start - b.start);
        const kept = byStart.slice(0, lockCount).map((b, i) => ({ ...b, status: i % 2 ? ("locked" as const) : ("started" as const) }));
        const keptIds = new Set(kept.map((b) => b.id));
        const previous = first.batches.map((b) => kept.find((k) => k.id === b.id) ?? b);
        // The change: a rush order arrives and an existing line gets an earlier due date.
        const changed = {
          ...problem,
          orderLines: [
            ...problem.orderLines.map((l, i) => (i === 0 ? { ...l, dueMinute: 0 } : l)),
            { id: "rush", orderId: "rush", designId: problem.designs[0]!.id, quantity: 3, dueMinute: 500 },
          ],
          previousPlan: { batches: previous, search: withSearch ? first.search : undefined },
          options: { maxIterations: 10, seed: 2, nowMinute: Math.max(now, ...kept.map((b) => b.start)) },
        };
        const next = solveStudio(changed);
        expect(validatePlan(changed, next)).toEqual([]);
        // Started batches stay; a pinned one stays unless its earlier steps can no longer reach it in time.
        const released = new Set(next.released ?? []);
        for (const k of kept) {
          if (released.has(k.id)) expect(k.status).toBe("locked");
          else expect(next.batches.find((b) => b.id === k.id)).toEqual(k);
        }
        for (const b of next.batches) if (!keptIds.has(b.id)) expect(b.start).toBeGreaterThanOrEqual(changed.options.nowMinute);
      }),
      { seed: 99, numRuns: 40 },
    );
  }, 60_000);

  it("reproduces the previous plan when re-planning without changes", () => {
    const problem = generateStudioProblem({ orderLines: 80, seed: 8 });
    const first = solveStudio({ ...problem, options: { maxIterations: 20, seed: 1 } });
    const again = solveStudio({ ...problem, previousPlan: first, options: { maxIterations: 0, timeLimitMs: 0 } });
    expect(again.batches).toEqual(first.batches);
    expect(again.search).toEqual(first.search);
    const withoutSearch = solveStudio({ ...problem, previousPlan: { batches: first.batches }, options: { timeLimitMs: 0 } });
    expect(validatePlan(problem, withoutSearch)).toEqual([]);
  });

  it("fails clearly when calendars run out", () => {
    const problem = sampleProblem();
    problem.people = [{ id: "ana", calendar: dayShifts(1) }];
    expect(() => solveStudio(problem)).toThrow(SchedulingError);
  });

  it("rejects invalid input with a message", () => {
    const problem = sampleProblem();
    problem.orderLines[0]!.designId = "nope";
    expect(() => solveStudio(problem)).toThrow(/unknown design "nope"/);
    expect(validatePlan(problem, { batches: [] })[0]).toMatchObject({ code: "input" });
  });

  it("cuts setup hours by at least 40% versus the naive plan on generated demand", () => {
    const problem = generateStudioProblem({ orderLines: 150, seed: 3 });
    const plan = solveStudio({ ...problem, options: { maxIterations: 5 } });
    expect(plan.summary.setupHours).toBeLessThanOrEqual(0.6 * plan.naive!.setupHours);
    expect(validatePlan(problem, plan)).toEqual([]);
  });
});
