import type { WeeklyShift } from "~/server/scheduling";
import { workingWindows } from "./calendar";

// The one place that times a batch on the studio's working hours. Every board edit (move, split, merge,
// resize, trimming after scrap) and the planner's kept batches go through it, so a batch keeps its working
// time — not its clock span — and an unattended machine keeps its run: the person loads in working time,
// the machine runs its full time whatever the hours (nights too), the person unloads in working time.

const MINUTE = 60_000;
const DAY = 86_400_000;

/** The planner's unload time for unattended machines (passed to the engine explicitly, so both agree). */
export const UNLOAD_MINUTES = 5;

export type Machine = { runMinutes: number; unloadMinutes: number };

/** A station's machine run, or null for an attended station. */
export function machineOf(station: { unattended: boolean; runSeconds: number | null; loadCapacity?: number | null } | null | undefined): Machine | null {
  if (!station?.unattended || !station.runSeconds) return null;
  return { runMinutes: Math.ceil(station.runSeconds / 60), unloadMinutes: UNLOAD_MINUTES };
}

/** Working time (the studio's, or one person's with their days off) over a span of days, as sorted [start, end) milliseconds. */
export class StudioClock {
  private readonly windows: Array<[number, number]>;

  constructor(shifts: WeeklyShift[], timeZone: string, from: Date, days = 90, daysOff: string[] = []) {
    this.windows = workingWindows(shifts, timeZone, new Date(from.getTime() - 2 * DAY), days + 3, daysOff);
  }

  /** Index of the first window ending after t (-1 when the span runs out). */
  private after(t: number): number {
    let lo = 0;
    let hi = this.windows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.windows[mid]![1] > t) hi = mid;
      else lo = mid + 1;
    }
    return lo < this.windows.length ? lo : -1;
  }

  isWorking(t: number): boolean {
    const i = this.after(t);
    return i >= 0 && this.windows[i]![0] <= t;
  }

  /** The first working instant at or after t, or null beyond the span. */
  nextWorking(t: number): number | null {
    const i = this.after(t);
    return i < 0 ? null : Math.max(t, this.windows[i]![0]);
  }

  /** Where `minutes` of work starting at working instant `start` ends, running on through later windows. */
  endOf(start: number, minutes: number): number | null {
    let i = this.after(start);
    if (i < 0 || this.windows[i]![0] > start) return null;
    let cursor = start;
    let left = minutes * MINUTE;
    for (; i < this.windows.length; i++) {
      const [s, e] = this.windows[i]!;
      cursor = Math.max(cursor, s);
      if (cursor + left <= e) return cursor + left;
      left -= e - cursor;
    }
    return null;
  }
}

export type Timing = { startAt: number; endAt: number; runStartAt: number | null; runEndAt: number | null; unloadAt: number | null };

/**
 * A batch starting at `start` that needs `attended` person minutes (the load, for a machine): where it
 * ends, and for a machine when it runs and when the person unloads it. Null when `start` is outside working
 * hours or the hours run out.
 */
export function timeBatch(clock: StudioClock, start: number, attended: number, machine: Machine | null): Timing | null {
  const loadEnd = clock.endOf(start, attended);
  if (loadEnd === null) return null;
  if (!machine) return { startAt: start, endAt: loadEnd, runStartAt: null, runEndAt: null, unloadAt: null };
  const runEnd = loadEnd + machine.runMinutes * MINUTE;
  const unloadAt = clock.nextWorking(runEnd);
  const end = unloadAt === null ? null : clock.endOf(unloadAt, machine.unloadMinutes);
  if (unloadAt === null || end === null) return null;
  return { startAt: start, endAt: end, runStartAt: loadEnd, runEndAt: runEnd, unloadAt };
}

type Timed = { startAt: number; endAt: number; runStartAt: number | null; unloadAt: number | null };

/** When the batch's person works on it: all of it, or the load and the unload of a machine run. */
export function personBusy(b: Timed): Array<[number, number]> {
  if (b.runStartAt === null || b.unloadAt === null) return [[b.startAt, b.endAt]];
  return [
    [b.startAt, b.runStartAt],
    [b.unloadAt, b.endAt],
  ];
}

/** Person minutes of a stored batch without the unload (its load, for a machine): workMinutes holds both. */
export function attendedOf(workMinutes: number, machine: Machine | null): number {
  return Math.max(1, workMinutes - (machine?.unloadMinutes ?? 0));
}

/** The engine's duration rule: max setup of the steps + Σ pieces × minutes per piece, whole minutes, at least 1. */
export function attendedMinutes(setupMinutes: number, pieceMinutes: number): number {
  return Math.max(1, Math.ceil(setupMinutes + pieceMinutes - 1e-9));
}
