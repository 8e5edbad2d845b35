import { SchedulingError } from "../errors";
/** Permutation flow-shop instance. Processing times are stored machine-major: p[machine * jobs + job]. */
export interface FlowShopInstance {
  name?: string;
  jobs: number;
  machines: number;
  p: Int32Array;
  /** Taillard header fields, when known. */
  seed?: number;
  upperBound?: number;
  lowerBound?: number;
}

export interface FlowShopOptions {
  /** Wall-clock budget for the improvement phase (default 1000 ms). */
  timeLimitMs?: number;
  /** Hard cap on iterated-greedy iterations; with a cap the result is deterministic for a seed. */
  maxIterations?: number;
  seed?: number;
  /** Jobs removed per destruction (Ruiz & Stützle: 4). */
  destruction?: number;
  /** Temperature factor T (Ruiz & Stützle: 0.4). */
  temperature?: number;
}

export interface FlowShopOperation {
  job: number;
  machine: number;
  start: number;
  end: number;
}

export interface FlowShopResult {
  makespan: number;
  /** Job indices, 0-based, in processing order. */
  sequence: number[];
  nehMakespan: number;
  iterations: number;
  elapsedMs: number;
  schedule: FlowShopOperation[];
}

export function createInstance(jobs: number, machines: number, rows: number[][], name?: string): FlowShopInstance {
  if (rows.length !== machines) throw new SchedulingError(`expected ${machines} machine rows, got ${rows.length}`);
  const p = new Int32Array(jobs * machines);
  rows.forEach((row, i) => {
    if (row.length !== jobs) throw new SchedulingError(`machine row ${i} has ${row.length} values, expected ${jobs}`);
    row.forEach((v, j) => {
      if (!Number.isInteger(v) || v < 0) throw new SchedulingError(`invalid processing time ${v} at machine ${i}, job ${j}`);
      p[i * jobs + j] = v;
    });
  });
  return { name, jobs, machines, p };
}
