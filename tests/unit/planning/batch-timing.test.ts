import { describe, expect, it } from "vitest";
import { personBusy, StudioClock, timeBatch } from "~/features/planning/batch-timing";
import { PlanState, type OpenBatch, type OpenItem } from "~/features/planning/reflow";

// The one timing helper and the edit rules, on fixed dates: Paris, Mon–Fri 09:00–17:00, week of 2 Mar 2026.

const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" }));
const at = (iso: string) => Date.parse(iso);
const clock = new StudioClock(weekdays, "Europe/Paris", new Date("2026-03-02T00:00:00Z"), 30);

describe("timing a batch on working hours", () => {
  it("ends work inside the day when it fits, runs on to the next working morning when not, and refuses a start outside hours", () => {
    const nov = new StudioClock(weekdays, "Europe/Paris", new Date("2026-11-23T00:00:00Z"), 14);
    const end = (iso: string, minutes: number) => {
      const t = nov.endOf(at(iso), minutes);
      return t === null ? null : new Date(t).toISOString();
    };
    expect(end("2026-11-25T08:00:00Z", 120)).toBe("2026-11-25T10:00:00.000Z");
    // Wednesday 16:30 + 2 h: 30 minutes on Wednesday, 90 on Thursday from 09:00 -> 10:30 Paris.
    expect(end("2026-11-25T15:30:00Z", 120)).toBe("2026-11-26T09:30:00.000Z");
    // Friday 16:30 + 2 h runs over the weekend to Monday 10:30 Paris; exactly to the end of a day.
    expect(end("2026-11-27T15:30:00Z", 120)).toBe("2026-11-30T09:30:00.000Z");
    expect(end("2026-11-25T14:00:00Z", 120)).toBe("2026-11-25T16:00:00.000Z");
    expect(end("2026-11-25T17:30:00Z", 60)).toBeNull(); // 18:30 Paris
    expect(end("2026-11-28T10:00:00Z", 60)).toBeNull(); // Saturday
    expect(end("2026-11-25T07:59:00Z", 60)).toBeNull(); // 08:59 Paris
    // A person's day off is not working time: Thursday off, so Wednesday's work resumes on Friday.
    const offThursday = new StudioClock(weekdays, "Europe/Paris", new Date("2026-11-23T00:00:00Z"), 14, ["2026-11-26"]);
    expect(new Date(offThursday.endOf(at("2026-11-25T15:30:00Z"), 120)!).toISOString()).toBe("2026-11-27T09:30:00.000Z");
  });

  it("keeps working time across a night and a weekend", () => {
    // Friday 16:30 Paris + 60 working minutes = Monday 09:30.
    const t = timeBatch(clock, at("2026-03-06T15:30:00Z"), 60, null)!;
    expect(new Date(t.endAt).toISOString()).toBe("2026-03-09T08:30:00.000Z");
    expect(timeBatch(clock, at("2026-03-06T17:30:00Z"), 60, null)).toBeNull(); // 18:30: outside hours
  });

  it("runs a machine its full time whatever the hours, and unloads in working time", () => {
    // Load 20 min from 16:00, run 120 min until 18:20 (after hours), unload at 09:00 the next morning.
    const t = timeBatch(clock, at("2026-03-03T15:00:00Z"), 20, { runMinutes: 120, unloadMinutes: 5 })!;
    expect([t.runStartAt, t.runEndAt, t.unloadAt, t.endAt].map((ms) => new Date(ms!).toISOString())).toEqual([
      "2026-03-03T15:20:00.000Z", "2026-03-03T17:20:00.000Z", "2026-03-04T08:00:00.000Z", "2026-03-04T08:05:00.000Z",
    ]);
    expect(personBusy(t)).toEqual([[t.startAt, t.runStartAt], [t.unloadAt, t.endAt]]);
  });
});

function item(line: string, step: number, pieces: number): OpenItem {
  return { id: `${line}-${step}-${pieces}`, orderLineId: line, stepPosition: step, pieces, scrapped: 0, routingStepId: `step${step}`, variantId: "v", remakeId: null };
}

function batch(id: string, step: number, startIso: string, minutes: number, items: OpenItem[], extra: Partial<OpenBatch> = {}): OpenBatch {
  const t = timeBatch(clock, at(startIso), minutes, null)!;
  return { id, version: 0, status: "PLANNED", locked: false, personId: "ana", stationId: `s${step}`, stationUnit: 0, stepName: `Step ${step}`, pieces: items.reduce((s, i) => s + i.pieces, 0), setupMinutes: 10, workMinutes: minutes, items, ...t, ...extra };
}

function state(batches: OpenBatch[]) {
  const stations = new Map([0, 1, 2].map((k) => [`s${k}`, { name: `S${k}`, count: 1, machine: null, capacity: null }]));
  return new PlanState(batches, stations, clock, () => ({ setupMinutes: 10, perPiece: 5, maxBatchSize: null }), (ms) => new Date(ms).toISOString());
}

describe("the edit rules", () => {
  it("moves later steps along, in order, when an earlier step moves later", () => {
    const cut = batch("cut", 0, "2026-03-03T08:00:00Z", 60, [item("L", 0, 10)]);
    const solder = batch("solder", 1, "2026-03-03T09:00:00Z", 60, [item("L", 1, 10)]);
    const polish = batch("polish", 2, "2026-03-03T10:00:00Z", 60, [item("L", 2, 10)]);
    const s = state([cut, solder, polish]);
    Object.assign(cut, timeBatch(clock, at("2026-03-04T08:00:00Z"), 60, null));
    s.changed.add(cut.id);
    s.settle([cut]);
    expect([solder.startAt, polish.startAt].map((ms) => new Date(ms).toISOString())).toEqual(["2026-03-04T09:00:00.000Z", "2026-03-04T10:00:00.000Z"]);
    expect([...s.changed].sort()).toEqual(["cut", "polish", "solder"]);
  });

  it("refuses a step that would start before its pieces are ready, and pushing a pinned or started batch", () => {
    const cut = batch("cut", 0, "2026-03-03T08:00:00Z", 60, [item("L", 0, 10)]);
    const solder = batch("solder", 1, "2026-03-03T09:00:00Z", 60, [item("L", 1, 10)], { personId: "ben" });
    const s = state([cut, solder]);
    Object.assign(solder, timeBatch(clock, at("2026-03-03T08:30:00Z"), 60, null));
    expect(() => s.settle([solder])).toThrow(/cannot start before its pieces finish Step 0/);

    const pinned = batch("solder", 1, "2026-03-03T09:00:00Z", 60, [item("L", 1, 10)], { locked: true });
    const cut2 = batch("cut", 0, "2026-03-03T08:00:00Z", 60, [item("L", 0, 10)]);
    const s2 = state([cut2, pinned]);
    Object.assign(cut2, timeBatch(clock, at("2026-03-04T08:00:00Z"), 60, null));
    expect(() => s2.settle([cut2])).toThrow(/pinned/);
  });

  it("a batch that grows shoves the person's next work on instead of overlapping it", () => {
    const a = batch("a", 0, "2026-03-03T08:00:00Z", 60, [item("L", 0, 10)]);
    const b = batch("b", 0, "2026-03-03T09:00:00Z", 60, [item("M", 0, 10)]);
    const c = batch("c", 0, "2026-03-03T10:00:00Z", 60, [item("N", 0, 10)]);
    const s = state([a, b, c]);
    Object.assign(a, timeBatch(clock, a.startAt, 90, null));
    s.changed.add(a.id);
    s.settle([a]);
    expect([b.startAt - a.endAt, c.startAt - b.endAt]).toEqual([0, 0]);
    expect(new Date(c.endAt).toISOString()).toBe("2026-03-03T11:30:00.000Z");
  });
});
