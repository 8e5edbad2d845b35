import type { PlannedBatch, StudioProblem, TimeSpan, Violation } from "../types";
import { isFixed } from "./lots";
import { attendedMinutes, buildModel, type StudioModel } from "./model";
import { checkPieceFlow } from "./validate-flow";
import { SchedulingError } from "../errors";

/**
 * Check a plan against the problem: stations, units and skills; batch
 * families and capacity; durations; working hours; no overlaps per station
 * unit and per person; quantities and piece-level precedence; release/now;
 * and that started/locked batches of `problem.previousPlan` are unchanged.
 * Returns all violations found (empty = valid).
 */
export function validatePlan(problem: StudioProblem, plan: { batches: PlannedBatch[]; released?: string[] }): Violation[] {
  let model: StudioModel;
  try {
    model = buildModel(problem);
  } catch (error) {
    if (!(error instanceof SchedulingError)) throw error;
    return [{ code: "input", message: error.message }];
  }
  const out: Violation[] = [];
  const stationUse = new Map<string, Array<{ id: string } & TimeSpan>>();
  const personUse = new Map<string, Array<{ id: string } & TimeSpan>>();
  for (const batch of plan.batches) {
    checkBatch(model, batch, out);
    const unitKey = `${batch.stationId}#${batch.stationUnit}`;
    pushTo(stationUse, unitKey, { id: batch.id, start: batch.start, end: batch.end });
    for (const seg of batch.personSegments) pushTo(personUse, batch.personId, { id: batch.id, ...seg });
  }
  for (const [unit, spans] of stationUse) overlaps(spans, "station-overlap", `station unit ${unit}`, out);
  for (const [person, spans] of personUse) overlaps(spans, "person-overlap", `person ${person}`, out);
  checkPieceFlow(model, plan.batches, out);
  checkLocked(problem, plan.batches, new Set(plan.released ?? []), out);
  return out;
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function overlaps(spans: Array<{ id: string } & TimeSpan>, code: Violation["code"], what: string, out: Violation[]): void {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  let last: ({ id: string } & TimeSpan) | undefined;
  for (const span of sorted) {
    if (last && span.start < last.end) {
      out.push({ code, batchId: span.id, message: `${what}: batch ${span.id} [${span.start}, ${span.end}) overlaps batch ${last.id} [${last.start}, ${last.end})` });
    }
    if (!last || span.end > last.end) last = span;
  }
}

function checkBatch(model: StudioModel, batch: PlannedBatch, out: Violation[]): void {
  const add = (code: Violation["code"], message: string): void => {
    out.push({ code, batchId: batch.id, message: `batch ${batch.id}: ${message}` });
  };
  const si = model.stationIndex.get(batch.stationId);
  const pi = model.personIndex.get(batch.personId);
  if (si === undefined) return add("station", `unknown station "${batch.stationId}"`);
  const station = model.stations[si]!;
  if (!Number.isInteger(batch.stationUnit) || batch.stationUnit < 0 || batch.stationUnit >= station.count) {
    add("station", `unit ${batch.stationUnit} does not exist at station "${station.id}" (count ${station.count})`);
  }
  if (pi === undefined) return add("person", `unknown person "${batch.personId}"`);
  if (!station.people.includes(pi)) add("skill", `person "${batch.personId}" cannot work at station "${station.id}"`);
  if (batch.items.length === 0) return add("item", "has no items");

  let setup = 0;
  let rate = 0;
  let pieces = 0;
  let cap = Infinity;
  const keys = new Set<number>();
  for (const item of batch.items) {
    const li = model.lineIndex.get(item.orderLineId);
    const step = li === undefined ? undefined : model.designs[model.lines[li]!.design]!.steps[item.stepIndex];
    if (li === undefined || !step) {
      add("item", `unknown order line "${item.orderLineId}" or step ${item.stepIndex}`);
      continue;
    }
    if (!Number.isInteger(item.pieces) || item.pieces < 1) add("item", `order line ${item.orderLineId}: pieces must be a positive integer`);
    if (step.station !== si) add("item", `order line ${item.orderLineId} step ${item.stepIndex} belongs at station "${model.stations[step.station]!.id}"`);
    if (item.stepIndex === 0 && batch.start < model.lines[li]!.release) add("release", `starts before order line ${item.orderLineId} is released`);
    keys.add(step.key);
    setup = Math.max(setup, step.setup);
    rate += item.pieces * step.perPiece;
    pieces += item.pieces;
    cap = Math.min(cap, step.cap);
  }
  if (keys.size > 1) add("family", `mixes steps of different families: ${[...keys].map((k) => model.keys[k]!.name).join(", ")}`);
  const family = keys.size === 1 ? model.keys[[...keys][0]!]!.family : null;
  if (keys.size === 1 && batch.family !== family) add("family", `family "${batch.family}" should be "${family}"`);
  if (pieces > cap) add("capacity", `${pieces} pieces exceed the batch limit of ${cap}`);
  if (pieces !== batch.pieces) add("item", `pieces ${batch.pieces} ≠ sum of items ${pieces}`);
  if (Math.abs(setup - batch.setupMinutes) > 1e-9) add("duration", `setupMinutes ${batch.setupMinutes} should be ${setup}`);
  if (!isFixed(batch) && batch.start < model.now) add("release", `starts at ${batch.start}, before nowMinute ${model.now}`);

  const cal = model.people[pi]!.calendar;
  for (const seg of batch.personSegments) {
    if (!(seg.end > seg.start)) add("duration", `empty person segment [${seg.start}, ${seg.end})`);
    else if (!cal.covers(seg.start, seg.end)) add("calendar", `person segment [${seg.start}, ${seg.end}) is outside ${batch.personId}'s working hours`);
  }
  checkTiming(batch, attendedMinutes(setup, rate), station.unattended, add);
}

function total(spans: TimeSpan[]): number {
  return spans.reduce((sum, s) => sum + (s.end - s.start), 0);
}

function checkTiming(
  batch: PlannedBatch,
  attended: number,
  unattended: StudioModel["stations"][number]["unattended"],
  add: (code: Violation["code"], message: string) => void,
): void {
  const segs = batch.personSegments;
  for (let i = 1; i < segs.length; i++) {
    if (segs[i]!.start < segs[i - 1]!.end) return add("duration", "person segments are not ordered and disjoint");
  }
  const first = segs[0];
  const last = segs[segs.length - 1];
  if (!first || !last) return add("duration", "has no person segments");
  if (batch.start !== first.start) add("duration", `start ${batch.start} ≠ first person segment ${first.start}`);
  if (!unattended) {
    if (batch.run) add("duration", "has a machine run but the station is attended");
    if (total(segs) !== attended) add("duration", `person works ${total(segs)} min, needs ${attended}`);
    if (batch.end !== last.end) add("duration", `end ${batch.end} ≠ last person segment ${last.end}`);
    return;
  }
  const run = batch.run;
  if (!run) return add("duration", "unattended batch without a machine run");
  const load = segs.filter((s) => s.end <= run.start);
  const unload = segs.filter((s) => s.start >= run.end);
  if (load.length + unload.length !== segs.length) add("duration", "person works during the machine run");
  if (total(load) !== attended) add("duration", `load takes ${total(load)} min, needs ${attended}`);
  if (load.length > 0 && run.start !== load[load.length - 1]!.end) add("duration", "run does not start right after loading");
  if (run.end - run.start !== unattended.run) add("duration", `run lasts ${run.end - run.start} min, needs ${unattended.run}`);
  if (total(unload) !== unattended.unload) add("duration", `unload takes ${total(unload)} min, needs ${unattended.unload}`);
  const expectedEnd = unload.length > 0 ? unload[unload.length - 1]!.end : run.end;
  if (batch.end !== expectedEnd) add("duration", `end ${batch.end} should be ${expectedEnd}`);
}

/** Kept batches are unchanged, except pinned ones the plan says it released. */
function checkLocked(problem: StudioProblem, batches: PlannedBatch[], released: Set<string>, out: Violation[]): void {
  const byId = new Map(batches.map((b) => [b.id, b]));
  for (const prev of problem.previousPlan?.batches ?? []) {
    if (!isFixed(prev) || (prev.status === "locked" && released.has(prev.id))) continue;
    const now = byId.get(prev.id);
    const same =
      now !== undefined &&
      now.stationId === prev.stationId &&
      now.stationUnit === prev.stationUnit &&
      now.personId === prev.personId &&
      now.start === prev.start &&
      now.end === prev.end &&
      JSON.stringify(now.items) === JSON.stringify(prev.items);
    if (!same) out.push({ code: "locked", batchId: prev.id, message: `${prev.status} batch ${prev.id} was moved, changed or dropped` });
  }
}
