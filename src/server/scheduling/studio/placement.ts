import type { WorkCalendar } from "./calendar";
import type { StudioModel } from "./model";
import { Timeline } from "./timeline";

export interface Slot {
  /** Station occupied [start, end). */
  start: number;
  end: number;
  unit: number;
  person: number;
  /** End of the attended part (load for unattended steps). */
  loadEnd: number;
  /** Unattended only: unload begins here (≥ loadEnd + run). */
  unloadStart: number;
}

const MAX_PROBES = 100_000;

/**
 * Busy timelines of people and station units, and the earliest-slot search
 * of the schedule generation scheme. Work pauses outside a person's working
 * hours and resumes at the next working interval; the station stays occupied
 * meanwhile. A person's timeline is kept on that person's work clock and a
 * station's on the studio's open-time clock (anyone working): two real
 * intervals that start at working instants overlap exactly when their clock
 * images do, and consecutive work across a night becomes one busy block.
 */
export class Resources {
  readonly person: Timeline[];
  readonly station: Timeline[][];
  private readonly open: WorkCalendar;

  constructor(private readonly model: StudioModel) {
    this.person = model.people.map(() => new Timeline());
    this.station = model.stations.map((s) => Array.from({ length: s.count }, () => new Timeline()));
    this.open = model.openClock;
  }

  reservePerson(p: number, start: number, end: number): void {
    const cal = this.model.people[p]!.calendar;
    this.person[p]!.insert(cal.toWork(start), cal.toWork(end));
  }

  reserveStation(station: number, unit: number, start: number, end: number): void {
    this.station[station]![unit]!.insert(this.open.toWork(start), this.open.toWork(end));
  }

  /**
   * Earliest slot at `stationIdx` starting at or after `est` for a batch needing
   * `attended` person minutes. Among capable people the one finishing first
   * wins (then the earliest start, then list order). False if no calendar has
   * enough working time left, or no slot starts before `latestStart`.
   */
  find(stationIdx: number, est: number, attended: number, out: Slot, latestStart = Infinity): boolean {
    const st = this.model.stations[stationIdx]!;
    const units = this.station[stationIdx]!;
    const open = this.open;
    const unload = st.unattended?.unload ?? 0;
    const minOpen = attended + unload;
    let found = false;
    // No unit can host the batch before its first free stretch of minOpen open minutes.
    const e0 = open.toWork(est);
    let floorW = Infinity;
    for (const unit of units) floorW = Math.min(floorW, unit.nextGap(e0, minOpen));
    const floor = floorW > e0 ? open.fromWork(floorW) : est;
    for (const p of st.people) {
      const cal = this.model.people[p]!.calendar;
      const busy = this.person[p]!;
      let t = floor;
      for (let probe = 0; probe < MAX_PROBES; probe++) {
        const w = cal.toWork(t);
        const free = busy.nextGap(w, attended);
        t = free > w ? cal.fromWork(free) : cal.nextWorking(t);
        if (t >= latestStart || (found && t >= out.end)) break;
        // cal.finish(t, attended), knowing that t sits at work minute max(free, w).
        const loadEnd = cal.fromWork((free > w ? free : w) + attended - 1) + 1;
        if (loadEnd === Infinity) break;
        let end = loadEnd;
        let unloadStart = loadEnd;
        if (st.unattended) {
          unloadStart = this.unloadStart(p, loadEnd + st.unattended.run, unload);
          end = cal.finish(unloadStart, unload);
          if (end === Infinity) break;
        }
        if (found && (end > out.end || (end === out.end && t >= out.start))) break;
        const so = open.toWork(t);
        const eo = open.toWork(end);
        let unit = -1;
        let retry = Infinity;
        for (let u = 0; u < units.length; u++) {
          const c = units[u]!.conflictEnd(so, eo);
          if (c < 0) {
            unit = u;
            break;
          }
          const next = units[u]!.nextGap(c, minOpen);
          if (next < retry) retry = next;
        }
        if (unit < 0) {
          t = open.fromWork(retry);
          continue;
        }
        out.start = t;
        out.end = end;
        out.unit = unit;
        out.person = p;
        out.loadEnd = loadEnd;
        out.unloadStart = unloadStart;
        found = true;
        break;
      }
    }
    return found;
  }

  /** First working instant ≥ from where person p is free for `minutes`. */
  private unloadStart(p: number, from: number, minutes: number): number {
    const cal = this.model.people[p]!.calendar;
    const w = cal.toWork(from);
    const free = this.person[p]!.nextGap(w, minutes);
    return free > w ? cal.fromWork(free) : cal.nextWorking(from);
  }

  commit(stationIdx: number, slot: Slot): void {
    this.reserveStation(stationIdx, slot.unit, slot.start, slot.end);
    this.reservePerson(slot.person, slot.start, slot.loadEnd);
    if (slot.end > slot.unloadStart) this.reservePerson(slot.person, slot.unloadStart, slot.end);
  }

  /** Undo `commit(stationIdx, slot)`. */
  release(stationIdx: number, slot: Slot): void {
    this.station[stationIdx]![slot.unit]!.remove(this.open.toWork(slot.start), this.open.toWork(slot.end));
    const p = slot.person;
    const cal = this.model.people[p]!.calendar;
    this.person[p]!.remove(cal.toWork(slot.start), cal.toWork(slot.loadEnd));
    if (slot.end > slot.unloadStart) this.person[p]!.remove(cal.toWork(slot.unloadStart), cal.toWork(slot.end));
  }
}
