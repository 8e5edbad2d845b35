import type { FlowShopInstance, FlowShopOperation } from "./types";

/**
 * Makespan evaluation and Taillard-accelerated best insertion.
 * Buffers are allocated once per instance; methods are not re-entrant.
 */
export class FlowShopEvaluator {
  readonly n: number;
  readonly m: number;
  /** Job-major copy of processing times: pj[job * m + machine] (cache-friendly for per-job loops). */
  private readonly pj: Int32Array;
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  private readonly row: Int32Array;
  /** Result of the last bestInsertion call. */
  bestPos = 0;
  bestMakespan = 0;

  constructor(inst: FlowShopInstance) {
    this.n = inst.jobs;
    this.m = inst.machines;
    this.pj = new Int32Array(this.n * this.m);
    for (let i = 0; i < this.m; i++) {
      for (let j = 0; j < this.n; j++) this.pj[j * this.m + i] = inst.p[i * this.n + j]!;
    }
    this.head = new Int32Array((this.n + 1) * this.m);
    this.tail = new Int32Array((this.n + 2) * this.m);
    this.row = new Int32Array(this.m);
  }

  makespan(seq: ArrayLike<number>, len = seq.length): number {
    const { m, pj, row } = this;
    row.fill(0);
    for (let k = 0; k < len; k++) {
      const base = seq[k]! * m;
      let prev = 0;
      for (let i = 0; i < m; i++) {
        const r = row[i]!;
        prev = (r > prev ? r : prev) + pj[base + i]!;
        row[i] = prev;
      }
    }
    return row[m - 1] ?? 0;
  }

  /**
   * Best position to insert `job` into seq[0..len) in O(len·m) (Taillard 1990):
   * heads e(k,i), tails q(k,i) and the inserted job's completion f(k,i) give
   * Cmax(k) = max_i f(k,i) + q(k,i). Ties keep the first position.
   */
  bestInsertion(seq: ArrayLike<number>, len: number, job: number): number {
    const { m, pj, head, tail } = this;
    for (let k = 0; k < len; k++) {
      const base = seq[k]! * m;
      const cur = k * m;
      const prv = cur - m;
      let left = 0;
      for (let i = 0; i < m; i++) {
        const up = k > 0 ? head[prv + i]! : 0;
        left = (up > left ? up : left) + pj[base + i]!;
        head[cur + i] = left;
      }
    }
    const endRow = len * m;
    for (let i = 0; i < m; i++) tail[endRow + i] = 0;
    for (let k = len - 1; k >= 0; k--) {
      const base = seq[k]! * m;
      const cur = k * m;
      const nxt = cur + m;
      let right = 0;
      for (let i = m - 1; i >= 0; i--) {
        const down = tail[nxt + i]!;
        right = (down > right ? down : right) + pj[base + i]!;
        tail[cur + i] = right;
      }
    }
    const jb = job * m;
    let best = Infinity;
    let bestPos = 0;
    for (let k = 0; k <= len; k++) {
      const prv = (k - 1) * m;
      const cur = k * m;
      let f = 0;
      let cmax = 0;
      for (let i = 0; i < m; i++) {
        const up = k > 0 ? head[prv + i]! : 0;
        f = (up > f ? up : f) + pj[jb + i]!;
        const total = f + tail[cur + i]!;
        if (total > cmax) cmax = total;
      }
      if (cmax < best) {
        best = cmax;
        bestPos = k;
      }
    }
    this.bestPos = bestPos;
    this.bestMakespan = best;
    return bestPos;
  }

  /** Full timetable of a permutation (semi-active schedule). */
  timetable(seq: ArrayLike<number>): FlowShopOperation[] {
    const { m, pj } = this;
    const row = new Array<number>(m).fill(0);
    const ops: FlowShopOperation[] = [];
    for (let k = 0; k < seq.length; k++) {
      const job = seq[k]!;
      let prev = 0;
      for (let i = 0; i < m; i++) {
        const start = Math.max(row[i]!, prev);
        const end = start + pj[job * m + i]!;
        ops.push({ job, machine: i, start, end });
        row[i] = end;
        prev = end;
      }
    }
    return ops;
  }

  totalProcessing(job: number): number {
    let s = 0;
    for (let i = 0; i < this.m; i++) s += this.pj[job * this.m + i]!;
    return s;
  }
}

/** Insert `job` at `pos` in seq[0..len), shifting the tail right. */
export function insertAt(seq: Int32Array, len: number, pos: number, job: number): void {
  seq.copyWithin(pos + 1, pos, len);
  seq[pos] = job;
}

/** Remove the element at `pos` from seq[0..len), shifting the tail left. */
export function removeAt(seq: Int32Array, len: number, pos: number): number {
  const job = seq[pos]!;
  seq.copyWithin(pos, pos + 1, len);
  return job;
}
