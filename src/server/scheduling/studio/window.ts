import type { Rng } from "../prng";
import { evaluate, type BuiltBatch, type Decoded, type DecodeParams, type Evaluation } from "./construct";
import type { Work } from "./lots";
import type { StudioModel } from "./model";
import { Resources } from "./placement";
import { decodeWindow, type WindowLot } from "./window-decode";

/** Window sizes, in batches (consecutive by start time). */
const MIN_WINDOW = 20;
const WINDOW_SPREAD = 120;
/** Share of the windows not aimed at a late line that end at the plan's last batch (the makespan). */
const LAST_BATCH_SHARE = 0.3;
/** How many places (by rank, within the window) a perturbed lot moves at most. */
const NEAR = 4;

interface Pending {
  from: number;
  /** Lots whose rank the move changed, and their old ranks. */
  ranked: Array<[number, number]>;
  removed: BuiltBatch[];
  added: BuiltBatch[];
  evaluation: Evaluation;
  setupMinutes: number;
  workMinutes: number;
}

/**
 * Large-neighbourhood search on a decoded plan that keeps everything outside a window: take a run of batches
 * consecutive in the order they were decoded, free their time, and decode their lot-steps again — with a few
 * lots' ranks changed — into the time the rest of the plan leaves free. Unchanged, the window decodes to the
 * same batches (the rest of the plan only takes time they did not use), so small changes stay local. A lot's window steps start after its step before the window
 * ends and must end before its step after the window starts, else the move is dropped. Only the window is
 * re-decoded and the objective is updated from the lines whose last step moved, so a move costs a small
 * fraction of a full decode. Lots of lines that go through kept (pinned/started) batches are never moved.
 */
export class WindowSearch {
  private readonly res: Resources;
  /** Batches in decode order (a window's batches replaced by its new ones). */
  private order: BuiltBatch[];
  /** Per lot: its seed rank (its position in the priority list; fractional after window moves). */
  private readonly rank: Float64Array;
  /** Per lot and routing step: its batch. */
  private readonly at: Array<Array<BuiltBatch | undefined>>;
  private readonly frozenLine: Uint8Array;
  private readonly fixedMakespan: number;
  private readonly openFixed: number;
  private setupMinutes: number;
  private workMinutes: number;
  evaluation: Evaluation;
  private pending: Pending | null = null;

  constructor(
    private readonly model: StudioModel,
    private readonly work: Work,
    decoded: Decoded,
    priority: Int32Array,
    private readonly lineLots: number[][],
  ) {
    this.res = new Resources(model);
    let fixedMakespan = 0;
    for (const f of work.fixed) {
      this.res.reserveStation(f.station, f.unit, f.batch.start, f.batch.end);
      for (const seg of f.batch.personSegments) this.res.reservePerson(f.person, seg.start, seg.end);
      fixedMakespan = Math.max(fixedMakespan, f.batch.end);
    }
    this.fixedMakespan = fixedMakespan;
    this.openFixed = decoded.setups - decoded.batches.length;
    this.at = work.lots.map((lot) => new Array(this.stepsOf(lot.line).length));
    for (const b of decoded.batches) {
      this.res.commit(b.station, b.slot);
      b.lots.forEach((l, i) => (this.at[l]![b.steps[i]!] = b));
    }
    this.order = [...decoded.batches];
    this.rank = new Float64Array(work.lots.length);
    priority.forEach((l, i) => (this.rank[l] = i));
    this.frozenLine = new Uint8Array(model.lines.length);
    for (const lot of work.lots) if (lot.passes) this.frozenLine[lot.line] = 1;
    this.setupMinutes = decoded.setupMinutes;
    this.workMinutes = decoded.workMinutes;
    this.evaluation = { ...decoded, completion: Float64Array.from(decoded.completion) };
  }

  private stepsOf(line: number) {
    return this.model.designs[this.model.lines[line]!.design]!.steps;
  }

  /** Index in `order` of the batch that ends last (it sets the makespan). */
  private indexOfLastEnd(): number {
    let last = 0;
    for (let i = 1; i < this.order.length; i++) if (this.order[i]!.slot.end > this.order[last]!.slot.end) last = i;
    return last;
  }

  /** Index in `order` of the batch of lot l's last step. */
  private indexOfLotEnd(l: number): number {
    const steps = this.at[l]!;
    const b = steps[steps.length - 1];
    return b ? this.order.indexOf(b) : -1;
  }

  /**
   * Re-decode one window and return the resulting objective (the move is held until `accept` or `reject`), or
   * null when the window cannot be moved (then nothing changed). `lateLot` ends the window at that lot's last
   * step; otherwise it ends at the last batch (the makespan) or lies anywhere.
   */
  propose(rng: Rng, params: DecodeParams, lateLot: number | undefined): number | null {
    const n = this.order.length;
    if (n === 0) return null;
    const size = Math.min(n, MIN_WINDOW + rng.int(WINDOW_SPREAD));
    let end = lateLot === undefined ? -1 : this.indexOfLotEnd(lateLot);
    if (end < 0 && rng.next() < LAST_BATCH_SHARE) end = this.indexOfLastEnd();
    const from = end >= 0 ? Math.max(0, end + 1 - size + rng.int(Math.ceil(size / 4))) : rng.int(n - size + 1);
    const to = Math.min(n, from + size);
    const removed = this.order.slice(from, to);
    const lots = this.windowLots(removed);
    if (!lots) return null;
    const ranked = this.perturb(lots, rng, lateLot);
    for (const b of removed) this.res.release(b.station, b.slot);
    const added = decodeWindow(this.model, this.work, this.res, lots, params);
    if (!added) {
      for (const b of removed) this.res.commit(b.station, b.slot);
      for (const [l, r] of ranked) this.rank[l] = r;
      return null;
    }
    let setupMinutes = this.setupMinutes;
    let workMinutes = this.workMinutes;
    for (const b of removed) {
      setupMinutes -= b.setup;
      workMinutes -= this.workOf(b);
    }
    let makespan = this.fixedMakespan;
    for (let i = 0; i < n; i++) if (i < from || i >= to) makespan = Math.max(makespan, this.order[i]!.slot.end);
    for (const b of added) {
      setupMinutes += b.setup;
      workMinutes += this.workOf(b);
      makespan = Math.max(makespan, b.slot.end);
    }
    const completion = Float64Array.from(this.evaluation.completion);
    const lastEnd = new Map<number, number>();
    for (const b of added) b.lots.forEach((l, i) => b.steps[i] === this.at[l]!.length - 1 && lastEnd.set(l, b.slot.end));
    for (const l of lastEnd.keys()) {
      const line = this.work.lots[l]!.line;
      let c = this.work.fixedCompletion[line]!;
      for (const other of this.lineLots[line]!) c = Math.max(c, lastEnd.get(other) ?? this.at[other]![this.at[other]!.length - 1]!.slot.end);
      completion[line] = c;
    }
    const setups = n - removed.length + added.length + this.openFixed;
    const evaluation = evaluate(this.model, completion, makespan, setupMinutes, setups, workMinutes, this.evaluation.precedence);
    this.pending = { from, ranked, removed, added, evaluation, setupMinutes, workMinutes };
    return evaluation.objective;
  }

  accept(): void {
    const p = this.pending!;
    this.pending = null;
    this.order.splice(p.from, p.removed.length, ...p.added);
    for (const b of p.added) b.lots.forEach((l, k) => (this.at[l]![b.steps[k]!] = b));
    this.setupMinutes = p.setupMinutes;
    this.workMinutes = p.workMinutes;
    this.evaluation = p.evaluation;
  }

  reject(): void {
    const p = this.pending!;
    this.pending = null;
    for (let b = p.added.length - 1; b >= 0; b--) this.res.release(p.added[b]!.station, p.added[b]!.slot);
    for (const b of p.removed) this.res.commit(b.station, b.slot);
    for (const [l, r] of p.ranked) this.rank[l] = r;
  }

  /** The current plan (its batches are not mutated later, so this is a snapshot). */
  snapshot(): Decoded {
    return { ...this.evaluation, batches: [...this.order] };
  }

  /** Lots by rank: the priority list the plan is closest to (decoding it re-decodes every window at once). */
  priority(): Int32Array {
    const lots = Array.from(this.rank.keys());
    lots.sort((a, b) => this.rank[a]! - this.rank[b]! || a - b);
    return Int32Array.from(lots);
  }

  /**
   * Give one to three window lots the rank just before another window lot's (a late lot first, moved earlier).
   * Returns the changed lots with their old ranks.
   */
  private perturb(lots: WindowLot[], rng: Rng, lateLot: number | undefined): Array<[number, number]> {
    const changed: Array<[number, number]> = [];
    if (lots.length < 2) return changed;
    const byRank = [...lots].sort((a, b) => a.rank - b.rank);
    const moves = 1 + rng.int(3);
    for (let k = 0; k < moves; k++) {
      let from = rng.int(byRank.length);
      if (k === 0 && lateLot !== undefined) {
        const late = byRank.findIndex((x) => x.lot === lateLot);
        if (late >= 0) from = late;
      }
      // A late lot goes earlier; others move a few places either way.
      const reach = 1 + rng.int(NEAR);
      const to = k === 0 && lateLot !== undefined ? from - reach : from + (rng.next() < 0.5 ? -reach : reach);
      if (to < 0 || to >= byRank.length || to === from) continue;
      const [w] = byRank.splice(from, 1);
      byRank.splice(to, 0, w!);
      const prev = byRank[to - 1]?.rank ?? byRank[to + 1]!.rank - 1;
      const next = byRank[to + 1]?.rank ?? prev + 1;
      changed.push([w!.lot, this.rank[w!.lot]!]);
      w!.rank = prev + (next - prev) * (0.25 + 0.5 * rng.next());
      this.rank[w!.lot] = w!.rank;
    }
    return changed;
  }

  private workOf(b: BuiltBatch): number {
    return b.attended + (this.model.stations[b.station]!.unattended?.unload ?? 0);
  }

  /** The window's lots by lot id (the decoder breaks seed ties by lot), or null when a lot's window steps are not contiguous. */
  private windowLots(removed: BuiltBatch[]): WindowLot[] | null {
    const index = new Map<number, WindowLot & { count: number }>();
    for (const b of removed) {
      for (let k = 0; k < b.lots.length; k++) {
        const l = b.lots[k]!;
        if (this.frozenLine[this.work.lots[l]!.line]) return null;
        const step = b.steps[k]!;
        const w = index.get(l);
        if (w) {
          w.first = Math.min(w.first, step);
          w.last = Math.max(w.last, step);
          w.count++;
        } else index.set(l, { lot: l, rank: this.rank[l]!, first: step, last: step, ready: 0, deadline: Infinity, count: 1 });
      }
    }
    const out: WindowLot[] = [];
    for (const w of [...index.values()].sort((a, b) => a.lot - b.lot)) {
      if (w.count !== w.last - w.first + 1) return null;
      const lot = this.work.lots[w.lot]!;
      const steps = this.at[w.lot]!;
      w.ready = w.first > lot.firstStep ? steps[w.first - 1]!.slot.end : Math.max(lot.ready, this.model.now);
      w.deadline = w.last + 1 < steps.length ? steps[w.last + 1]!.slot.start : Infinity;
      out.push({ lot: w.lot, rank: w.rank, first: w.first, last: w.last, ready: w.ready, deadline: w.deadline });
    }
    return out;
  }
}
