import { SchedulingError } from "../errors";
import { attendedMinutes, type StudioModel } from "./model";
import type { Work } from "./lots";
import { Frontier } from "./frontier";
import { joinWaiting } from "./join-waiting";
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
  /** Pinned batches whose pieces' earlier steps end after their start, with the minutes they are short. */
  precedence: Map<string, number>;
}

export interface Decoded extends Evaluation {
  batches: BuiltBatch[];
}

/** Objective cost per minute a pinned batch's pieces are late for it: dominates every other term. */
const PRECEDENCE_WEIGHT = 1e6;

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
  const frontier = new Frontier(model.keys.length, rank);
  const lotSteps = lots.map((lot) => model.designs[model.lines[lot.line]!.design]!.steps);
  const stepsOf = (l: number) => lotSteps[l]!;
  const addToFrontier = (l: number): void => frontier.add(l, stepsOf(l)[next[l]!]!.key);

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
  let openFixed = 0;
  for (const f of work.fixed) {
    makespan = Math.max(makespan, f.batch.end);
    // Done work is history: the figures are about the work still to do.
    if (f.batch.status === "done") continue;
    openFixed++;
    setupMinutes += f.batch.setupMinutes;
    workMinutes += f.batch.workMinutes;
  }
  const precedence = new Map<string, number>();
  /** Moves lot l past the kept batches it goes through at its next steps; false when its routing is complete. */
  const advance = (l: number): boolean => {
    const passes = lots[l]!.passes;
    const steps = stepsOf(l);
    while (next[l]! < steps.length) {
      const pass = passes?.[next[l]!];
      if (!pass) return true;
      if (pass.check && ready[l]! > pass.start) {
        precedence.set(pass.batchId, Math.max(precedence.get(pass.batchId) ?? 0, ready[l]! - pass.start));
      }
      ready[l] = Math.max(ready[l]!, pass.end);
      next[l]!++;
    }
    return false;
  };

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
    const probed = batching && pieces < cap;
    if (probed) {
      if (!res.find(step.station, est, attendedMinutes(setup, rate), probe)) throw noSlot(model, step.station, est);
      ({ pieces, cap, setup, rate, est } = joinWaiting(
        { pieces, cap, setup, rate, est }, members, frontier.at(step.key), probe.start + window, ready,
        (c) => stepsOf(c)[next[c]!]!, (c) => lots[c]!.pieces,
      ));
      for (let k = 1; k < members.length; k++) memberSteps.push(next[members[k]!]!);
    }
    const attended = attendedMinutes(setup, rate);
    const slot: Slot = { start: 0, end: 0, unit: 0, person: 0, loadEnd: 0, unloadStart: 0 };
    // Nobody joined the seed: the probe already is the slot.
    if (probed && members.length === 1) Object.assign(slot, probe);
    else if (!res.find(step.station, est, attended, slot)) throw noSlot(model, step.station, est);
    res.commit(step.station, slot);
    for (const m of members) {
      if (batching) frontier.remove(m, step.key);
      next[m]!++;
      ready[m] = slot.end;
      if (advance(m)) {
        if (batching) addToFrontier(m);
        heap.push(rank[m]! + stepWeight * next[m]!, m, next[m]!);
      } else {
        const line = lots[m]!.line;
        if (ready[m]! > completion[line]!) completion[line] = ready[m]!;
      }
    }
    if (slot.end > makespan) makespan = slot.end;
    setupMinutes += setup;
    const unload = model.stations[step.station]!.unattended?.unload ?? 0;
    workMinutes += attended + unload;
    batches.push({ key: step.key, station: step.station, slot, lots: members, steps: memberSteps, pieces, setup, attended });
  }
  return { ...evaluate(model, completion, makespan, setupMinutes, batches.length + openFixed, workMinutes, precedence), batches };
}

export function evaluate(
  model: StudioModel,
  completion: Float64Array,
  makespan: number,
  setupMinutes: number,
  setups: number,
  workMinutes: number,
  precedence: Map<string, number>,
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
  let short = 0;
  for (const minutes of precedence.values()) short += minutes;
  const objective =
    w.lateness * totalLateness + w.maxLateness * maxLateness + w.makespan * makespan + w.setup * setupMinutes + PRECEDENCE_WEIGHT * short;
  return { objective, makespan, totalLateness, maxLateness, lateLines, setups, setupMinutes, workMinutes, completion, lateMask, precedence };
}

function noSlot(model: StudioModel, station: number, est: number): SchedulingError {
  return new SchedulingError(
    `no working time left at "${model.stations[station]!.name}" (needed from minute ${est} of the plan): give the people who work there more hours, or let someone else work there`,
  );
}

/**
 * Earliest-due-date priority: by due date (or the start of a pinned batch the lot must reach first, if
 * earlier), lots further along first, then input order.
 */
export function eddPriority(model: StudioModel, work: Work): Int32Array {
  const order = work.lots.map((_, i) => i);
  const due = (lot: Work["lots"][number]) => Math.min(model.lines[lot.line]!.due, lot.deadline);
  order.sort((a, b) => {
    const la = work.lots[a]!;
    const lb = work.lots[b]!;
    return due(la) - due(lb) || lb.firstStep - la.firstStep || a - b;
  });
  return Int32Array.from(order);
}
