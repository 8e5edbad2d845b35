import { expandWeeklyCalendar, type Interval, type WeeklyShift } from "~/server/scheduling";
import { utcOffsetMinutes } from "~/server/time-zone";

// Studio time: working hours are local to Studio.timeZone. The engine models a fixed UTC offset (no DST), so
// we take the zone's offset at the start of the horizon.

const QUARTER = 15 * 60_000;

/** Planning starts now, rounded up to the next quarter hour. */
export function horizonStartFrom(now: Date = new Date()): Date {
  return new Date(Math.ceil(now.getTime() / QUARTER) * QUARTER);
}

export const HORIZON_DAYS = 28;

/** Working intervals as absolute [startMs, endMs) for `days` local days from the local day of `from`. */
export function workingWindows(shifts: WeeklyShift[], timeZone: string, from: Date, days: number): Array<[number, number]> {
  const offset = utcOffsetMinutes(timeZone, from);
  const intervals: Interval[] = expandWeeklyCalendar(shifts, from.toISOString(), days, offset);
  return intervals.map(([start, end]) => [from.getTime() + start * 60_000, from.getTime() + end * 60_000]);
}

/** True when [start, end) lies inside one working interval of the studio. */
export function fitsWorkingHours(shifts: WeeklyShift[], timeZone: string, start: Date, end: Date): boolean {
  const dayStart = new Date(start.getTime() - 86_400_000);
  return workingWindows(shifts, timeZone, dayStart, 3).some(([s, e]) => start.getTime() >= s && end.getTime() <= e);
}
