import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { solveStudio, validatePlan, type PlannedBatch, type StudioProblem, type WeeklyShift } from "~/server/scheduling";
import { runCli } from "~/server/scheduling/run";

// Studios in five zones plan horizons that start up to a week before a clock change (Kolkata has none: its
// half-hour offset is the point). Every person segment must lie inside one local shift, checked minute by
// minute against the local wall clock read through Intl, independently of the engine's own expansion.

const CHANGES: Array<{ zone: string; days: string[] }> = [
  { zone: "Europe/Berlin", days: ["2025-03-30", "2025-10-26"] },
  { zone: "America/New_York", days: ["2025-03-09", "2025-11-02"] },
  { zone: "Australia/Sydney", days: ["2025-04-06", "2025-10-05"] },
  { zone: "Pacific/Chatham", days: ["2025-04-06", "2025-09-28"] },
  { zone: "Asia/Kolkata", days: ["2025-03-30", "2025-10-26"] },
];

/** Day shifts, and night shifts that touch the skipped or repeated hour (Chatham's is 02:45–03:45). */
const SHIFTS: Array<[string, string]> = [
  ["08:00", "12:00"], ["13:00", "17:00"], ["09:00", "17:30"], ["06:00", "24:00"],
  ["00:00", "06:00"], ["01:30", "02:30"], ["02:30", "04:00"], ["02:15", "02:45"], ["02:50", "03:50"], ["01:00", "03:30"],
];

const formats = new Map<string, Intl.DateTimeFormat>();
/** The wall clock in `zone` at epoch ms: local date, weekday and minutes since local midnight, and the offset. */
function wall(zone: string, ms: number) {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", weekday: "short" });
    formats.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const minutes = Number(parts.hour) * 60 + Number(parts.minute);
  const offset = Math.round((Date.parse(`${date}T00:00:00Z`) + minutes * 60_000 - Math.floor(ms / 60_000) * 60_000) / 60_000);
  return { date, weekday: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(parts.weekday!), minutes, offset };
}
const hhmm = (value: string) => Number(value.slice(0, 2)) * 60 + Number(value.slice(3));

/**
 * Where [start, end) (epoch ms) breaks the calendar, or null: every minute of it lies inside a shift of its
 * own local day (not a day off). In the repeated hour, a minute of the second pass counts as the wall time
 * it would have shown without the repeat (people work through the repeated hour).
 */
function outsideShift(zone: string, weekly: WeeklyShift[], daysOff: string[], start: number, end: number): string | null {
  for (let t = start; t < end; t += 60_000) {
    const now = wall(zone, t);
    const repeat = Math.max(0, wall(zone, t - 2 * 3_600_000).offset - now.offset);
    const inside = (minutes: number) => weekly.some((s) => s.weekday === now.weekday && hhmm(s.start) <= minutes && minutes < hhmm(s.end));
    if (daysOff.includes(now.date) || !(inside(now.minutes) || (repeat > 0 && inside(now.minutes + repeat)))) {
      return `minute ${now.date} ${Math.floor(now.minutes / 60)}:${String(now.minutes % 60).padStart(2, "0")} (${new Date(t).toISOString()}) of segment ${new Date(start).toISOString()}–${new Date(end).toISOString()} is outside every shift`;
    }
  }
  return null;
}

const studioArb = fc.record({
  place: fc.integer({ min: 0, max: CHANGES.length - 1 }),
  change: fc.integer({ min: 0, max: 1 }),
  daysBefore: fc.integer({ min: 0, max: 6 }),
  hour: fc.integer({ min: 0, max: 23 }),
  people: fc.array(
    fc.record({
      shifts: fc.array(fc.record({ weekday: fc.integer({ min: 0, max: 6 }), shift: fc.integer({ min: 0, max: SHIFTS.length - 1 }) }), { minLength: 3, maxLength: 9 }),
      offChange: fc.boolean(),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  steps: fc.array(fc.record({ setup: fc.integer({ min: 0, max: 30 }), perPiece: fc.integer({ min: 1, max: 10 }), station: fc.integer({ min: 0, max: 1 }) }), { minLength: 1, maxLength: 3 }),
  lines: fc.array(fc.record({ qty: fc.integer({ min: 1, max: 8 }), due: fc.integer({ min: 0, max: 14 * 1440 }) }), { minLength: 2, maxLength: 6 }),
});

type StudioInput = typeof studioArb extends fc.Arbitrary<infer T> ? T : never;

function problemOf(input: StudioInput): { problem: StudioProblem; zone: string; changeAt: number } {
  const { zone, days } = CHANGES[input.place]!;
  const changeDay = days[input.change]!;
  const horizonMs = Date.parse(`${changeDay}T00:00:00Z`) - input.daysBefore * 86_400_000 + input.hour * 3_600_000;
  const people = input.people.map((p, i) => {
    // Every day has at least a day shift, so the studio keeps working after the change.
    const weekly: WeeklyShift[] = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: "08:00", end: "12:00" }));
    for (const { weekday, shift } of p.shifts) {
      const [start, end] = SHIFTS[shift]!;
      if (!weekly.some((s) => s.weekday === weekday && s.start < end && start < s.end)) weekly.push({ weekday, start, end });
    }
    return { id: `p${i}`, calendar: { weekly, daysOff: p.offChange ? [changeDay] : [], timeZone: zone } };
  });
  return {
    zone,
    changeAt: Date.parse(`${changeDay}T12:00:00Z`),
    problem: {
      horizonStart: new Date(horizonMs).toISOString(),
      stations: [{ id: "bench", count: 2 }, { id: "solder" }],
      people,
      designs: [{ id: "ring", routing: input.steps.map((s, k) => ({ stepId: `s${k}`, stationId: s.station ? "solder" : "bench", family: `f${k}`, setupMinutes: s.setup, minutesPerPiece: s.perPiece, maxBatchSize: 6 })) }],
      orderLines: input.lines.map((l, i) => ({ id: `l${i}`, orderId: `o${i}`, designId: "ring", quantity: l.qty, dueMinute: l.due })),
      options: { seed: 1, timeLimitMs: 60_000, maxIterations: 5, computeNaive: false },
    },
  };
}

/** 150 studios per run; PROPERTY_RUNS=2000 for a longer search. */
const RUNS = Number(process.env.PROPERTY_RUNS) || 150;

describe("plans in studios across clock changes", () => {
  it("the change days used here are real clock changes (and Kolkata has none)", () => {
    for (const { zone, days } of CHANGES) {
      for (const day of days) {
        const before = wall(zone, Date.parse(`${day}T00:00:00Z`) - 86_400_000).offset;
        const after = wall(zone, Date.parse(`${day}T00:00:00Z`) + 86_400_000).offset;
        expect(before === after, `${zone} ${day}`).toBe(zone === "Asia/Kolkata");
      }
    }
  });

  it("puts every person segment inside a local shift, before and after the change (property)", () => {
    let segmentsAfterChange = 0;
    let runs = 0;
    fc.assert(
      fc.property(studioArb, (input) => {
        const { problem, zone, changeAt } = problemOf(input);
        const plan = solveStudio(problem);
        expect(validatePlan(problem, plan)).toEqual([]);
        const horizon = Date.parse(problem.horizonStart!);
        for (const batch of plan.batches) {
          const person = problem.people.find((p) => p.id === batch.personId)!;
          const calendar = person.calendar as { weekly: WeeklyShift[]; daysOff: string[] };
          for (const seg of batch.personSegments) {
            const start = horizon + seg.start * 60_000;
            const problemText = outsideShift(zone, calendar.weekly, calendar.daysOff, start, horizon + seg.end * 60_000);
            expect(problemText, `${zone} batch ${batch.id}`).toBeNull();
            if (start > changeAt) segmentsAfterChange++;
          }
        }
        runs++;
      }),
      { seed: 14, numRuns: RUNS },
    );
    expect(runs).toBe(RUNS);
    // The horizons really reach past the change.
    expect(segmentsAfterChange).toBeGreaterThan(RUNS);
  }, 120_000);
});

describe("the Berlin example across the spring clock change (CLI)", () => {
  it("plans every batch inside its person's local hours before and after the change", () => {
    const file = readFileSync(new URL("../../../src/server/scheduling/examples/studio-berlin-spring.json", import.meta.url), "utf8");
    const problem = JSON.parse(file) as StudioProblem;
    const plan = runCli(file, {}) as { batches: PlannedBatch[]; horizonStart: string };
    expect(validatePlan(problem, plan)).toEqual([]);
    const horizon = Date.parse(plan.horizonStart);
    const offsets = new Set<string>();
    for (const batch of plan.batches) {
      const calendar = problem.people.find((p) => p.id === batch.personId)!.calendar as { weekly: WeeklyShift[]; daysOff?: string[] };
      for (const seg of batch.personSegments) {
        expect(outsideShift("Europe/Berlin", calendar.weekly, calendar.daysOff ?? [], horizon + seg.start * 60_000, horizon + seg.end * 60_000)).toBeNull();
      }
      // Local times carry the offset of their day: +01:00 up to Sunday 30 March, +02:00 from then on.
      for (const local of [batch.startLocal!, batch.endLocal!]) {
        expect(local.slice(19)).toBe(local.slice(0, 10) < "2025-03-30" ? "+01:00" : "+02:00");
        offsets.add(local.slice(19));
        const minutes = Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16));
        expect(minutes >= 8 * 60 && minutes <= 17 * 60, local).toBe(true);
      }
    }
    expect([...offsets].sort()).toEqual(["+01:00", "+02:00"]);
  });
});
