import type { BatchItem, OrderLineResult, PlannedBatch, PlanSummary, TimeSpan } from "../types";
import type { Decoded, Evaluation } from "./construct";
import type { Work } from "./lots";
import type { StudioModel } from "./model";
import { localIso } from "./zone";

const round2 = (x: number): number => Math.round(x * 100) / 100;

export function toIso(model: StudioModel, minute: number): string | undefined {
  if (model.horizonStart === undefined || !Number.isFinite(minute)) return undefined;
  return new Date(Date.parse(model.horizonStart) + minute * 60_000).toISOString();
}

export function summarize(e: Evaluation): PlanSummary {
  return {
    makespanMinutes: e.makespan,
    totalLatenessMinutes: e.totalLateness,
    maxLatenessMinutes: e.maxLateness,
    lateOrderLines: e.lateLines,
    setups: e.setups,
    setupHours: round2(e.setupMinutes / 60),
    workHours: round2(e.workMinutes / 60),
  };
}

/** Turn a decoded schedule plus the kept (locked) batches into the public batch list. */
export function toPlannedBatches(model: StudioModel, work: Work, decoded: Decoded): PlannedBatch[] {
  const used = new Set(work.fixed.map((f) => f.batch.id));
  const fresh = [...decoded.batches].sort(
    (a, b) => a.slot.start - b.slot.start || a.station - b.station || a.slot.unit - b.slot.unit,
  );
  let counter = 0;
  const nextId = (): string => {
    let id: string;
    do id = `B${String(++counter).padStart(4, "0")}`;
    while (used.has(id));
    return id;
  };
  const out: PlannedBatch[] = work.fixed.map((f) => ({ ...f.batch }));
  for (const b of fresh) {
    const station = model.stations[b.station]!;
    const calendar = model.people[b.slot.person]!.calendar;
    const items = new Map<string, BatchItem>();
    b.lots.forEach((lotId, i) => {
      const lot = work.lots[lotId]!;
      const line = model.lines[lot.line]!;
      const stepIndex = b.steps[i]!;
      const id = `${lot.line}:${stepIndex}`;
      const existing = items.get(id);
      if (existing) existing.pieces += lot.pieces;
      else {
        const item: BatchItem = {
          orderLineId: line.id,
          orderId: line.orderId,
          designId: line.designId,
          stepIndex,
          stepId: model.designs[line.design]!.steps[stepIndex]!.stepId,
          pieces: lot.pieces,
        };
        if (line.variantId !== undefined) item.variantId = line.variantId;
        items.set(id, item);
      }
    });
    const segments: TimeSpan[] = [...(calendar.segments(b.slot.start, b.attended) ?? [])];
    let run: TimeSpan | undefined;
    if (station.unattended) {
      run = { start: b.slot.loadEnd, end: b.slot.loadEnd + station.unattended.run };
      if (station.unattended.unload > 0) segments.push(...(calendar.segments(b.slot.unloadStart, station.unattended.unload) ?? []));
    }
    const batch: PlannedBatch = {
      id: nextId(),
      family: model.keys[b.key]!.family,
      stationId: station.id,
      stationUnit: b.slot.unit,
      personId: model.people[b.slot.person]!.id,
      items: [...items.values()],
      pieces: b.pieces,
      setupMinutes: b.setup,
      workMinutes: b.attended + (station.unattended?.unload ?? 0),
      start: b.slot.start,
      end: b.slot.end,
      personSegments: segments,
      status: "planned",
    };
    if (run) batch.run = run;
    const startAt = toIso(model, batch.start);
    const endAt = toIso(model, batch.end);
    if (startAt && endAt) {
      batch.startAt = startAt;
      batch.endAt = endAt;
      const zone = model.people[b.slot.person]!.zone;
      if (zone !== undefined) {
        batch.startLocal = localIso(zone, Date.parse(startAt));
        batch.endLocal = localIso(zone, Date.parse(endAt));
      }
    }
    out.push(batch);
  }
  return out;
}

export function orderLineResults(model: StudioModel, completion: Float64Array): OrderLineResult[] {
  return model.lines.map((line, i) => {
    const done = completion[i]!;
    const result: OrderLineResult = {
      orderLineId: line.id,
      completionMinute: done,
      dueMinute: line.due,
      latenessMinutes: Math.max(0, done - line.due),
    };
    const at = toIso(model, done);
    if (at) result.completionAt = at;
    return result;
  });
}
