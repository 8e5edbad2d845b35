import { FlowShopEvaluator, insertAt } from "./evaluator";
import type { FlowShopInstance } from "./types";

/**
 * NEH (Nawaz, Enscore & Ham 1983) with Taillard's acceleration: jobs by
 * non-increasing total processing time (ties by index), each inserted at its
 * best position. Returns the permutation and its makespan.
 */
export function neh(inst: FlowShopInstance, evaluator = new FlowShopEvaluator(inst)): { sequence: Int32Array; makespan: number } {
  const n = inst.jobs;
  const order = Array.from({ length: n }, (_, j) => j);
  const totals = order.map((j) => evaluator.totalProcessing(j));
  order.sort((a, b) => totals[b]! - totals[a]! || a - b);
  const seq = new Int32Array(n);
  let len = 0;
  for (const job of order) {
    const pos = evaluator.bestInsertion(seq, len, job);
    insertAt(seq, len, pos, job);
    len++;
  }
  return { sequence: seq, makespan: evaluator.makespan(seq, n) };
}
