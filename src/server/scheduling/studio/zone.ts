import { tzOffset } from "@date-fns/tz";
import { SchedulingError } from "../errors";

/**
 * Local wall-clock time in a studio's zone: an IANA name ("Europe/Berlin", offsets from the tz database via
 * @date-fns/tz) or a fixed UTC offset in minutes (local = UTC + offset).
 *
 * The one rule for wall-clock times that do not name exactly one instant: a local time means the FIRST
 * instant at which the clock on the studio's wall shows that time or later.
 * - Skipped hour (clocks go forward, e.g. Berlin 02:00 -> 03:00): 02:30 means the jump itself, 03:00 CEST.
 * - Repeated hour (clocks go back, e.g. Berlin 03:00 -> 02:00): 02:30 means its first occurrence (CEST).
 * Every other local time names one instant.
 */
export type Zone = string | number;

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Offsets lie within UTC-12 and UTC+14: the instant of a wall time lies in [wall - 14 h, wall + 12 h]. */
const BEFORE = 15 * 3_600_000;
const AFTER = 13 * 3_600_000;

export function isValidZone(zone: Zone): boolean {
  if (typeof zone === "number") return Number.isFinite(zone) && Math.abs(zone) <= 18 * 60;
  if (!zone || /^[+-]?\d/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Minutes to add to UTC to get local time at instant `ms`. */
export function offsetAt(zone: Zone, ms: number): number {
  if (typeof zone === "number") return zone;
  const offset = tzOffset(zone, new Date(ms));
  if (Number.isNaN(offset)) throw new SchedulingError(`unknown time zone "${zone}"`);
  return offset;
}

/** Offsets at the two ends of the window around a local day, memoised per zone: most days have no change. */
const windows = new Map<string, Map<number, [number, number]>>();

function window(zone: string, wallDay: number): [number, number] {
  let byDay = windows.get(zone);
  if (!byDay) windows.set(zone, (byDay = new Map()));
  let found = byDay.get(wallDay);
  if (!found) {
    found = [offsetAt(zone, wallDay - BEFORE), offsetAt(zone, wallDay + DAY + AFTER)];
    if (byDay.size > 20_000) byDay.clear();
    byDay.set(wallDay, found);
  }
  return found;
}

/**
 * The instant (epoch ms) of a local wall time, given as epoch ms of the same reading in UTC (Date.UTC(y, m, d,
 * h, min)), by the rule above.
 */
export function instantOfWall(zone: Zone, wall: number): number {
  if (typeof zone === "number") return wall - zone * MINUTE;
  const wallDay = Math.floor(wall / DAY) * DAY;
  const [before, after] = window(zone, wallDay);
  if (before === after) return wall - before * MINUTE;
  const early = wall - before * MINUTE;
  const late = wall - after * MINUTE;
  const earlyValid = offsetAt(zone, early) === before;
  const lateValid = offsetAt(zone, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late); // repeated: the first occurrence
  if (earlyValid) return early;
  if (lateValid) return late;
  // Skipped: the first instant after the jump, found minute by minute between the two ends of the window.
  let lo = wallDay - BEFORE;
  let hi = wallDay + DAY + AFTER;
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (offsetAt(zone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The local wall reading at an instant, as epoch ms of the same reading in UTC. */
export function wallOfInstant(zone: Zone, ms: number): number {
  return ms + offsetAt(zone, ms) * MINUTE;
}

/** ISO 8601 with the local offset, e.g. "2025-03-31T08:00:00+02:00". */
export function localIso(zone: Zone, ms: number): string {
  const offset = offsetAt(zone, ms);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const hhmm = `${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${new Date(ms + offset * MINUTE).toISOString().slice(0, 19)}${sign}${hhmm}`;
}
