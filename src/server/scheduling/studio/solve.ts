import { createRng, nowMs } from "../prng";
import type { PlannedBatch, StudioPlan, StudioProblem } from "../types";
import { decode, eddPriority, type Decoded, type DecodeParams } from "./construct";
import { improve, type Candidate } from "./improve";
import { canonicalize, canonicalLineLots, isFixed, prepareWork, type Work } from "./lots";
import { buildModel, type StudioModel } from "./model";
import { naiveDecode } from "./naive";
import { orderLineResults, summarize, toPlannedBatches } from "./output";
import { replayPlan } from "./replay";

const CONSTRUCT_PARAMS: DecodeParams[] = [
  { window: 0, stagger: 0.002 },
  { window: 0, stagger: 0.005 },
  { window: 0, stagger: 0.02 },
];

/**
 * Plan a studio problem: constructive plans (EDD priority — and the previous
 * plan's order when re-planning — under a few batching windows), improved by
 * iterated greedy until `timeLimitMs` or `maxIterations`. Locked/started
 * batches of `previousPlan` are kept exactly. Deterministic for a seed when the
 * iteration cap, not the clock, ends the search.
 */
export function solveStudio(problem: StudioProblem): StudioPlan {
  const started = nowMs();
  const opts = problem.options ?? {};
  const seed = opts.seed ?? 1;
  const model = buildModel(problem);
  const previous = problem.previousPlan;
  const { work, constructive, released } = constructWithPins(problem, model, opts.maxLotSize);
  const constructiveMs = nowMs() - started;

  const timeLimit = opts.timeLimitMs ?? 1000;
  const maxIterations = opts.maxIterations ?? Infinity;
  const { best, iterations, decodes } =
    timeLimit > 0 && maxIterations > 0
      ? improve(model, work, constructive, { deadline: started + timeLimit, maxIterations, rng: createRng(seed) })
      : { best: constructive, iterations: 0, decodes: 0 };
  const final = best === constructive ? best : settle(model, work, best);

  const plan = assemble(model, work, final.result);
  plan.search = { ...final.params, lineOrder: lineOrder(model, work, final.priority) };
  if (released.length > 0) {
    plan.released = released;
    plan.warnings = [...plan.warnings, ...released.map((id) => `pinned batch ${id} was released: its pieces cannot reach it by its start`)];
  }
  if (opts.computeNaive !== false) {
    // The baseline covers the same work as the plan: pinned batches are the planner's choices, so they are
    // planned naively too (only started and done work is kept), whatever was pinned.
    const reality = previous?.batches.filter((b) => b.status === "started" || b.status === "done");
    const naive = summarize(naiveDecode(model, prepareWork(model, reality, opts.maxLotSize)));
    plan.naive = naive;
    const saved = naive.setupHours - plan.summary.setupHours;
    plan.savings = {
      setupHours: Math.round(saved * 100) / 100,
      setupHoursPercent: naive.setupHours > 0 ? Math.round((1000 * saved) / naive.setupHours) / 10 : 0,
      makespanMinutes: naive.makespanMinutes - plan.summary.makespanMinutes,
      totalLatenessMinutes: naive.totalLatenessMinutes - plan.summary.totalLatenessMinutes,
    };
  }
  plan.stats = {
    constructiveObjective: constructive.result.objective,
    iterations,
    decodes,
    constructiveMs: Math.round(constructiveMs * 10) / 10,
    elapsedMs: Math.round((nowMs() - started) * 10) / 10,
    seed,
    lots: work.lots.length,
  };
  return plan;
}

const MAX_RELEASE_ROUNDS = 6;

/**
 * The best constructive plan, after releasing pinned batches whose pieces' earlier steps cannot finish by
 * their start in the constructive plans (a few rounds). A released batch's pieces are planned like any others.
 */
function constructWithPins(problem: StudioProblem, model: StudioModel, maxLotSize: number | undefined) {
  const previous = problem.previousPlan;
  const released: string[] = [];
  let batches = previous?.batches;
  for (let round = 0; ; round++) {
    const work = prepareWork(model, batches, maxLotSize);
    const starts: Array<{ priority: Int32Array; params: DecodeParams[] }> = [];
    if (previous?.search) {
      const { window, stagger, lineOrder: order } = previous.search;
      starts.push({ priority: orderPriority(model, work, order), params: [{ window, stagger }] });
    } else if (previous) {
      starts.push({ priority: warmPriority(model, work, previous.batches), params: CONSTRUCT_PARAMS });
    }
    starts.push({ priority: eddPriority(model, work), params: CONSTRUCT_PARAMS });
    let best: Candidate | undefined;
    if (previous?.search) {
      // The previous plan itself, if it still is a valid plan: an unchanged problem gets it back.
      const result = replayPlan(problem, model, work, batches!);
      const { window, stagger } = previous.search;
      if (result) best = { priority: starts[0]!.priority, params: { window, stagger }, result };
    }
    for (const start of starts) {
      for (const params of start.params) {
        const result = decode(model, work, start.priority, params);
        // Strict improvement only, so a re-plan keeps the previous ordering on ties.
        if (!best || result.objective < best.result.objective) best = { priority: start.priority, params, result };
      }
    }
    const short = [...best!.result.precedence.keys()];
    if (short.length === 0 || round === MAX_RELEASE_ROUNDS || !batches) return { work, constructive: best!, released };
    const drop = new Set(short);
    released.push(...short);
    batches = batches.map((b) => (drop.has(b.id) ? { ...b, status: "planned" as const } : b));
  }
}

/**
 * The search's best plan with its priority list in canonical line order (what `search.lineOrder` records), or
 * that list's decode when it is strictly better: so a re-plan of an unchanged problem, which decodes the list
 * next to replaying the plan, cannot beat the plan it was given.
 */
function settle(model: StudioModel, work: Work, best: Candidate): Candidate {
  const priority = canonicalize(best.priority, canonicalLineLots(model.lines.length, work.lots));
  const result = decode(model, work, priority, best.params);
  return result.objective < best.result.objective ? { priority, params: best.params, result } : { ...best, priority };
}

/** The naive plan itself (for display next to the optimised one). */
export function planNaive(problem: StudioProblem): StudioPlan {
  const started = nowMs();
  const model = buildModel(problem);
  const work = prepareWork(model, problem.previousPlan?.batches, problem.options?.maxLotSize);
  const plan = assemble(model, work, naiveDecode(model, work));
  plan.stats.elapsedMs = Math.round((nowMs() - started) * 10) / 10;
  return plan;
}

function assemble(model: StudioModel, work: Work, result: Decoded): StudioPlan {
  const plan: StudioPlan = {
    batches: toPlannedBatches(model, work, result),
    orderLines: orderLineResults(model, result.completion),
    summary: summarize(result),
    objective: result.objective,
    stats: { constructiveObjective: result.objective, iterations: 0, constructiveMs: 0, elapsedMs: 0, seed: 0, lots: work.lots.length },
    warnings: work.warnings,
  };
  if (model.horizonStart !== undefined) plan.horizonStart = model.horizonStart;
  return plan;
}

/** One entry per lot in priority order (a line split into several lots appears several times). */
function lineOrder(model: StudioModel, work: Work, priority: Int32Array): string[] {
  return Array.from(priority, (lot) => model.lines[work.lots[lot]!.line]!.id);
}

/**
 * Lots in a previous plan's order: the k-th lot of a line takes the line's k-th
 * position. Lines that are new slot in before the first known line that is due
 * no earlier.
 */
function orderPriority(model: StudioModel, work: Work, order: string[]): Int32Array {
  const positions = new Map<string, number[]>();
  order.forEach((id, i) => {
    const list = positions.get(id);
    if (list) list.push(i);
    else positions.set(id, [i]);
  });
  const known = model.lines.filter((l) => positions.has(l.id)).sort((a, b) => positions.get(a.id)![0]! - positions.get(b.id)![0]!);
  const keyOf = new Array<number>(work.lots.length).fill(0);
  canonicalLineLots(model.lines.length, work.lots).forEach((lots, li) => {
    const line = model.lines[li]!;
    const list = positions.get(line.id);
    const next = list ? undefined : known.find((other) => other.due >= line.due);
    lots.forEach((lot, k) => {
      if (list) keyOf[lot] = list[Math.min(k, list.length - 1)]! + (k >= list.length ? 0.25 : 0);
      else keyOf[lot] = next ? positions.get(next.id)![0]! - 0.5 : order.length;
    });
  });
  const lots = work.lots.map((_, i) => i);
  lots.sort((a, b) => keyOf[a]! - keyOf[b]! || model.lines[work.lots[a]!.line]!.due - model.lines[work.lots[b]!.line]!.due || a - b);
  return Int32Array.from(lots);
}

/**
 * Priority that approximates the previous plan's order when it carries no
 * search state: lots by the start of
 * their line's first open step in the previous plan; lines that are new go
 * by their latest on-time start estimate (due date minus remaining work).
 */
function warmPriority(model: StudioModel, work: Work, previous: PlannedBatch[]): Int32Array {
  const firstStart = new Map<string, number>();
  for (const b of previous) {
    if (isFixed(b)) continue;
    for (const item of b.items) {
      const k = `${item.orderLineId}#${item.stepIndex}`;
      firstStart.set(k, Math.min(firstStart.get(k) ?? Infinity, b.start));
    }
  }
  const keyOf = work.lots.map((lot) => {
    const line = model.lines[lot.line]!;
    const known = firstStart.get(`${line.id}#${lot.firstStep}`);
    if (known !== undefined) return known;
    const steps = model.designs[line.design]!.steps;
    let remaining = 0;
    for (let k = lot.firstStep; k < steps.length; k++) remaining += steps[k]!.setup + lot.pieces * steps[k]!.perPiece;
    return line.due - remaining;
  });
  const order = work.lots.map((_, i) => i);
  order.sort((a, b) => keyOf[a]! - keyOf[b]! || model.lines[work.lots[a]!.line]!.due - model.lines[work.lots[b]!.line]!.due || a - b);
  return canonicalize(Int32Array.from(order), canonicalLineLots(model.lines.length, work.lots));
}
