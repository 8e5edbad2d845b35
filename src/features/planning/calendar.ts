import { expandWeeklyCalendar, type Interval, type WeeklyShift } from "~/server/scheduling";

// Studio time: working hours are local to Studio.timeZone. The engine models a fixed UTC offset (no DST), so
// we take the zone's offset at the start of the horizon.

/** Minutes to add to UTC to get local time in the zone at the given instant (e.g. Europe/Paris in winter: 60). */
export function utcOffsetMinutes(timeZone: string, at: Date = new Date()): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

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
