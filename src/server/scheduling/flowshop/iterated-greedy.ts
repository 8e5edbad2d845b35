import { createRng, nowMs, shuffleInPlace, type Rng } from "../prng";
import { FlowShopEvaluator, insertAt, removeAt } from "./evaluator";
import { neh } from "./neh";
import type { FlowShopInstance, FlowShopOptions, FlowShopResult } from "./types";

/**
 * Iterated Greedy for the permutation flow shop (Ruiz & Stützle 2007):
 * NEH start, destruction of d random jobs, greedy best-insertion
 * reconstruction, insertion local search, and a constant-temperature
 * simulated-annealing-like acceptance criterion.
 */
export function solveFlowShop(inst: FlowShopInstance, options: FlowShopOptions = {}): FlowShopResult {
  const started = nowMs();
  const timeLimit = options.timeLimitMs ?? 1000;
  const maxIterations = options.maxIterations ?? Infinity;
  const rng = createRng(options.seed ?? 1);
  const n = inst.jobs;
  const ev = new FlowShopEvaluator(inst);
  const start = neh(inst, ev);
  const nehMakespan = start.makespan;

  const current = start.sequence;
  let currentCmax = n > 1 ? localSearch(ev, current, nehMakespan, rng) : nehMakespan;
  const best = current.slice();
  let bestCmax = currentCmax;

  const d = Math.min(options.destruction ?? 4, Math.max(0, n - 1));
  let totalP = 0;
  for (let k = 0; k < inst.p.length; k++) totalP += inst.p[k]!;
  const temperature = ((options.temperature ?? 0.4) * totalP) / (n * inst.machines * 10);

  const candidate = new Int32Array(n);
  const removed = new Int32Array(d);
  let iterations = 0;
  while (iterations < maxIterations && d > 0 && nowMs() - started < timeLimit) {
    iterations++;
    candidate.set(current);
    let len = n;
    for (let r = 0; r < d; r++) {
      removed[r] = removeAt(candidate, len, rng.int(len));
      len--;
    }
    for (let r = 0; r < d; r++) {
      const job = removed[r]!;
      insertAt(candidate, len, ev.bestInsertion(candidate, len, job), job);
      len++;
    }
    const candCmax = localSearch(ev, candidate, ev.bestMakespan, rng);
    if (candCmax < currentCmax) {
      current.set(candidate);
      currentCmax = candCmax;
      if (candCmax < bestCmax) {
        best.set(candidate);
        bestCmax = candCmax;
      }
    } else if (rng.next() <= Math.exp(-(candCmax - currentCmax) / temperature)) {
      current.set(candidate);
      currentCmax = candCmax;
    }
  }
  const sequence = Array.from(best);
  return {
    makespan: bestCmax,
    sequence,
    nehMakespan,
    iterations,
    elapsedMs: nowMs() - started,
    schedule: ev.timetable(sequence),
  };
}

/**
 * Iterative improvement by insertion: remove each job (random order) and
 * reinsert it at its best position; repeat while the makespan improves.
 */
function localSearch(ev: FlowShopEvaluator, seq: Int32Array, cmax: number, rng: Rng): number {
  const n = seq.length;
  const order = Int32Array.from(seq);
  let improved = true;
  while (improved) {
    improved = false;
    shuffleInPlace(order, rng);
    for (let r = 0; r < n; r++) {
      const job = order[r]!;
      const from = seq.indexOf(job);
      removeAt(seq, n, from);
      const to = ev.bestInsertion(seq, n - 1, job);
      if (ev.bestMakespan < cmax) {
        insertAt(seq, n - 1, to, job);
        cmax = ev.bestMakespan;
        improved = true;
      } else {
        insertAt(seq, n - 1, from, job);
      }
    }
  }
  return cmax;
}
