import { expandWeeklyCalendar, type Interval, type WeeklyShift } from "~/server/scheduling";

// Studio time: working hours are local wall-clock times in Studio.timeZone on every day, expanded by the
// engine's calendar (so board edits and the planner agree across clock changes).

const QUARTER = 15 * 60_000;

/** Planning starts now, rounded up to the next quarter hour. */
export function horizonStartFrom(now: Date = new Date()): Date {
  return new Date(Math.ceil(now.getTime() / QUARTER) * QUARTER);
}

export const HORIZON_DAYS = 28;

/** Working intervals as absolute [startMs, endMs) for `days` local days from the local day of `from`. */
export function workingWindows(shifts: WeeklyShift[], timeZone: string, from: Date, days: number): Array<[number, number]> {
  const intervals: Interval[] = expandWeeklyCalendar(shifts, from.toISOString(), days, timeZone);
  return intervals.map(([start, end]) => [from.getTime() + start * 60_000, from.getTime() + end * 60_000]);
}

const DAY_MS = 86_400_000;

/** Milliseconds of working time inside [start, end). */
export function workingTimeBetween(shifts: WeeklyShift[], timeZone: string, start: Date, end: Date): number {
  const days = Math.ceil((end.getTime() - start.getTime()) / DAY_MS) + 3;
  return workingWindows(shifts, timeZone, new Date(start.getTime() - DAY_MS), days).reduce(
    (sum, [s, e]) => sum + Math.max(0, Math.min(e, end.getTime()) - Math.max(s, start.getTime())),
    0,
  );
}

/**
 * Where `workMs` of working time that starts at `start` ends, running on through the next working intervals
 * (a batch started late in the day finishes the next morning). Null when `start` is outside working hours.
 */
export function endOfWork(shifts: WeeklyShift[], timeZone: string, start: Date, workMs: number, searchDays = 28): Date | null {
  const windows = workingWindows(shifts, timeZone, new Date(start.getTime() - DAY_MS), searchDays + 1);
  const first = windows.findIndex(([s, e]) => start.getTime() >= s && start.getTime() < e);
  if (first < 0) return null;
  let cursor = start.getTime();
  let left = workMs;
  for (const [s, e] of windows.slice(first)) {
    cursor = Math.max(cursor, s);
    if (cursor + left <= e) return new Date(cursor + left);
    left -= e - cursor;
  }
  return null;
}
