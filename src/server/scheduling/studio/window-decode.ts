import type { BuiltBatch, DecodeParams } from "./construct";
import { Frontier } from "./frontier";
import { joinWaiting } from "./join-waiting";
import type { Work } from "./lots";
import { attendedMinutes, type StudioModel } from "./model";
import type { Resources, Slot } from "./placement";
import { SeedHeap } from "./seed-heap";

/** A lot's steps inside a window: `first`..`last`, startable from `ready`, and done by `deadline` (its next step's start). */
export interface WindowLot {
  lot: number;
  /** Seed priority: the lot's rank in the plan's priority list (fractional after a move). */
  rank: number;
  first: number;
  last: number;
  ready: number;
  deadline: number;
}

/**
 * The decoder of `construct.ts` run on a window's lot-steps only, into the free time that `res` leaves around
 * the rest of the plan: same seed keys (rank + stagger · lotCount · step), batching and slot search. Returns the new batches,
 * committed to `res`, or null — with nothing committed — when a lot cannot finish its window steps by its
 * deadline or no slot exists.
 */
export function decodeWindow(model: StudioModel, work: Work, res: Resources, lots: WindowLot[], params: DecodeParams): BuiltBatch[] | null {
  const m = lots.length;
  const rank = Float64Array.from(lots, (w) => w.rank);
  const next = new Int32Array(m);
  const ready = new Float64Array(m);
  const frontier = new Frontier(model.keys.length, rank);
  const stepsOf = (i: number) => model.designs[model.lines[work.lots[lots[i]!.lot]!.line]!.design]!.steps;
  const piecesOf = (i: number) => work.lots[lots[i]!.lot]!.pieces;
  const heap = new SeedHeap();
  const stepWeight = params.stagger * work.lots.length;
  for (let i = 0; i < m; i++) {
    next[i] = lots[i]!.first;
    ready[i] = lots[i]!.ready;
    frontier.add(i, stepsOf(i)[next[i]!]!.key);
    heap.push(rank[i]! + stepWeight * next[i]!, i, next[i]!);
  }
  const built: BuiltBatch[] = [];
  const fail = (): null => {
    for (let b = built.length - 1; b >= 0; b--) res.release(built[b]!.station, built[b]!.slot);
    return null;
  };
  const probe: Slot = { start: 0, end: 0, unit: 0, person: 0, loadEnd: 0, unloadStart: 0 };
  while (heap.size > 0) {
    const seed = heap.lot();
    const stepIndex = heap.step();
    heap.pop();
    if (next[seed] !== stepIndex) continue;
    const step = stepsOf(seed)[stepIndex]!;
    const members = [seed];
    let pieces = piecesOf(seed);
    let cap = step.cap;
    let setup = step.setup;
    let rate = pieces * step.perPiece;
    let est = ready[seed]!;
    const probed = pieces < cap;
    if (probed) {
      if (!res.find(step.station, est, attendedMinutes(setup, rate), probe, lots[seed]!.deadline)) return fail();
      ({ pieces, cap, setup, rate, est } = joinWaiting(
        { pieces, cap, setup, rate, est }, members, frontier.at(step.key), probe.start + params.window, ready, (c) => stepsOf(c)[next[c]!]!, piecesOf,
      ));
    }
    const attended = attendedMinutes(setup, rate);
    const slot: Slot = { start: 0, end: 0, unit: 0, person: 0, loadEnd: 0, unloadStart: 0 };
    if (probed && members.length === 1) Object.assign(slot, probe);
    else if (!res.find(step.station, est, attended, slot, lots[seed]!.deadline)) return fail();
    // Later steps of a member only end later: give up as soon as one member misses its deadline.
    for (const i of members) if (slot.end > lots[i]!.deadline) return fail();
    res.commit(step.station, slot);
    const globalLots: number[] = [];
    const steps: number[] = [];
    for (const i of members) {
      frontier.remove(i, step.key);
      globalLots.push(lots[i]!.lot);
      steps.push(next[i]!);
      next[i]!++;
      ready[i] = slot.end;
      if (next[i]! <= lots[i]!.last) {
        frontier.add(i, stepsOf(i)[next[i]!]!.key);
        heap.push(rank[i]! + stepWeight * next[i]!, i, next[i]!);
      }
    }
    built.push({ key: step.key, station: step.station, slot, lots: globalLots, steps, pieces, setup, attended });
  }
  return built;
}
