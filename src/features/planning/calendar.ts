import { expandWeeklyCalendar, type Interval, type WeeklyShift } from "~/server/scheduling";

// Studio time: working hours are local wall-clock times in Studio.timeZone on every day, expanded by the
// engine's calendar (so board edits and the planner agree across clock changes).

const QUARTER = 15 * 60_000;

/** Planning starts now, rounded up to the next quarter hour. */
export function horizonStartFrom(now: Date = new Date()): Date {
  return new Date(Math.ceil(now.getTime() / QUARTER) * QUARTER);
}

export const HORIZON_DAYS = 28;

/** Working intervals as absolute [startMs, endMs) for `days` local days from the local day of `from`, without `daysOff`. */
export function workingWindows(shifts: WeeklyShift[], timeZone: string, from: Date, days: number, daysOff: string[] = []): Array<[number, number]> {
  const intervals: Interval[] = expandWeeklyCalendar(shifts, from.toISOString(), days, timeZone, daysOff);
  return intervals.map(([start, end]) => [from.getTime() + start * 60_000, from.getTime() + end * 60_000]);
}
