import { addDays, dayOf, startOfStudioDay, studioInstant, wallMinutesOf } from "~/server/time-zone";

// The board's horizontal scale: the shown studio-local days side by side, each covering the studio's
// working span (e.g. 09:00–17:00) at `hourPx` pixels per hour. Pure, so the layout is testable.

export type ScaleDay = { key: string; start: number; from: number; to: number };

export class TimeScale {
  readonly days: ScaleDay[];
  readonly dayWidth: number;

  constructor(
    dayKeys: string[],
    timeZone: string,
    readonly dayStartMinute: number,
    readonly dayEndMinute: number,
    readonly hourPx: number,
  ) {
    // Each day's shown span is its wall-clock hours (a day with a clock change is 23 or 25 hours long).
    const wall = (key: string, minute: number) =>
      minute >= 24 * 60
        ? startOfStudioDay(timeZone, addDays(key, 1)).getTime()
        : studioInstant(timeZone, key, `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`).getTime();
    this.days = dayKeys.map((key) => ({ key, start: startOfStudioDay(timeZone, key).getTime(), from: wall(key, dayStartMinute), to: wall(key, dayEndMinute) }));
    this.dayWidth = ((dayEndMinute - dayStartMinute) / 60) * hourPx;
  }

  get width(): number {
    return this.days.length * this.dayWidth;
  }

  /** Pixel position of an instant; times outside the shown hours stick to the nearest shown edge. */
  x(at: number): number {
    for (let i = 0; i < this.days.length; i++) {
      const day = this.days[i]!;
      if (at < day.from) return i * this.dayWidth;
      if (at <= day.to) return i * this.dayWidth + ((at - day.from) / 3_600_000) * this.hourPx;
    }
    return this.width;
  }

  /** True when [start, end) touches the shown hours. */
  shows(start: number, end: number): boolean {
    return this.days.some((d) => start < d.to && end > d.from);
  }

  /** Hour ticks of one day: the label every `step` hours. */
  ticks(): Array<{ x: number; label: string | null; day: boolean }> {
    const step = this.hourPx >= 48 ? 1 : this.hourPx >= 24 ? 2 : 4;
    const out: Array<{ x: number; label: string | null; day: boolean }> = [];
    this.days.forEach((_, i) => {
      for (let m = Math.ceil(this.dayStartMinute / 60) * 60; m <= this.dayEndMinute; m += 60) {
        const hour = m / 60;
        const x = i * this.dayWidth + ((m - this.dayStartMinute) / 60) * this.hourPx;
        out.push({ x, label: hour % step === 0 && m < this.dayEndMinute ? `${String(hour).padStart(2, "0")}:00` : null, day: m === this.dayStartMinute });
      }
    });
    return out;
  }
}

/**
 * The hours the board shows each day: the studio's working span, widened to whole hours around any batch
 * that starts or ends outside it (work started in the evening must not disappear from the board).
 */
export function daySpan(timeZone: string, workStart: number, workEnd: number, batches: Array<{ startAt: Date; endAt: Date }>): [number, number] {
  let from = workStart;
  let to = workEnd;
  for (const b of batches) {
    const start = wallMinutesOf(timeZone, b.startAt);
    const end = wallMinutesOf(timeZone, b.endAt);
    // A batch that runs past midnight ends early "tomorrow": only same-day ends widen the evening.
    if (start < from) from = Math.floor(start / 60) * 60;
    if (dayOf(timeZone, b.startAt) === dayOf(timeZone, b.endAt) && end > to) to = Math.min(24 * 60, Math.ceil(end / 60) * 60);
  }
  return [from, to];
}

/** Minimum width of a batch on the board: enough to click (and to read a few letters). */
export const MIN_BATCH_PX = 32;

/**
 * Lane per batch inside one row so nothing drawn covers anything else — batches are placed by their drawn
 * extent (at least MIN_BATCH_PX wide), so a click always lands on the batch it looks like it lands on.
 */
export function assignLanes(items: Array<{ id: string; left: number; width: number }>): { lanes: Map<string, number>; count: number } {
  const ends: number[] = [];
  const lanes = new Map<string, number>();
  for (const item of [...items].sort((a, b) => a.left - b.left || a.id.localeCompare(b.id))) {
    let lane = ends.findIndex((end) => end <= item.left + 0.5);
    if (lane < 0) lane = ends.length;
    ends[lane] = item.left + item.width + 2;
    lanes.set(item.id, lane);
  }
  return { lanes, count: Math.max(ends.length, 1) };
}
