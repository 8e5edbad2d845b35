import { attendedMinutes, type StudioModel } from "./model";
import type { Work } from "./lots";
import { Resources, type Slot } from "./placement";
import { SeedHeap } from "./seed-heap";

export interface BuiltBatch {
  key: number;
  station: number;
  slot: Slot;
  /** Lot ids and the routing step each lot performs in this batch. */
  lots: number[];
  steps: number[];
  pieces: number;
  setup: number;
  attended: number;
}

export interface Evaluation {
  objective: number;
  makespan: number;
  totalLateness: number;
  maxLateness: number;
  lateLines: number;
  setups: number;
  setupMinutes: number;
  workMinutes: number;
  completion: Float64Array;
  /** 1 for order lines finishing after their due date. */
  lateMask: Uint8Array;
}

export interface Decoded extends Evaluation {
  batches: BuiltBatch[];
}

export class SchedulingError extends Error {}

/**
 * Schedule generation scheme: lots are taken in priority order; the first
 * unfinished lot seeds a batch for its next step, and frontier lots of the same
 * batch key ready within `window` minutes of the seed's earliest slot join it
 * (in priority order, up to capacity). Each batch goes to the earliest slot
 * (gaps included) on a station unit with a capable, working person. Lots in a
 * batch advance together, so cohorts tend to flow through the routing.
 * With `batching` off every lot step is its own batch (the naive plan).
 */
export interface DecodeParams {
  /** Minutes a batch may wait past its seed's earliest slot for more lots. */
  window: number;
  /**
   * Seeds are taken by rank + stagger·n·stepIndex: 0 = depth-first (a lot runs
   * through its routing before the next starts), large = stage by stage, which
   * lets more lots meet in the same batch.
   */
  stagger: number;
}

export function decode(model: StudioModel, work: Work, priority: Int32Array, params: DecodeParams, batching = true): Decoded {
  const { window } = params;
  const { lots } = work;
  const n = lots.length;
  const res = new Resources(model);
  for (const f of work.fixed) {
    res.reserveStation(f.station, f.unit, f.batch.start, f.batch.end);
    for (const seg of f.batch.personSegments) res.reservePerson(f.person, seg.start, seg.end);
  }
  const rank = new Int32Array(n);
  for (let i = 0; i < n; i++) rank[priority[i]!] = i;
  const next = new Int32Array(n);
  const ready = new Float64Array(n);
  const frontier: number[][] = model.keys.map(() => []);
  const lotSteps = lots.map((lot) => model.designs[model.lines[lot.line]!.design]!.steps);
  const stepsOf = (l: number) => lotSteps[l]!;

  const addToFrontier = (l: number): void => {
    const list = frontier[stepsOf(l)[next[l]!]!.key]!;
    const r = rank[l]!;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rank[list[mid]!]! < r) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, l);
  };
  const removeFromFrontier = (l: number, key: number): void => {
    const list = frontier[key]!;
    const r = rank[l]!;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rank[list[mid]!]! < r) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 1);
  };

  for (let l = 0; l < n; l++) {
    const lot = lots[l]!;
    next[l] = lot.firstStep;
    ready[l] = Math.max(lot.ready, model.now);
    if (batching) addToFrontier(l);
  }

  const completion = Float64Array.from(work.fixedCompletion);
  const batches: BuiltBatch[] = [];
  const probe: Slot = { start: 0, end: 0, unit: 0, person: 0, loadEnd: 0, unloadStart: 0 };
  let makespan = 0;
  let setupMinutes = 0;
  let workMinutes = 0;
  for (const f of work.fixed) {
    makespan = Math.max(makespan, f.batch.end);
    setupMinutes += f.batch.setupMinutes;
    workMinutes += f.batch.workMinutes;
  }

  const heap = new SeedHeap();
  const stepWeight = params.stagger * n;
  for (let l = 0; l < n; l++) heap.push(rank[l]! + stepWeight * next[l]!, l, next[l]!);
  while (heap.size > 0) {
    const seed = heap.lot();
    const stepIndex = heap.step();
    heap.pop();
    const seedSteps = stepsOf(seed);
    if (next[seed] !== stepIndex) continue;
    const step = seedSteps[stepIndex]!;
    const members = [seed];
    const memberSteps = [stepIndex];
    let pieces = lots[seed]!.pieces;
    let cap = step.cap;
    let setup = step.setup;
    let rate = pieces * step.perPiece;
    let est = ready[seed]!;
    if (batching && pieces < cap) {
      if (!res.find(step.station, est, attendedMinutes(setup, rate), probe)) throw noSlot(model, step.station, est);
      const limit = probe.start + window;
      for (const c of frontier[step.key]!) {
        if (c === seed || ready[c]! > limit) continue;
        const cs = stepsOf(c)[next[c]!]!;
        const cp = lots[c]!.pieces;
        const newCap = Math.min(cap, cs.cap);
        if (pieces + cp > newCap) continue;
        members.push(c);
        memberSteps.push(next[c]!);
        pieces += cp;
        cap = newCap;
        if (cs.setup > setup) setup = cs.setup;
        rate += cp * cs.perPiece;
        if (ready[c]! > est) est = ready[c]!;
        if (pieces >= cap) break;
      }
    }
    const attended = attendedMinutes(setup, rate);
    const slot: Slot = { start: 0, end: 0, unit: 0, person: 0, loadEnd: 0, unloadStart: 0 };
    if (!res.find(step.station, est, attended, slot)) throw noSlot(model, step.station, est);
    res.commit(step.station, slot);
    for (const m of members) {
      if (batching) removeFromFrontier(m, step.key);
      next[m]!++;
      ready[m] = slot.end;
      const ms = stepsOf(m);
      if (next[m]! < ms.length) {
        if (batching) addToFrontier(m);
        heap.push(rank[m]! + stepWeight * next[m]!, m, next[m]!);
      } else {
        const line = lots[m]!.line;
        if (slot.end > completion[line]!) completion[line] = slot.end;
      }
    }
    if (slot.end > makespan) makespan = slot.end;
    setupMinutes += setup;
    const unload = model.stations[step.station]!.unattended?.unload ?? 0;
    workMinutes += attended + unload;
    batches.push({ key: step.key, station: step.station, slot, lots: members, steps: memberSteps, pieces, setup, attended });
  }
  return { ...evaluate(model, completion, makespan, setupMinutes, batches.length + work.fixed.length, workMinutes), batches };
}

function evaluate(
  model: StudioModel,
  completion: Float64Array,
  makespan: number,
  setupMinutes: number,
  setups: number,
  workMinutes: number,
): Evaluation {
  let totalLateness = 0;
  let maxLateness = 0;
  let lateLines = 0;
  const lateMask = new Uint8Array(model.lines.length);
  model.lines.forEach((line, i) => {
    const late = Math.max(0, completion[i]! - line.due);
    if (late > 0) {
      lateLines++;
      lateMask[i] = 1;
    }
    totalLateness += late;
    if (late > maxLateness) maxLateness = late;
  });
  const w = model.weights;
  const objective =
    w.lateness * totalLateness + w.maxLateness * maxLateness + w.makespan * makespan + w.setup * setupMinutes;
  return { objective, makespan, totalLateness, maxLateness, lateLines, setups, setupMinutes, workMinutes, completion, lateMask };
}

function noSlot(model: StudioModel, station: number, est: number): SchedulingError {
  return new SchedulingError(
    `no working time left at station "${model.stations[station]!.id}" after minute ${est}: extend the people's calendars`,
  );
}

/** Earliest-due-date priority: by due date, lots further along first, then input order. */
export function eddPriority(model: StudioModel, work: Work): Int32Array {
  const order = work.lots.map((_, i) => i);
  order.sort((a, b) => {
    const la = work.lots[a]!;
    const lb = work.lots[b]!;
    return model.lines[la.line]!.due - model.lines[lb.line]!.due || lb.firstStep - la.firstStep || a - b;
  });
  return Int32Array.from(order);
}
