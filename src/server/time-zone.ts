import { TZDate, tz, tzOffset } from "@date-fns/tz";
import { addDays as addCalendarDays, differenceInCalendarDays, endOfDay, format, startOfDay, startOfWeek } from "date-fns";
import { instantOfWall, isValidZone } from "~/server/scheduling";

// The one studio-time module: everything that turns instants into the studio's days and wall-clock times and
// back, on date-fns + @date-fns/tz (offsets from the tz database, so a day with a clock change is 23 or 25
// hours long). Pure and client-safe: used by procedures, pages, the planner and scripts. A "day" is a
// studio-local calendar day written "YYYY-MM-DD"; instants are Dates (UTC).
//
// Rules (docs/scheduling.md, "Time model"):
// - A local wall time that the clock skips means the jump; one it repeats means its first occurrence (the
//   engine's rule, src/server/scheduling/studio/zone.ts).
// - A day runs from its local midnight to the next one; a due day ends at 23:59:59.999 local.
// - Weeks start on Monday.

export type Day = string;

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** True for an IANA zone name the runtime knows ("Europe/Berlin", "UTC"). */
export function isValidTimeZone(timeZone: string): boolean {
  return isValidZone(timeZone);
}

/** True for a real calendar day "YYYY-MM-DD". */
export function isDay(value: string): boolean {
  return DAY_RE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

/** Minutes to add to UTC to get local time in the zone at the given instant (e.g. Europe/Paris in winter: 60). */
export function utcOffsetMinutes(timeZone: string, at: Date = new Date()): number {
  return tzOffset(timeZone, at);
}

/** The studio-local day at an instant. */
export function dayOf(timeZone: string, at: Date): Day {
  return format(at, "yyyy-MM-dd", { in: tz(timeZone) });
}

/** Today in the studio. */
export function studioToday(timeZone: string, now: Date = new Date()): Day {
  return dayOf(timeZone, now);
}

/** Calendar arithmetic on days (no zone: a day is a day). */
export function addDays(day: Day, days: number): Day {
  return format(addCalendarDays(new TZDate(`${day}T12:00:00Z`, "UTC"), days), "yyyy-MM-dd");
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  return differenceInCalendarDays(new TZDate(`${to}T12:00:00Z`, "UTC"), new TZDate(`${from}T12:00:00Z`, "UTC"));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: Day): number {
  return new Date(`${day}T12:00:00Z`).getUTCDay();
}

const local = (timeZone: string, day: Day) => {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, timeZone);
};

/** The instant a studio-local day begins (its local midnight). */
export function startOfStudioDay(timeZone: string, day: Day): Date {
  return new Date(startOfDay(local(timeZone, day)).getTime());
}

/** The last instant of a studio-local day, 23:59:59.999 local: what a due date "on that day" means. */
export function endOfStudioDay(timeZone: string, day: Day): Date {
  return new Date(endOfDay(local(timeZone, day)).getTime());
}

/** [start of `from`, start of the day after `to`): an inclusive range of studio-local days as instants. */
export function studioDayRange(timeZone: string, from: Day, to: Day): [Date, Date] {
  return [startOfStudioDay(timeZone, from), startOfStudioDay(timeZone, addDays(to, 1))];
}

/** Local midnight of a local calendar day (month 0-based; days may overflow, as in Date.UTC) as a UTC instant. */
export function localMidnight(timeZone: string, year: number, month: number, day: number): Date {
  return startOfStudioDay(timeZone, new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10));
}

/** [start, end) of the local day containing `now`. */
export function studioDay(timeZone: string, now: Date = new Date()): [Date, Date] {
  const day = dayOf(timeZone, now);
  return studioDayRange(timeZone, day, day);
}

/** The Monday that starts the week of `day`. */
export function mondayOf(day: Day): Day {
  return format(startOfWeek(new TZDate(`${day}T12:00:00Z`, "UTC"), { weekStartsOn: 1 }), "yyyy-MM-dd");
}

/** [start, end) of the local week (Monday 00:00 to Monday 00:00) containing `now`. */
export function studioWeek(timeZone: string, now: Date = new Date()): [Date, Date] {
  const monday = mondayOf(dayOf(timeZone, now));
  return studioDayRange(timeZone, monday, addDays(monday, 6));
}

export type StudioDay = { day: Day; start: Date; end: Date };

/** `count` consecutive studio-local days from `from`, each with its [start, end) (23, 24 or 25 hours). */
export function studioDays(timeZone: string, from: Day, count: number): StudioDay[] {
  return Array.from({ length: count }, (_, i) => {
    const day = addDays(from, i);
    const [start, end] = studioDayRange(timeZone, day, day);
    return { day, start, end };
  });
}

/** The wall-clock minutes since local midnight at an instant (e.g. 08:30 -> 510), as the studio's clock reads. */
export function wallMinutesOf(timeZone: string, at: Date): number {
  const wall = new TZDate(at.getTime(), timeZone);
  return wall.getHours() * 60 + wall.getMinutes();
}

/** date-fns `format` in the studio's zone, e.g. formatInZone(zone, at, "EEE d MMM, HH:mm"). */
export function formatInZone(timeZone: string, at: Date, pattern: string): string {
  return format(at, pattern, { in: tz(timeZone) });
}

/** "HH:mm" on the studio's clock. */
export function studioTime(timeZone: string, at: Date): string {
  return formatInZone(timeZone, at, "HH:mm");
}

/** The instant of a wall-clock time "HH:MM" on a studio-local day (skipped and repeated times: the rule above). */
export function studioInstant(timeZone: string, day: Day, time: string): Date {
  return new Date(instantOfWall(timeZone, Date.parse(`${day}T${time}:00Z`)));
}

/** A datetime-local input's value "YYYY-MM-DDTHH:mm" showing an instant on the studio's clock. */
export function toStudioInput(timeZone: string, at: Date): string {
  return formatInZone(timeZone, at, "yyyy-MM-dd'T'HH:mm");
}

/** The instant a datetime-local value "YYYY-MM-DDTHH:mm" means on the studio's clock. */
export function fromStudioInput(timeZone: string, value: string): Date {
  return studioInstant(timeZone, value.slice(0, 10), value.slice(11, 16));
}

/** "Europe/Paris (UTC+1)": names the zone the times are shown in, with its offset at that instant. */
export function zoneLabel(timeZone: string, at: Date): string {
  const offset = utcOffsetMinutes(timeZone, at);
  const sign = offset < 0 ? "−" : "+";
  const hours = Math.floor(Math.abs(offset) / 60);
  const minutes = Math.abs(offset) % 60;
  return `${timeZone} (UTC${offset === 0 ? "" : `${sign}${hours}${minutes ? `:${String(minutes).padStart(2, "0")}` : ""}`})`;
}
