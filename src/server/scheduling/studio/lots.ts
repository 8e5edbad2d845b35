import type { PlannedBatch } from "../types";
import type { StudioModel } from "./model";

/** A kept batch's share of one order line at one step: the lot passes through it instead of being planned there. */
export interface Pass {
  batchId: string;
  start: number;
  end: number;
  /** Pinned batches: the lot's planned steps before it must finish by `start` (else a precedence violation). */
  check: boolean;
}

/** Pieces of one order line that travel through the remaining routing together. */
export interface Lot {
  line: number;
  pieces: number;
  /** First routing step to plan. */
  firstStep: number;
  /** Earliest start of firstStep (release, or end of the kept work before it). */
  ready: number;
  /** Per step index: a kept batch the lot goes through at that step (after firstStep); null when there is none. */
  passes: Array<Pass | undefined> | null;
  /** Start of the first checked pass: the lot's earlier planned steps must finish by then (Infinity when none). */
  deadline: number;
}

/** A started/locked/done batch of the previous plan, kept exactly. */
export interface FixedBatch {
  batch: PlannedBatch;
  station: number;
  unit: number;
  person: number;
}

export interface Work {
  lots: Lot[];
  fixed: FixedBatch[];
  /** Per line: latest end of kept batches at its last step (−Infinity when none). */
  fixedCompletion: number[];
  warnings: string[];
}

export function isFixed(batch: PlannedBatch): boolean {
  return batch.status === "started" || batch.status === "locked" || batch.status === "done";
}

function splitEvenly(total: number, cap: number): number[] {
  const parts = Math.max(1, Math.ceil(total / cap));
  const base = Math.floor(total / parts);
  const extra = total - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < extra ? 1 : 0));
}

interface Slice extends Pass {
  pieces: number;
  scrapped: number;
}

/** Pieces of a line with the same route so far: per step, the kept batch they went through, or null (planned). */
interface Chunk {
  pieces: number;
  route: Array<Slice | null>;
}

/**
 * Split the demand into lots and collect the kept batches of a previous plan.
 *
 * Per order line and step, kept batches hold some of the line's pieces ("slices"). The line's pieces are
 * followed step by step: at step k the pieces that reached it are shared out over the slices at k (pieces
 * whose time is known — they came out of a kept batch at k−1, earliest first — before pieces still to be
 * planned), scrapped pieces of a slice stop there, and the rest is planned at k. Pieces with the same route
 * form one chunk; a chunk becomes lots that start at its first planned step and pass through its later
 * slices. So a pinned batch at step k keeps its pieces while their steps before k and after k are planned
 * around it, and nothing is planned twice.
 */
export function prepareWork(model: StudioModel, previous: PlannedBatch[] | undefined, maxLotSize = Infinity): Work {
  const warnings: string[] = [];
  const fixed: FixedBatch[] = [];
  const slices = model.lines.map((l) => model.designs[l.design]!.steps.map((): Slice[] => []));

  for (const batch of previous ?? []) {
    if (!isFixed(batch)) continue;
    const station = model.stationIndex.get(batch.stationId);
    const person = model.personIndex.get(batch.personId);
    if (station === undefined || person === undefined || batch.stationUnit >= model.stations[station]!.count) {
      warnings.push(`kept batch ${batch.id} refers to an unknown station, unit or person and was dropped`);
      continue;
    }
    const items = batch.items.filter((item) => {
      const li = model.lineIndex.get(item.orderLineId);
      const steps = li === undefined ? undefined : model.designs[model.lines[li]!.design]!.steps;
      if (li === undefined || !steps || item.stepIndex < 0 || item.stepIndex >= steps.length) {
        warnings.push(`kept batch ${batch.id}: item for order line ${item.orderLineId} step ${item.stepIndex} no longer exists`);
        return false;
      }
      slices[li]![item.stepIndex]!.push({
        batchId: batch.id,
        start: batch.start,
        end: batch.end,
        check: batch.status === "locked",
        pieces: item.pieces,
        scrapped: Math.min(item.pieces, Math.max(0, item.scrapped ?? 0)),
      });
      return true;
    });
    fixed.push({ batch: { ...batch, items }, station, unit: batch.stationUnit, person });
  }

  const lots: Lot[] = [];
  const fixedCompletion = new Array<number>(model.lines.length).fill(-Infinity);
  model.lines.forEach((line, li) => {
    const steps = model.designs[line.design]!.steps;
    let chunks: Chunk[] = [{ pieces: line.qty, route: [] }];
    for (let k = 0; k < steps.length; k++) {
      const here = slices[li]![k]!.sort((a, b) => a.start - b.start || a.end - b.end);
      if (here.length === 0) {
        for (const chunk of chunks) chunk.route.push(null);
        continue;
      }
      const known = (c: Chunk) => c.route[k - 1]?.end ?? Infinity;
      const queue = [...chunks].sort((a, b) => known(a) - known(b));
      const out: Chunk[] = [];
      let qi = 0;
      let left = queue[0]?.pieces ?? 0;
      for (const slice of here) {
        let need = slice.pieces;
        const taken: Chunk[] = [];
        while (need > 0 && qi < queue.length) {
          const take = Math.min(need, left);
          if (take > 0) taken.push({ pieces: take, route: [...queue[qi]!.route, slice] });
          need -= take;
          left -= take;
          if (left === 0 && ++qi < queue.length) left = queue[qi]!.pieces;
        }
        if (need > 0) warnings.push(`order line ${line.id}: step ${k} has ${need} more kept pieces than reach it`);
        let scrapped = slice.scrapped;
        for (let t = taken.length - 1; t >= 0 && scrapped > 0; t--) {
          const cut = Math.min(scrapped, taken[t]!.pieces);
          taken[t]!.pieces -= cut;
          scrapped -= cut;
        }
        out.push(...taken);
        if (k === steps.length - 1) fixedCompletion[li] = Math.max(fixedCompletion[li]!, slice.end);
      }
      for (; qi < queue.length; qi++, left = queue[qi]?.pieces ?? 0) {
        if (left > 0) out.push({ pieces: left, route: [...queue[qi]!.route, null] });
      }
      chunks = mergeRoutes(out.filter((c) => c.pieces > 0));
    }
    for (const chunk of chunks) {
      const first = chunk.route.indexOf(null);
      if (first < 0) continue;
      let cap = maxLotSize;
      let passes: Lot["passes"] = null;
      let deadline = Infinity;
      for (let j = first; j < steps.length; j++) {
        const slice = chunk.route[j];
        if (!slice) {
          cap = Math.min(cap, steps[j]!.cap);
          continue;
        }
        passes ??= new Array<Pass | undefined>(steps.length);
        passes[j] = { batchId: slice.batchId, start: slice.start, end: slice.end, check: slice.check };
        if (slice.check && deadline === Infinity) deadline = slice.start;
      }
      const ready = first > 0 ? Math.max(line.release, chunk.route[first - 1]!.end) : line.release;
      for (const size of splitEvenly(chunk.pieces, Math.max(1, Math.floor(cap)))) {
        lots.push({ line: li, pieces: size, firstStep: first, ready, passes, deadline });
      }
    }
  });
  return { lots, fixed, fixedCompletion, warnings };
}

function mergeRoutes(chunks: Chunk[]): Chunk[] {
  const byRoute = new Map<string, Chunk>();
  for (const chunk of chunks) {
    const key = chunk.route.map((s) => (s ? s.batchId : "-")).join("|");
    const same = byRoute.get(key);
    if (same) same.pieces += chunk.pieces;
    else byRoute.set(key, { pieces: chunk.pieces, route: chunk.route });
  }
  return [...byRoute.values()];
}

/**
 * Lots of each line in canonical order (furthest along first, then creation
 * order). Priorities keep a line's lots in this relative order, so a list of
 * line ids (one per lot) fully determines a priority.
 */
export function canonicalLineLots(lineCount: number, lots: Lot[]): number[][] {
  const out: number[][] = Array.from({ length: lineCount }, () => []);
  lots.forEach((lot, i) => out[lot.line]!.push(i));
  for (const list of out) list.sort((a, b) => lots[b]!.firstStep - lots[a]!.firstStep || a - b);
  return out;
}

/** Reorder each line's lots canonically within the positions they hold in `priority`. */
export function canonicalize(priority: Int32Array, lineLots: number[][]): Int32Array {
  const position = new Int32Array(priority.length);
  priority.forEach((lot, i) => (position[lot] = i));
  const out = priority.slice();
  for (const lots of lineLots) {
    if (lots.length < 2) continue;
    const slots = lots.map((l) => position[l]!).sort((a, b) => a - b);
    slots.forEach((slot, k) => (out[slot] = lots[k]!));
  }
  return out;
}
