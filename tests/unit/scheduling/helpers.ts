import fc from "fast-check";
import type { DesignInput, Interval, OrderLineInput, PersonInput, StationInput, StudioProblem } from "~/server/scheduling";

/** Working days of 8:00–12:00 and 13:00–17:00, in minutes from minute 0 (a midnight). */
export function dayShifts(days: number, startDay = 0): Interval[] {
  const out: Interval[] = [];
  for (let d = startDay; d < startDay + days; d++) {
    out.push([d * 1440 + 480, d * 1440 + 720], [d * 1440 + 780, d * 1440 + 1020]);
  }
  return out;
}

/** Small random studio problems: a few stations (maybe a tumbler), people with skills and calendars, families shared across designs. */
export const studioProblemArb: fc.Arbitrary<StudioProblem> = fc
  .record({
    stationCounts: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 1, maxLength: 3 }),
    tumbler: fc.boolean(),
    people: fc.array(
      fc.record({ skillMask: fc.integer({ min: 1, max: 15 }), firstDay: fc.integer({ min: 0, max: 1 }), short: fc.boolean() }),
      { minLength: 1, maxLength: 3 },
    ),
    designs: fc.array(
      fc.array(
        fc.record({
          station: fc.nat(),
          family: fc.option(fc.constantFrom("a", "b"), { nil: undefined }),
          setup: fc.integer({ min: 0, max: 40 }),
          perPiece: fc.integer({ min: 0, max: 30 }),
          maxBatch: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      { minLength: 1, maxLength: 3 },
    ),
    lines: fc.array(
      fc.record({ design: fc.nat(), qty: fc.integer({ min: 1, max: 9 }), due: fc.integer({ min: 0, max: 20_000 }), release: fc.integer({ min: 0, max: 3000 }) }),
      { minLength: 1, maxLength: 8 },
    ),
  })
  .map(({ stationCounts, tumbler, people, designs, lines }) => {
    const stations: StationInput[] = stationCounts.map((count, i) => ({ id: `s${i}`, count }));
    if (tumbler) stations.push({ id: "tumbler", count: 1, unattended: { capacity: 12, runMinutes: 200, unloadMinutes: 10 } });
    const personInputs: PersonInput[] = people.map((p, i) => ({
      id: `p${i}`,
      stationIds: stations.filter((_, si) => (p.skillMask >> si) & 1 || i === 0).map((s) => s.id),
      // Weekly templates expand lazily; explicit lists are long enough for any generated demand.
      calendar: p.short
        ? { weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "13:00" })), daysOff: ["2025-03-05"], utcOffsetMinutes: 60 }
        : dayShifts(400, p.firstDay),
    }));
    const designInputs: DesignInput[] = designs.map((steps, d) => ({
      id: `d${d}`,
      routing: steps.map((s, k) => ({
        stepId: `st${k}`,
        stationId: stations[s.station % stations.length]!.id,
        family: s.family,
        setupMinutes: s.setup,
        minutesPerPiece: s.perPiece,
        maxBatchSize: s.maxBatch,
      })),
    }));
    const orderLines: OrderLineInput[] = lines.map((l, i) => ({
      id: `l${i}`,
      orderId: `o${i >> 1}`,
      designId: `d${l.design % designs.length}`,
      quantity: l.qty,
      dueMinute: l.due,
      releaseMinute: l.release,
    }));
    return { horizonStart: "2025-03-03T00:00:00+01:00", stations, people: personInputs, designs: designInputs, orderLines };
  });

/** A fixed small problem used by example-based tests. */
export function sampleProblem(): StudioProblem {
  return {
    horizonStart: "2025-03-03T00:00:00+01:00",
    stations: [
      { id: "bench", count: 2 },
      { id: "solder", count: 1 },
      { id: "tumbler", unattended: { capacity: 20, runMinutes: 120, unloadMinutes: 5 } },
    ],
    people: [
      { id: "ana", calendar: { weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "08:00", end: "16:00" })), utcOffsetMinutes: 60 } },
      { id: "ben", stationIds: ["bench", "tumbler"], calendar: { intervals: dayShifts(40) } },
    ],
    designs: [
      {
        id: "ring",
        routing: [
          { stepId: "cut", stationId: "bench", family: "cut", setupMinutes: 10, minutesPerPiece: 3, maxBatchSize: 10 },
          { stepId: "solder", stationId: "solder", family: "solder", setupMinutes: 15, minutesPerPiece: 4, maxBatchSize: 8 },
          { stepId: "tumble", stationId: "tumbler", family: "tumble", setupMinutes: 5, minutesPerPiece: 0.5 },
        ],
      },
      {
        id: "pendant",
        routing: [
          { stepId: "cut", stationId: "bench", family: "cut", setupMinutes: 8, minutesPerPiece: 2, maxBatchSize: 10 },
          { stepId: "shape", stationId: "bench", setupMinutes: 20, minutesPerPiece: 6 },
          { stepId: "solder", stationId: "solder", family: "solder", setupMinutes: 12, minutesPerPiece: 5, maxBatchSize: 8 },
          { stepId: "tumble", stationId: "tumbler", family: "tumble", setupMinutes: 5, minutesPerPiece: 0.5 },
        ],
      },
    ],
    orderLines: [
      { id: "L1", orderId: "O1", designId: "ring", quantity: 4, dueAt: "2025-03-05T17:00:00+01:00" },
      { id: "L2", orderId: "O1", designId: "pendant", quantity: 3, dueAt: "2025-03-06T17:00:00+01:00" },
      { id: "L3", orderId: "O2", designId: "ring", quantity: 12, dueMinute: 4 * 1440 },
      { id: "L4", orderId: "O3", designId: "pendant", quantity: 2, dueMinute: 2 * 1440, variantId: "pendant-gold" },
      { id: "L5", orderId: "O3", designId: "ring", quantity: 5, dueMinute: 6 * 1440 },
    ],
  };
}
