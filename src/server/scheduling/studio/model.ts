import type { ObjectiveWeights, OrderLineInput, StudioProblem } from "../types";
import { SchedulingError } from "../errors";
import { parseIso, weeklyZone, WorkCalendar } from "./calendar";
import type { Zone } from "./zone";

/** Normalised, index-based view of a StudioProblem used by the planner and the validator. */
export interface StepModel {
  stepId: string;
  station: number;
  setup: number;
  perPiece: number;
  /** Batch key index: steps with equal key may share a batch. */
  key: number;
  /** Max pieces per batch from this step (maxBatchSize and unattended capacity). */
  cap: number;
  family: string | null;
}

export interface StationModel {
  id: string;
  /** For messages: the station's name, or its id when it has none. */
  name: string;
  count: number;
  unattended: { capacity: number; run: number; unload: number } | null;
  /** People able to work here. */
  people: number[];
}

export interface PersonModel {
  id: string;
  calendar: WorkCalendar;
  /** The zone of a weekly calendar (output shows local times in it). */
  zone?: Zone;
}

export interface LineModel {
  id: string;
  orderId: string;
  designId: string;
  variantId?: string;
  design: number;
  qty: number;
  due: number;
  release: number;
}

export interface StudioModel {
  horizonStart?: string;
  stations: StationModel[];
  people: PersonModel[];
  designs: Array<{ id: string; steps: StepModel[] }>;
  lines: LineModel[];
  keys: Array<{ name: string; station: number; family: string | null }>;
  stationIndex: Map<string, number>;
  personIndex: Map<string, number>;
  lineIndex: Map<string, number>;
  now: number;
  weights: ObjectiveWeights;
  /** Union of all calendars: the clock of station timelines. */
  openClock: WorkCalendar;
}

export const DEFAULT_WEIGHTS: ObjectiveWeights = { lateness: 10, maxLateness: 2, makespan: 1, setup: 1 };

function uniqueIndex<T extends { id: string }>(items: T[], what: string): Map<string, number> {
  const map = new Map<string, number>();
  items.forEach((item, i) => {
    if (typeof item.id !== "string" || item.id === "") throw new SchedulingError(`${what} #${i} needs a non-empty string id`);
    if (map.has(item.id)) throw new SchedulingError(`duplicate ${what} id "${item.id}"`);
    map.set(item.id, i);
  });
  return map;
}

function nonNegative(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) throw new SchedulingError(`${what} must be a number ≥ 0`);
  return value;
}

function inputIso(value: string, what: string): number {
  try {
    return parseIso(value);
  } catch (error) {
    throw new SchedulingError(`${what}: ${(error as Error).message}`);
  }
}

function dueOf(line: OrderLineInput, horizonMs: number | undefined): number {
  if (typeof line.dueMinute === "number") return line.dueMinute;
  if (line.dueAt !== undefined) {
    if (horizonMs === undefined) throw new SchedulingError(`order line "${line.id}": dueAt needs problem.horizonStart`);
    return Math.round((inputIso(line.dueAt, `order line "${line.id}" dueAt`) - horizonMs) / 60_000);
  }
  throw new SchedulingError(`order line "${line.id}" needs dueMinute or dueAt`);
}

/** Validate and index the problem. Throws a SchedulingError describing the first input problem. */
export function buildModel(problem: StudioProblem): StudioModel {
  const horizonMs = problem.horizonStart !== undefined ? inputIso(problem.horizonStart, "horizonStart") : undefined;
  const stationIndex = uniqueIndex(problem.stations, "station");
  const personIndex = uniqueIndex(problem.people, "person");
  const designIndex = uniqueIndex(problem.designs, "design");
  const lineIndex = uniqueIndex(problem.orderLines, "order line");

  const stations: StationModel[] = problem.stations.map((s) => {
    const count = s.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new SchedulingError(`station "${s.id}": count must be an integer ≥ 1`);
    const u = s.unattended;
    if (u && (!Number.isInteger(u.capacity) || u.capacity < 1)) throw new SchedulingError(`station "${s.id}": capacity must be an integer ≥ 1`);
    return {
      id: s.id,
      name: s.name ?? s.id,
      count,
      unattended: u
        ? {
            capacity: u.capacity,
            run: Math.ceil(nonNegative(u.runMinutes, `station "${s.id}" runMinutes`)),
            unload: Math.ceil(nonNegative(u.unloadMinutes ?? 5, `station "${s.id}" unloadMinutes`)),
          }
        : null,
      people: [],
    };
  });

  const people: PersonModel[] = problem.people.map((p, pi) => {
    const skills = p.stationIds ?? problem.stations.map((s) => s.id);
    for (const sid of skills) {
      const si = stationIndex.get(sid);
      if (si === undefined) throw new SchedulingError(`person "${p.id}": unknown station "${sid}"`);
      if (!stations[si]!.people.includes(pi)) stations[si]!.people.push(pi);
    }
    try {
      const zone = !Array.isArray(p.calendar) && "weekly" in p.calendar ? weeklyZone(p.calendar) : undefined;
      return { id: p.id, calendar: WorkCalendar.from(p.calendar, problem.horizonStart), ...(zone !== undefined ? { zone } : {}) };
    } catch (error) {
      throw new SchedulingError(`person "${p.id}" calendar: ${(error as Error).message}`);
    }
  });

  const keyIndex = new Map<string, number>();
  const keys: StudioModel["keys"] = [];
  const designs = problem.designs.map((d) => {
    if (!Array.isArray(d.routing) || d.routing.length === 0) throw new SchedulingError(`design "${d.id}" needs a routing`);
    const steps = d.routing.map((step, k): StepModel => {
      const station = stationIndex.get(step.stationId);
      if (station === undefined) throw new SchedulingError(`design "${d.id}" step "${step.stepId}": unknown station "${step.stationId}"`);
      if (stations[station]!.people.length === 0) throw new SchedulingError(`nobody can work at station "${step.stationId}"`);
      const family = step.family ?? null;
      const name = family !== null ? `${step.stationId}::${family}` : `${step.stationId}::${d.id}#${k}`;
      let key = keyIndex.get(name);
      if (key === undefined) {
        key = keys.length;
        keyIndex.set(name, key);
        keys.push({ name, station, family });
      }
      const maxBatch = step.maxBatchSize ?? Infinity;
      if (!(maxBatch >= 1)) throw new SchedulingError(`design "${d.id}" step "${step.stepId}": maxBatchSize must be ≥ 1`);
      return {
        stepId: step.stepId,
        station,
        setup: nonNegative(step.setupMinutes, `design "${d.id}" step "${step.stepId}" setupMinutes`),
        perPiece: nonNegative(step.minutesPerPiece, `design "${d.id}" step "${step.stepId}" minutesPerPiece`),
        key,
        cap: Math.floor(Math.min(maxBatch, stations[station]!.unattended?.capacity ?? Infinity)),
        family,
      };
    });
    return { id: d.id, steps };
  });

  const lines: LineModel[] = problem.orderLines.map((l) => {
    const design = designIndex.get(l.designId);
    if (design === undefined) throw new SchedulingError(`order line "${l.id}": unknown design "${l.designId}"`);
    if (!Number.isInteger(l.quantity) || l.quantity < 1) throw new SchedulingError(`order line "${l.id}": quantity must be an integer ≥ 1`);
    return {
      id: l.id,
      orderId: l.orderId,
      designId: l.designId,
      variantId: l.variantId,
      design,
      qty: l.quantity,
      due: dueOf(l, horizonMs),
      release: Math.ceil(l.releaseMinute ?? 0),
    };
  });

  const opts = problem.options ?? {};
  return {
    horizonStart: problem.horizonStart,
    stations,
    people,
    designs,
    lines,
    keys,
    stationIndex,
    personIndex,
    lineIndex,
    now: Math.ceil(opts.nowMinute ?? 0),
    openClock: WorkCalendar.union(people.map((p) => p.calendar)),
    weights: { ...DEFAULT_WEIGHTS, ...opts.weights },
  };
}

/** Person-attended minutes of a batch (load for unattended steps), at least 1. */
export function attendedMinutes(setup: number, piecesTimesRate: number): number {
  return Math.max(1, Math.ceil(setup + piecesTimesRate - 1e-9));
}
