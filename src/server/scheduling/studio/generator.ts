import { createRng, type Rng } from "../prng";
import type { DesignInput, OrderLineInput, PersonInput, StationInput, StudioProblem, WeeklyShift } from "../types";

export interface StudioGeneratorOptions {
  orderLines?: number;
  designs?: number;
  seed?: number;
  /** Default "2025-01-06T00:00:00+01:00" (a Monday, local midnight). */
  horizonStart?: string;
  utcOffsetMinutes?: number;
  /** Due dates spread over the estimated backlog × this factor (default 1.3). */
  dueSlack?: number;
}

const METALS = ["silver", "gold", "brass"];
const STONES = ["cz", "pearl", "sapphire", "none"];
const FINISHES = ["mirror", "satin", "oxidised"];
const MEDIA = ["steel-shot", "ceramic"];

const STATIONS: StationInput[] = [
  { id: "bench", name: "Jeweller's bench", count: 2 },
  { id: "solder", name: "Soldering station", count: 2 },
  { id: "tumbler", name: "Tumbler", count: 1, unattended: { capacity: 60, runMinutes: 90, unloadMinutes: 5 } },
  { id: "polish", name: "Polishing motor", count: 1 },
  { id: "setting", name: "Stone setting", count: 2 },
  { id: "finish", name: "QC & packing", count: 1 },
];

function weekdays(days: number[], shifts: Array<[string, string]>): WeeklyShift[] {
  return days.flatMap((weekday) => shifts.map(([start, end]) => ({ weekday, start, end })));
}

const HOLIDAYS = ["2025-04-18", "2025-04-21", "2025-05-01", "2025-05-29", "2025-06-09", "2025-12-25", "2025-12-26"];

function people(utcOffsetMinutes: number): PersonInput[] {
  const cal = (weekly: WeeklyShift[], extraOff: string[] = []) => ({ weekly, daysOff: [...HOLIDAYS, ...extraOff], utcOffsetMinutes });
  const monFri = [1, 2, 3, 4, 5];
  return [
    { id: "ana", name: "Ana", calendar: cal(weekdays(monFri, [["08:00", "12:00"], ["12:30", "16:30"]])) },
    { id: "ben", name: "Ben", stationIds: ["bench", "solder", "tumbler", "polish"], calendar: cal(weekdays(monFri, [["09:00", "13:00"], ["13:30", "17:30"]]), ["2025-02-17", "2025-02-18"]) },
    { id: "caro", name: "Caro", stationIds: ["setting", "polish", "finish", "tumbler"], calendar: cal(weekdays([2, 3, 4, 5, 6], [["09:00", "13:00"], ["14:00", "18:00"]])) },
    { id: "dan", name: "Dan", stationIds: ["bench", "solder"], calendar: cal(weekdays([1, 2, 3, 4], [["07:00", "12:00"], ["12:30", "17:30"]])) },
    { id: "eve", name: "Eve", stationIds: ["setting", "finish", "polish"], calendar: cal(weekdays([1, 3, 5], [["09:00", "15:00"]])) },
    { id: "finn", name: "Finn", calendar: cal(weekdays(monFri, [["10:00", "14:00"], ["14:30", "18:30"]])) },
  ];
}

function between(rng: Rng, lo: number, hi: number): number {
  return lo + rng.int(hi - lo + 1);
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(items.length)]!;
}

function makeDesign(rng: Rng, index: number): DesignInput {
  const metal = pick(rng, METALS);
  const stone = pick(rng, STONES);
  const routing = [
    { stepId: "cut", stationId: "bench", family: `cut-${metal}`, setupMinutes: between(rng, 5, 15), minutesPerPiece: between(rng, 1, 4), maxBatchSize: 20 },
    { stepId: "form", stationId: "bench", setupMinutes: between(rng, 5, 20), minutesPerPiece: between(rng, 2, 8), maxBatchSize: 12 },
    { stepId: "solder", stationId: "solder", family: `solder-${metal}`, setupMinutes: between(rng, 10, 25), minutesPerPiece: between(rng, 2, 6), maxBatchSize: 15 },
    { stepId: "file", stationId: "bench", family: "file", setupMinutes: between(rng, 3, 8), minutesPerPiece: between(rng, 1, 5), maxBatchSize: 20 },
    { stepId: "tumble", stationId: "tumbler", family: `tumble-${pick(rng, MEDIA)}`, setupMinutes: between(rng, 5, 10), minutesPerPiece: 0.2 },
    { stepId: "set", stationId: "setting", family: `set-${stone}`, setupMinutes: stone === "none" ? 3 : between(rng, 10, 20), minutesPerPiece: stone === "none" ? 0.5 : between(rng, 3, 10), maxBatchSize: 10 },
    { stepId: "polish", stationId: "polish", family: `polish-${pick(rng, FINISHES)}`, setupMinutes: between(rng, 5, 15), minutesPerPiece: between(rng, 2, 6), maxBatchSize: 20 },
    { stepId: "pack", stationId: "finish", family: "pack", setupMinutes: between(rng, 5, 10), minutesPerPiece: between(rng, 1, 2), maxBatchSize: 30 },
  ];
  // Some designs are polished before setting, so one family sits at different routing positions.
  if (rng.next() < 0.3) [routing[5], routing[6]] = [routing[6]!, routing[5]!];
  return { id: `D${String(index + 1).padStart(3, "0")}`, name: `${metal} ${stone} design ${index + 1}`, routing };
}

/**
 * Deterministic studio instance: 6 stations (a tumbler among them), 6 people
 * with weekly calendars and skills, designs with 8-step routings drawn from
 * shared families, and order lines with skewed design popularity and
 * quantities; due dates spread over the estimated backlog.
 */
export function generateStudioProblem(options: StudioGeneratorOptions = {}): StudioProblem {
  const rng = createRng(options.seed ?? 1);
  const lineCount = options.orderLines ?? 2000;
  const designCount = options.designs ?? Math.max(5, Math.round(lineCount / 15));
  const utcOffsetMinutes = options.utcOffsetMinutes ?? 60;
  const designs = Array.from({ length: designCount }, (_, i) => makeDesign(rng, i));

  const lines: OrderLineInput[] = [];
  let workMinutes = 0;
  let order = 0;
  while (lines.length < lineCount) {
    order++;
    const linesInOrder = Math.min(lineCount - lines.length, 1 + rng.int(4));
    for (let k = 0; k < linesInOrder; k++) {
      // Squared uniform skews popularity towards the first designs.
      const design = designs[Math.floor(rng.next() ** 2 * designCount)]!;
      const r = rng.next();
      const quantity = r < 0.7 ? between(rng, 1, 4) : r < 0.95 ? between(rng, 5, 12) : between(rng, 15, 40);
      for (const step of design.routing) workMinutes += quantity * step.minutesPerPiece + step.setupMinutes / 3;
      lines.push({
        id: `L${String(lines.length + 1).padStart(5, "0")}`,
        orderId: `O${String(order).padStart(5, "0")}`,
        designId: design.id,
        variantId: `${design.id}-${pick(rng, ["S", "M", "L"])}`,
        quantity,
        dueMinute: 0,
      });
    }
  }
  // About 208 attended hours a week across the team (the tumbler runs unattended).
  const weeks = (workMinutes / (208 * 60)) * (options.dueSlack ?? 1.3);
  const horizonMinutes = Math.max(7, Math.ceil(weeks * 7)) * 1440;
  const orderDue = new Map<string, number>();
  for (const line of lines) {
    if (!orderDue.has(line.orderId)) orderDue.set(line.orderId, 3 * 1440 + rng.int(Math.max(1, horizonMinutes - 3 * 1440)));
    // Due at 17:00 local on the drawn day.
    const day = Math.floor(orderDue.get(line.orderId)! / 1440);
    line.dueMinute = day * 1440 + 17 * 60;
  }
  return {
    horizonStart: options.horizonStart ?? "2025-01-06T00:00:00+01:00",
    stations: STATIONS.map((s) => ({ ...s })),
    people: people(utcOffsetMinutes),
    designs,
    orderLines: lines,
  };
}
