import type { CalendarInput, Interval, TimeSpan, WeeklyCalendar, WeeklyShift } from "../types";
import { instantOfWall, isValidZone, wallOfInstant, type Zone } from "./zone";

const DAY_MS = 86_400_000;

function parseHHMM(value: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!match) throw new Error(`invalid time "${value}", expected HH:MM`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (minutes > 24 * 60) throw new Error(`invalid time "${value}"`);
  return minutes;
}

export function parseIso(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`invalid ISO timestamp "${iso}"`);
  return ms;
}

/** The local days of a horizon: day 0 is the local day of `horizonStart` in the zone. */
function localDayZero(zone: Zone, horizonMs: number): number {
  return Math.floor(wallOfInstant(zone, horizonMs) / DAY_MS) * DAY_MS;
}

/** Minutes from the horizon start to the start (local midnight) of local day `day`. */
function dayStartMinute(zone: Zone, horizonMs: number, day: number): number {
  return (instantOfWall(zone, localDayZero(zone, horizonMs) + day * DAY_MS) - horizonMs) / 60_000;
}

/**
 * Expand a weekly template into working intervals in minutes from `horizonStartISO`, covering `days` local
 * days starting at the local day of horizonStart (plus `firstDay`). `zone` is an IANA time zone or a fixed
 * UTC offset in minutes. Shifts are local wall-clock times on every day, whatever the offset does: on the
 * day clocks go forward or back a shift is shorter or longer than its template, and a shift boundary in the
 * skipped or repeated hour follows the rule in ./zone.ts (the first instant the wall clock shows that time
 * or later). Parts before minute 0 are clipped.
 */
export function expandWeeklyCalendar(
  template: WeeklyShift[],
  horizonStartISO: string,
  days: number,
  zone: Zone = 0,
  daysOff: string[] = [],
  firstDay = 0,
): Interval[] {
  if (!isValidZone(zone)) throw new Error(typeof zone === "number" ? `invalid utcOffsetMinutes ${zone}` : `unknown time zone "${zone}"`);
  const shifts = template.map((s) => {
    const start = parseHHMM(s.start);
    const end = parseHHMM(s.end);
    if (!(end > start)) throw new Error(`shift ${s.start}-${s.end} must end after it starts`);
    if (!Number.isInteger(s.weekday) || s.weekday < 0 || s.weekday > 6) throw new Error(`invalid weekday ${s.weekday}`);
    return { weekday: s.weekday, start, end };
  });
  const off = new Set(daysOff);
  const horizonMs = parseIso(horizonStartISO);
  const firstLocalMidnight = localDayZero(zone, horizonMs);
  const minuteOf = (wall: number) => (instantOfWall(zone, wall) - horizonMs) / 60_000;
  const out: Interval[] = [];
  for (let d = firstDay; d < firstDay + days; d++) {
    const localMidnight = firstLocalMidnight + d * DAY_MS;
    const date = new Date(localMidnight);
    if (off.has(date.toISOString().slice(0, 10))) continue;
    const weekday = date.getUTCDay();
    for (const s of shifts) {
      if (s.weekday !== weekday) continue;
      const startMin = minuteOf(localMidnight + s.start * 60_000);
      const endMin = minuteOf(localMidnight + s.end * 60_000);
      if (endMin <= 0 || endMin <= startMin) continue;
      out.push([Math.max(0, startMin), endMin]);
    }
  }
  return normalizeIntervals(out);
}

/** Sort, drop empty intervals and merge overlapping/touching ones. */
export function normalizeIntervals(intervals: Interval[]): Interval[] {
  const sorted = intervals
    .map(([s, e]): Interval => [Math.ceil(s), Math.floor(e)])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const out: Interval[] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** A weekly calendar's zone: its IANA `timeZone`, else its fixed `utcOffsetMinutes` (default UTC). */
export function weeklyZone(template: WeeklyCalendar): Zone {
  if (template.timeZone !== undefined && template.utcOffsetMinutes !== undefined) {
    throw new Error("give a calendar either timeZone or utcOffsetMinutes, not both");
  }
  return template.timeZone ?? template.utcOffsetMinutes ?? 0;
}

function isWeekly(input: CalendarInput): input is WeeklyCalendar {
  return !Array.isArray(input) && "weekly" in input;
}

const EXTEND_DAYS = 182;
const MAX_DAYS = 3660;

/** Produces the next chunk of working intervals after `coveredUntil`; null when there are no more. */
type Extender = (coveredUntil: number) => { intervals: Interval[]; coveredUntil: number } | null;

/**
 * Working time of one person (or the union of several). Weekly templates are
 * expanded lazily, so a plan never runs out of calendar; explicit interval
 * lists end where they end. Besides interval queries it provides a "work
 * clock": toWork(t) = working minutes before t, fromWork(w) = the working
 * instant at which w minutes have elapsed. Busy timelines kept in clock
 * coordinates make back-to-back work contiguous across nights and weekends.
 */
export class WorkCalendar {
  private starts: number[] = [];
  private ends: number[] = [];
  /** cum[i] = working minutes before interval i. */
  private cum: number[] = [];
  private covered = -Infinity;
  /** Last index found by indexAfterLoaded. */
  private hint = 0;
  /** Last index found by fromWork. */
  private workHint = 0;

  private constructor(private readonly extender: Extender | null) {}

  static fromIntervals(intervals: Interval[]): WorkCalendar {
    const cal = new WorkCalendar(null);
    cal.append(normalizeIntervals(intervals));
    cal.covered = Infinity;
    return cal;
  }

  static fromWeekly(template: WeeklyCalendar, horizonStart: string): WorkCalendar {
    const zone = weeklyZone(template);
    const horizonMs = parseIso(horizonStart);
    let day = 0;
    const cal = new WorkCalendar(() => {
      if (day >= MAX_DAYS) return null;
      const intervals = expandWeeklyCalendar(template.weekly, horizonStart, EXTEND_DAYS, zone, template.daysOff ?? [], day);
      day += EXTEND_DAYS;
      return { intervals, coveredUntil: dayStartMinute(zone, horizonMs, day) };
    });
    cal.extend();
    return cal;
  }

  /** Working time of anyone in `parts` (used as the clock of a station). */
  static union(parts: WorkCalendar[]): WorkCalendar {
    const cal = new WorkCalendar((from) => {
      const finite = parts.every((p) => p.covered === Infinity);
      const until = finite ? Infinity : Math.max(0, from) + EXTEND_DAYS * 1440;
      const chunk: Interval[] = [];
      let any = false;
      for (const p of parts) {
        if (p.ensureCovered(until)) any = true;
        for (const [s, e] of p.between(from, until)) chunk.push([s, e]);
      }
      if (!any && chunk.length === 0 && !finite) return null;
      return { intervals: normalizeIntervals(chunk), coveredUntil: until };
    });
    cal.extend();
    return cal;
  }

  static from(input: CalendarInput, horizonStart: string | undefined): WorkCalendar {
    if (isWeekly(input)) {
      if (!horizonStart) throw new Error("weekly calendars need problem.horizonStart");
      return WorkCalendar.fromWeekly(input, horizonStart);
    }
    return WorkCalendar.fromIntervals(Array.isArray(input) ? input : input.intervals);
  }

  private append(intervals: Interval[]): void {
    for (const [s, e] of intervals) {
      const last = this.ends.length - 1;
      if (last >= 0 && s <= this.ends[last]!) {
        this.ends[last] = Math.max(this.ends[last]!, e);
      } else {
        this.cum.push(last >= 0 ? this.cum[last]! + this.ends[last]! - this.starts[last]! : 0);
        this.starts.push(s);
        this.ends.push(e);
      }
    }
  }

  private extend(): boolean {
    if (!this.extender || this.covered === Infinity) return false;
    const chunk = this.extender(this.covered === -Infinity ? 0 : this.covered);
    if (!chunk) {
      this.covered = Infinity;
      return false;
    }
    this.append(chunk.intervals);
    this.covered = chunk.coveredUntil;
    return true;
  }

  /** Expand until `t` is covered; true if the calendar may still grow. */
  private ensureCovered(t: number): boolean {
    while (this.covered < t) if (!this.extend()) return false;
    return this.covered !== Infinity;
  }

  /** Working intervals clipped to [from, until). */
  private between(from: number, until: number): Interval[] {
    const out: Interval[] = [];
    for (let i = this.indexAfterLoaded(from); i < this.starts.length && this.starts[i]! < until; i++) {
      out.push([Math.max(from, this.starts[i]!), Math.min(until, this.ends[i]!)]);
    }
    return out;
  }

  private indexAfterLoaded(t: number): number {
    // Queries cluster in time: try the last answer and its neighbour before a binary search.
    const ends = this.ends;
    const h = this.hint;
    if (h < ends.length && ends[h]! > t) {
      if (h === 0 || ends[h - 1]! <= t) return h;
    } else if (h + 1 < ends.length && ends[h + 1]! > t && ends[h]! <= t) return (this.hint = h + 1);
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! > t) hi = mid;
      else lo = mid + 1;
    }
    if (lo < ends.length) this.hint = lo;
    return lo;
  }

  /** Index of the first interval whose end is > t, extending lazily; -1 if none. */
  private indexAfter(t: number): number {
    for (;;) {
      const i = this.indexAfterLoaded(t);
      if (i < this.ends.length) return i;
      if (!this.extend()) return -1;
    }
  }

  private intervalAt(i: number): boolean {
    while (i >= this.ends.length) if (!this.extend()) return false;
    return true;
  }

  /** Earliest working minute ≥ t, or Infinity. */
  nextWorking(t: number): number {
    const i = this.indexAfter(t);
    if (i < 0) return Infinity;
    return Math.max(t, this.starts[i]!);
  }

  /** Working minutes before t. */
  toWork(t: number): number {
    const i = this.indexAfter(t);
    if (i < 0) {
      const last = this.ends.length - 1;
      return last < 0 ? 0 : this.cum[last]! + this.ends[last]! - this.starts[last]!;
    }
    return this.cum[i]! + Math.max(0, t - this.starts[i]!);
  }

  /** The working instant after `w` working minutes (Infinity beyond the calendar). */
  fromWork(w: number): number {
    for (;;) {
      const cum = this.cum;
      const last = cum.length - 1;
      if (last >= 0 && w < cum[last]! + this.ends[last]! - this.starts[last]!) break;
      if (!this.extend()) return Infinity;
    }
    const cum = this.cum;
    let lo = this.workHint;
    if (!(lo < cum.length && cum[lo]! <= w && (lo + 1 === cum.length || cum[lo + 1]! > w))) {
      lo = 0;
      let hi = cum.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (cum[mid]! <= w) lo = mid;
        else hi = mid - 1;
      }
      this.workHint = lo;
    }
    return this.starts[lo]! + (w - cum[lo]!);
  }

  /** Segments of `minutes` of work starting at the first working minute ≥ t; null when the calendar runs out. */
  segments(t: number, minutes: number): TimeSpan[] | null {
    const out: TimeSpan[] = [];
    let i = this.indexAfter(t);
    let remaining = minutes;
    let cursor = t;
    while (remaining > 0) {
      if (i < 0 || !this.intervalAt(i)) return null;
      const s = Math.max(cursor, this.starts[i]!);
      const e = Math.min(this.ends[i]!, s + remaining);
      out.push({ start: s, end: e });
      remaining -= e - s;
      cursor = e;
      i++;
    }
    return out;
  }

  /** Finish time of `minutes` of work starting at working minute t (t must be working). */
  finish(t: number, minutes: number): number {
    if (minutes <= 0) return t;
    return this.fromWork(this.toWork(t) + minutes - 1) + 1;
  }

  /** True when [s, e) lies inside a single working interval. */
  covers(s: number, e: number): boolean {
    const i = this.indexAfter(s);
    return i >= 0 && this.starts[i]! <= s && e <= this.ends[i]!;
  }
}
