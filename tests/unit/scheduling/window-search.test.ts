import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { solveStudio, validatePlan, type StudioProblem } from "~/server/scheduling";
import { generateStudioProblem } from "~/server/scheduling/studio/generator";
import { createRng } from "~/server/scheduling/prng";
import { decode, eddPriority } from "~/server/scheduling/studio/construct";
import { canonicalLineLots, prepareWork } from "~/server/scheduling/studio/lots";
import { buildModel } from "~/server/scheduling/studio/model";
import { toPlannedBatches } from "~/server/scheduling/studio/output";
import { replayPlan } from "~/server/scheduling/studio/replay";
import { WindowSearch } from "~/server/scheduling/studio/window";
import { studioProblemArb } from "./helpers";

// The improvement phase's window moves re-decode part of a plan against the fixed rest of it. These tests drive
// them harder than the search does: every other feasible move is kept even when it is worse, so the plans wander
// far from the decoder's, and the rejected half checks that undoing a move restores the timelines exactly.

function stress(problem: StudioProblem, moves: number, seed: number) {
  const model = buildModel(problem);
  const work = prepareWork(model, problem.previousPlan?.batches, undefined);
  const priority = eddPriority(model, work);
  const lineLots = canonicalLineLots(model.lines.length, work.lots);
  const start = decode(model, work, priority, { window: 120, stagger: 0.005 });
  const search = new WindowSearch(model, work, start, priority, lineLots);
  const rng = createRng(seed);
  let kept = 0;
  for (let i = 0; i < moves; i++) {
    const late = lineLots.flatMap((lots, line) => (search.evaluation.lateMask[line] ? lots : []));
    const lateLot = late.length > 0 && rng.next() < 0.5 ? late[rng.int(late.length)] : undefined;
    const params = { window: [0, 120, 1440][rng.int(3)]!, stagger: [0, 0.005, 0.2][rng.int(3)]! };
    if (search.propose(rng, params, lateLot) === null) continue;
    if (rng.next() < 0.5) {
      search.reject();
      continue;
    }
    search.accept();
    kept++;
  }
  const batches = toPlannedBatches(model, work, search.snapshot());
  // The objective kept up move by move equals the one computed from scratch for the resulting batches.
  const fromScratch = replayPlan(problem, model, work, batches);
  return { kept, batches, objective: search.evaluation.objective, fromScratch: fromScratch?.objective, start: start.objective };
}

describe("window moves", () => {
  it("keep plans valid and their objective exact on random instances (property)", () => {
    let kept = 0;
    fc.assert(
      fc.property(studioProblemArb, fc.integer({ min: 1, max: 99 }), (problem, seed) => {
        const run = stress(problem, 30, seed);
        expect(validatePlan(problem, { batches: run.batches })).toEqual([]);
        expect(run.fromScratch).toBe(run.objective);
        kept += run.kept;
      }),
      { seed: 31, numRuns: 60 },
    );
    expect(kept).toBeGreaterThan(100);
  }, 60_000);

  it("keep re-plans valid around started and locked batches after `nowMinute` (property)", () => {
    fc.assert(
      fc.property(studioProblemArb, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 3000 }), (problem, lockCount, now) => {
        const first = solveStudio({ ...problem, options: { maxIterations: 5, seed: 1, computeNaive: false } });
        const kept = [...first.batches].sort((a, b) => a.start - b.start).slice(0, lockCount);
        const keptIds = new Set(kept.map((b) => b.id));
        const batches = first.batches.map((b, i) => (keptIds.has(b.id) ? { ...b, status: i % 2 ? ("locked" as const) : ("started" as const) } : b));
        const nowMinute = Math.max(now, ...kept.map((b) => b.start));
        const changed: StudioProblem = { ...problem, previousPlan: { batches }, options: { nowMinute } };
        const run = stress(changed, 30, lockCount);
        expect(validatePlan(changed, { batches: run.batches })).toEqual([]);
        for (const b of run.batches) if (!keptIds.has(b.id)) expect(b.start).toBeGreaterThanOrEqual(nowMinute);
      }),
      { seed: 32, numRuns: 40 },
    );
  }, 60_000);

  it("keep the Berlin studio valid across the spring clock change", () => {
    const problem = JSON.parse(readFileSync("src/server/scheduling/examples/studio-berlin-spring.json", "utf8")) as StudioProblem;
    const run = stress(problem, 200, 7);
    expect(run.kept).toBeGreaterThan(0);
    expect(validatePlan(problem, { batches: run.batches })).toEqual([]);
    expect(run.fromScratch).toBe(run.objective);
  });

  it("move work on a generated studio, and an unchanged re-plan replays the moved plan exactly", () => {
    const problem = generateStudioProblem({ orderLines: 120, seed: 4 });
    const run = stress(problem, 150, 3);
    expect(run.kept).toBeGreaterThan(5);
    expect(validatePlan(problem, { batches: run.batches })).toEqual([]);
    expect(run.fromScratch).toBe(run.objective);

    // 24 iterations are all window moves (the first full decode is the 25th).
    const first = solveStudio({ ...problem, options: { maxIterations: 24, seed: 2, computeNaive: false } });
    expect(first.stats.decodes).toBe(0);
    expect(first.objective).toBeLessThan(first.stats.constructiveObjective);
    const again = solveStudio({ ...problem, previousPlan: first, options: { timeLimitMs: 0, computeNaive: false } });
    expect(again.batches).toEqual(first.batches);
    expect(again.objective).toBe(first.objective);
  });

  it("replays a plan whose lines were split into lots of different sizes", () => {
    // A greedy mapping of batch items back onto lots (first lots that fit, in line order) fails on this plan.
    const problem = generateStudioProblem({ orderLines: 400, seed: 2 });
    const first = solveStudio({ ...problem, options: { maxIterations: 60, timeLimitMs: 60_000, seed: 1, computeNaive: false } });
    const replan: StudioProblem = { ...problem, previousPlan: first };
    const model = buildModel(replan);
    const work = prepareWork(model, first.batches, undefined);
    expect(replayPlan(replan, model, work, first.batches)?.objective).toBe(first.objective);
  }, 30_000);
});
