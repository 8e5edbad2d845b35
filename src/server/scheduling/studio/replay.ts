import type { PlannedBatch, StudioProblem } from "../types";
import { evaluate, type BuiltBatch, type Decoded } from "./construct";
import { canonicalLineLots, isFixed, type Work } from "./lots";
import { attendedMinutes, type StudioModel } from "./model";
import { toPlannedBatches } from "./output";
import type { Slot } from "./placement";
import { validatePlan } from "./validate";

/**
 * The previous plan's open batches as they are, as a candidate of this re-plan, or undefined when they are not a
 * valid plan of this problem. The improvement phase's window moves leave plans that no priority list decodes to,
 * so an unchanged problem gets its plan back through this, not through its search state. Each batch item takes
 * lots of its line planned at its step whose earlier step is done by the batch's start, earliest done first, that
 * add up to its pieces (lots of one size are interchangeable); the candidate must re-emit exactly the previous batches.
 */
export function replayPlan(problem: StudioProblem, model: StudioModel, work: Work, previous: PlannedBatch[]): Decoded | undefined {
  if (validatePlan(problem, { batches: previous }).length > 0) return undefined;
  const open = previous.filter((b) => !isFixed(b)).sort((a, b) => a.start - b.start || a.stationId.localeCompare(b.stationId) || a.stationUnit - b.stationUnit);
  const lineLots = canonicalLineLots(model.lines.length, work.lots);
  /** Per line and step: the lots planned there and not yet given to a batch. */
  const untaken = new Map<string, number[]>();
  const endOf = new Map<string, number>();
  const batches: BuiltBatch[] = [];
  for (const b of open) {
    const station = model.stationIndex.get(b.stationId)!;
    const person = model.personIndex.get(b.personId)!;
    const lots: number[] = [];
    const steps: number[] = [];
    let rate = 0;
    let setup = 0;
    let key = -1;
    for (const item of b.items) {
      const line = model.lineIndex.get(item.orderLineId)!;
      const step = model.designs[model.lines[line]!.design]!.steps[item.stepIndex]!;
      const at = `${line}:${item.stepIndex}`;
      let left = untaken.get(at);
      if (!left) {
        left = lineLots[line]!.filter((l) => work.lots[l]!.firstStep <= item.stepIndex && !work.lots[l]!.passes?.[item.stepIndex]);
        untaken.set(at, left);
      }
      const ready = (l: number): number => {
        const lot = work.lots[l]!;
        if (item.stepIndex === lot.firstStep) return lot.ready;
        return lot.passes?.[item.stepIndex - 1]?.end ?? endOf.get(`${l}:${item.stepIndex - 1}`) ?? Infinity;
      };
      const candidates = left.filter((l) => ready(l) <= b.start).sort((x, y) => ready(x) - ready(y));
      const picked = pickLots(candidates, (l) => work.lots[l]!.pieces, item.pieces);
      if (!picked) return undefined;
      for (const l of picked) {
        endOf.set(`${l}:${item.stepIndex}`, b.end);
        lots.push(l);
        steps.push(item.stepIndex);
        left.splice(left.indexOf(l), 1);
      }
      const pieces = item.pieces;
      rate += pieces * step.perPiece;
      setup = Math.max(setup, step.setup);
      key = step.key;
    }
    const unattended = model.stations[station]!.unattended;
    const unload = unattended ? b.personSegments.find((s) => s.start >= b.run!.end)?.start : undefined;
    const slot: Slot = { start: b.start, end: b.end, unit: b.stationUnit, person, loadEnd: b.run?.start ?? b.end, unloadStart: unload ?? b.end };
    batches.push({ key, station, slot, lots, steps, pieces: b.pieces, setup, attended: attendedMinutes(setup, rate) });
  }
  const completion = Float64Array.from(work.fixedCompletion);
  let makespan = 0;
  let setupMinutes = 0;
  let workMinutes = 0;
  let setups = batches.length;
  for (const f of work.fixed) {
    makespan = Math.max(makespan, f.batch.end);
    if (f.batch.status === "done") continue;
    setups++;
    setupMinutes += f.batch.setupMinutes;
    workMinutes += f.batch.workMinutes;
  }
  for (const b of batches) {
    makespan = Math.max(makespan, b.slot.end);
    setupMinutes += b.setup;
    workMinutes += b.attended + (model.stations[b.station]!.unattended?.unload ?? 0);
    b.lots.forEach((l, i) => {
      const line = work.lots[l]!.line;
      if (b.steps[i] === model.designs[model.lines[line]!.design]!.steps.length - 1) completion[line] = Math.max(completion[line]!, b.slot.end);
    });
  }
  const replayed: Decoded = { ...evaluate(model, completion, makespan, setupMinutes, setups, workMinutes, new Map()), batches };
  const byId = (bs: PlannedBatch[]) => JSON.stringify(bs.filter((b) => !isFixed(b)).sort((a, b) => a.id.localeCompare(b.id)));
  return byId(toPlannedBatches(model, work, replayed)) === byId(previous) ? replayed : undefined;
}

/** Lots, tried in the given order, whose pieces add up to exactly `need`; null when none do. */
function pickLots(candidates: number[], pieces: (l: number) => number, need: number): number[] | null {
  const failed = new Set<number>();
  const search = (from: number, left: number): number[] | null => {
    if (left === 0) return [];
    // Failures are remembered per (from, left), so a line of many lots stays polynomial.
    const state = from * (need + 1) + left;
    if (failed.has(state)) return null;
    for (let i = from; i < candidates.length; i++) {
      const l = candidates[i]!;
      if (pieces(l) > left) continue;
      const rest = search(i + 1, left - pieces(l));
      if (rest) return [l, ...rest];
    }
    failed.add(state);
    return null;
  };
  return search(0, need);
}
