import type { PlannedBatch } from "../types";
import type { StudioModel } from "./model";

/** Pieces of one order line that travel through the remaining routing together. */
export interface Lot {
  line: number;
  pieces: number;
  /** First routing step still to plan. */
  firstStep: number;
  /** Earliest start of firstStep (release, or end of the locked work before it). */
  ready: number;
}

/** A started/locked batch of the previous plan, kept exactly. */
export interface FixedBatch {
  batch: PlannedBatch;
  station: number;
  unit: number;
  person: number;
}

export interface Work {
  lots: Lot[];
  fixed: FixedBatch[];
  /** Per line: latest end of fixed batches at its last step (−Infinity when none). */
  fixedCompletion: number[];
  warnings: string[];
}

export function isFixed(batch: PlannedBatch): boolean {
  return batch.status === "started" || batch.status === "locked";
}

function splitEvenly(total: number, cap: number): number[] {
  const parts = Math.max(1, Math.ceil(total / cap));
  const base = Math.floor(total / parts);
  const extra = total - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < extra ? 1 : 0));
}

/**
 * Split the demand into lots and collect the fixed batches of a previous plan.
 * Pieces already covered by fixed batches at step k are not planned again at k;
 * the pieces that finished step k−1 in fixed batches but not step k form lots
 * starting at k, ready when the last of those fixed batches ends.
 */
export function prepareWork(
  model: StudioModel,
  previous: PlannedBatch[] | undefined,
  maxLotSize = Infinity,
): Work {
  const warnings: string[] = [];
  const fixed: FixedBatch[] = [];
  const lineCount = model.lines.length;
  const doneCount = model.lines.map((l) => new Array<number>(model.designs[l.design]!.steps.length).fill(0));
  const doneEnd = model.lines.map((l) => new Array<number>(model.designs[l.design]!.steps.length).fill(-Infinity));

  for (const batch of previous ?? []) {
    if (!isFixed(batch)) continue;
    const station = model.stationIndex.get(batch.stationId);
    const person = model.personIndex.get(batch.personId);
    if (station === undefined || person === undefined || batch.stationUnit >= model.stations[station]!.count) {
      warnings.push(`locked batch ${batch.id} refers to an unknown station, unit or person and was dropped`);
      continue;
    }
    const items = batch.items.filter((item) => {
      const li = model.lineIndex.get(item.orderLineId);
      const steps = li === undefined ? undefined : model.designs[model.lines[li]!.design]!.steps;
      if (li === undefined || !steps || item.stepIndex < 0 || item.stepIndex >= steps.length) {
        warnings.push(`locked batch ${batch.id}: item for order line ${item.orderLineId} step ${item.stepIndex} no longer exists`);
        return false;
      }
      doneCount[li]![item.stepIndex]! += item.pieces;
      doneEnd[li]![item.stepIndex] = Math.max(doneEnd[li]![item.stepIndex]!, batch.end);
      return true;
    });
    fixed.push({ batch: { ...batch, items }, station, unit: batch.stationUnit, person });
  }

  const lots: Lot[] = [];
  const fixedCompletion = new Array<number>(lineCount).fill(-Infinity);
  model.lines.forEach((line, li) => {
    const steps = model.designs[line.design]!.steps;
    const done = doneCount[li]!;
    let previousDone = line.qty;
    let previousEnd = line.release;
    for (let k = 0; k < steps.length; k++) {
      const here = done[k]!;
      if (here > previousDone) {
        warnings.push(`order line ${line.id}: step ${k} has more locked pieces than step ${k - 1}`);
      }
      const pieces = Math.max(0, previousDone - here);
      if (pieces > 0) {
        let cap = maxLotSize;
        for (let j = k; j < steps.length; j++) cap = Math.min(cap, steps[j]!.cap);
        for (const size of splitEvenly(pieces, Math.max(1, Math.floor(cap)))) {
          lots.push({ line: li, pieces: size, firstStep: k, ready: previousEnd });
        }
      }
      previousDone = Math.min(previousDone, here);
      previousEnd = Math.max(line.release, doneEnd[li]![k]!);
    }
    if (done[steps.length - 1]! > 0) fixedCompletion[li] = doneEnd[li]![steps.length - 1]!;
    if (done[steps.length - 1]! > line.qty) warnings.push(`order line ${line.id}: locked batches hold more pieces than ordered`);
  });
  return { lots, fixed, fixedCompletion, warnings };
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
