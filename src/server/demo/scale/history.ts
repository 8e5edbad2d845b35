// A studio's production history, simulated day by day: orders arrive, their lines go through the routing one
// step per working day, the same step (or batch family) is batched across designs and orders in due-date
// order, assistants work the batches within their working hours and report pieces done and scrapped on the
// bench. Pure: no database. The output rows mirror the tables (see ./insert.ts), all in one studio.

import { workingWindows } from "~/features/planning/calendar";
import { addDays, dayOf, endOfStudioDay, startOfStudioDay, studioToday } from "~/server/time-zone";
import { nextRandom, type Random } from "./random";

export type HistoryStep = {
  routingStepId: string;
  position: number;
  name: string;
  stationId: string;
  setupSeconds: number;
  secondsPerPiece: number;
  /** Batch key: the family, or the step itself when it is batchable without one; null = one line per batch. */
  batchKey: string | null;
  family: string | null;
  maxBatchSize: number;
  unattended: boolean;
};

export type HistoryVariant = {
  variantId: string;
  designVersionId: string;
  designName: string;
  variantName: string;
  sku: string;
  steps: HistoryStep[];
};

export type HistoryInput = {
  studioId: string;
  /** Makes row ids unique across studios and runs. */
  idPrefix: string;
  planId: string;
  timeZone: string;
  /** Working intervals per weekday (0 = Sunday), local "HH:MM". */
  workingHours: Array<{ weekday: number; start: string; end: string }>;
  /** Everyone who works batches (user ids). */
  people: string[];
  variants: HistoryVariant[];
  firstOrderNumber: number;
  /** Approximate number of bench events to produce. */
  targetEvents: number;
  /** Calendar days of history before today (today's work up to `now` is included). */
  days: number;
  now: Date;
  seed: number;
};

type NewOrder = { id: string; number: number; kind: "CUSTOMER" | "WHOLESALE" | "RESTOCK"; customerName: string; source: "MANUAL" | "ETSY" | "SHOPIFY"; externalRef: string | null; createdAt: Date; updatedAt: Date };
type NewLine = { id: string; orderId: string; position: number; variant: HistoryVariant; quantity: number; dueDate: Date; createdAt: Date };
export type OrderRow = NewOrder & { status: "OPEN" | "IN_PRODUCTION" | "DONE" };
export type LineRow = NewLine & { status: "OPEN" | "DONE" };
export type ItemRow = { id: string; line: NewLine; step: HistoryStep; pieces: number; done: number; scrapped: number };
export type BatchRow = {
  id: string;
  step: HistoryStep;
  personId: string;
  startAt: Date;
  endAt: Date;
  claimedAt: Date;
  workedSeconds: number;
  /** [pause, resume] pairs while the batch ran. */
  breaks: Array<[Date, Date]>;
  items: ItemRow[];
};
export type History = { orders: OrderRow[]; lines: LineRow[]; batches: BatchRow[] };

const CUSTOMERS = ["Maya Lopez", "Ines Duarte", "Sam Okafor", "Lena Novak", "Priya Raman", "Jonas Berg", "Chloe Martin", "Ada Nwosu", "Noor Haddad", "Eli Brooks"];
const SHOPS = ["The Little Gallery", "Harbour Craft Shop", "Northlight Boutique", "Stone & Thread", "Museum Store"];
const SCRAP_RATE = 0.03;
const BREAK_MS = 10 * 60_000;
// Expected pieces per order: 60 % customer orders (1-2 lines of 1-3 pieces), 40 % wholesale and restock
// (1-4 lines of 6-24 pieces).
const PIECES_PER_ORDER = 0.6 * 1.5 * 2 + 0.4 * 2.5 * 15;


/** A working day: the instant it starts (local midnight) and the UTC bounds of its working intervals. */
type WorkDay = { index: number; date: Date; intervals: Array<[number, number]>; cap: number };

function workingDays(input: HistoryInput): WorkDay[] {
  const today = studioToday(input.timeZone, input.now);
  const now = input.now.getTime();
  const result: WorkDay[] = [];
  // Up to today, cut at `now`: the history ends with this morning's work.
  for (let d = input.days; d >= 0; d--) {
    const start = startOfStudioDay(input.timeZone, addDays(today, -d));
    const intervals = workingWindows(input.workingHours, input.timeZone, start, 1)
      .map(([from, until]): [number, number] => [from, Math.min(now, until)])
      .filter(([from, until]) => until > from);
    if (intervals.length) result.push({ index: result.length, date: start, intervals, cap: d === 0 ? now : Infinity });
  }
  return result;
}

/** Average bench events per ordered piece through a routing, to size the order intake for targetEvents. */
function eventsPerPiece(variants: HistoryVariant[]): number {
  const steps = variants.reduce((sum, v) => sum + v.steps.length, 0) / Math.max(1, variants.length);
  // Calibrated on generated histories (reports of ~3.7 pieces, ~5 lifecycle events per batch).
  return steps * 0.375;
}

function secondsPerPieceAt(variants: HistoryVariant[]): number {
  return variants.reduce((sum, v) => sum + v.steps.reduce((s, step) => s + step.setupSeconds / 20 + (step.unattended ? 10 : step.secondsPerPiece), 0), 0) / Math.max(1, variants.length);
}

/** People needed so an intake of targetEvents over `days` calendar days fits in ~75 % of the working time. */
export function neededPeople(variants: HistoryVariant[], targetEvents: number, days: number, workSecondsPerDay: number): number {
  const workingDays = Math.max(1, Math.round((days * 5) / 7) - 6);
  const piecesPerDay = targetEvents / Math.max(1, eventsPerPiece(variants)) / workingDays;
  return Math.ceil((piecesPerDay * secondsPerPieceAt(variants)) / (0.75 * workSecondsPerDay));
}

type Pending = { line: NewLine; stepIndex: number; pieces: number; readyDay: number };

export function simulateHistory(input: HistoryInput): History {
  const rnd = nextRandom(input.seed);
  const days = workingDays(input);
  const id = (kind: string, n: number) => `${input.idPrefix}${kind}${n.toString(36)}`;
  const orders: NewOrder[] = [];
  const lines: NewLine[] = [];
  const batches: BatchRow[] = [];
  let pending: Pending[] = [];
  const lineFinishedAt = new Map<string, number>();
  let orderCount = 0, lineCount = 0, itemCount = 0, batchCount = 0;

  const piecesPerDay = input.targetEvents / Math.max(1, eventsPerPiece(input.variants)) / Math.max(1, days.length);
  const ordersPerDay = piecesPerDay / PIECES_PER_ORDER;

  function arrive(day: WorkDay) {
    let count = Math.floor(ordersPerDay) + (rnd() < ordersPerDay % 1 ? 1 : 0);
    for (; count > 0; count--) {
      const roll = rnd();
      const kind = roll < 0.6 ? "CUSTOMER" : roll < 0.85 ? "WHOLESALE" : "RESTOCK";
      const source = kind === "CUSTOMER" ? (rnd() < 0.5 ? "ETSY" : rnd() < 0.5 ? "SHOPIFY" : "MANUAL") : "MANUAL";
      const [startMs, endMs] = day.intervals[0]!;
      const createdAt = new Date(Math.min(day.cap - 60_000, startMs - 3_600_000 + Math.floor(rnd() * (endMs - startMs))));
      const order: NewOrder = {
        id: id("o", orderCount),
        number: input.firstOrderNumber + orderCount,
        kind,
        customerName: kind === "WHOLESALE" ? pick(rnd, SHOPS) : kind === "RESTOCK" ? "Market stock" : pick(rnd, CUSTOMERS),
        source,
        externalRef: source === "MANUAL" ? null : `${source === "ETSY" ? "E" : "S"}-${input.idPrefix}${orderCount}`,
        createdAt,
        updatedAt: createdAt,
      };
      orderCount++;
      orders.push(order);
      const lineTotal = kind === "CUSTOMER" ? 1 + Math.floor(rnd() * 2) : 1 + Math.floor(rnd() * 4);
      // Some customers want it fast: those rush orders are the ones that end up late.
      const rush = kind === "CUSTOMER" && rnd() < 0.12;
      const leadDays = rush ? 6 + Math.floor(rnd() * 4) : kind === "CUSTOMER" ? 12 + Math.floor(rnd() * 9) : 18 + Math.floor(rnd() * 15);
      const due = endOfStudioDay(input.timeZone, addDays(dayOf(input.timeZone, createdAt), leadDays));
      for (let position = 0; position < lineTotal; position++) {
        const variant = pick(rnd, input.variants);
        const quantity = kind === "CUSTOMER" ? 1 + Math.floor(rnd() * 3) : 6 + Math.floor(rnd() * 19);
        const line: NewLine = { id: id("l", lineCount++), orderId: order.id, position, variant, quantity, dueDate: due, createdAt };
        lines.push(line);
        pending.push({ line, stepIndex: 0, pieces: quantity, readyDay: day.index });
      }
    }
  }

  const people = input.people;

  for (const day of days) {
    arrive(day);
    const ready = pending.filter((p) => p.readyDay <= day.index);
    const later = pending.filter((p) => p.readyDay > day.index);
    const chunks = formBatches(ready);
    // Each person works through the day from the first interval's start.
    const cursor = people.map(() => ({ at: day.intervals[0]![0] }));
    const leftover: Pending[] = [];
    for (const work of chunks) {
      const step = work[0]!.line.variant.steps[work[0]!.stepIndex]!;
      const pieces = work.reduce((s, p) => s + p.pieces, 0);
      const attended = step.setupSeconds + (step.unattended ? 60 : step.secondsPerPiece * pieces);
      const worked = Math.round(attended * (0.8 + rnd() * 0.5));
      // Longer batches sometimes get a 10-minute pause in the middle (not counted as worked time).
      const pause = worked > 40 * 60 && rnd() < 0.4 ? BREAK_MS : 0;
      // The person who is free first takes it, if it fits before the end of their day.
      let who = 0;
      for (let i = 1; i < cursor.length; i++) if (cursor[i]!.at < cursor[who]!.at) who = i;
      const slot = fit(day, cursor[who]!, worked * 1000 + pause);
      if (!slot) {
        leftover.push(...work);
        continue;
      }
      const end = slot.end;
      const breaks: Array<[Date, Date]> = [];
      if (pause) {
        const at = slot.start + Math.floor((end - pause - slot.start) * (0.3 + rnd() * 0.4));
        breaks.push([new Date(at), new Date(at + pause)]);
      }
      const batch: BatchRow = {
        id: id("b", batchCount++),
        step,
        personId: people[who]!,
        startAt: new Date(slot.start),
        endAt: new Date(end),
        claimedAt: new Date(slot.start - (1 + Math.floor(rnd() * 15)) * 60_000),
        workedSeconds: worked,
        breaks,
        items: [],
      };
      for (const p of work) {
        const pStep = p.line.variant.steps[p.stepIndex]!;
        let scrapped = 0;
        for (let k = 0; k < p.pieces; k++) if (rnd() < SCRAP_RATE) scrapped++;
        if (scrapped === p.pieces) scrapped = p.pieces - 1;
        const done = p.pieces - scrapped;
        batch.items.push({ id: id("i", itemCount++), line: p.line, step: pStep, pieces: p.pieces, done, scrapped });
        if (p.stepIndex + 1 < p.line.variant.steps.length) {
          later.push({ line: p.line, stepIndex: p.stepIndex + 1, pieces: done, readyDay: day.index + 1 });
        } else {
          lineFinishedAt.set(p.line.id, end);
        }
      }
      batches.push(batch);
    }
    pending = [...later, ...leftover];
  }

  // Orders still in production at the end of the history stay open: their done steps are history, the rest
  // is for the planner. Finished lines of open orders stay OPEN until the order is closed, as in the app.
  const finished = new Set(orders.map((o) => o.id));
  for (const line of lines) if (!lineFinishedAt.has(line.id)) finished.delete(line.orderId);
  const started = new Set(batches.flatMap((b) => b.items.map((item) => item.line.orderId)));
  const doneAt = new Map<string, number>();
  for (const line of lines) if (finished.has(line.orderId)) doneAt.set(line.orderId, Math.max(doneAt.get(line.orderId) ?? 0, lineFinishedAt.get(line.id)!));
  return {
    orders: orders.map((o) =>
      finished.has(o.id)
        ? { ...o, status: "DONE" as const, updatedAt: new Date(doneAt.get(o.id)! + 5 * 60_000) }
        : { ...o, status: started.has(o.id) ? ("IN_PRODUCTION" as const) : ("OPEN" as const) },
    ),
    lines: lines.map((line) => ({ ...line, status: finished.has(line.orderId) ? ("DONE" as const) : ("OPEN" as const) })),
    batches,
  };
}

/**
 * The day's ready work as batches: grouped by batch key (family or step; a line alone for steps that do not
 * batch), split at the step's batch size in due-date order, the batch holding the most urgent line first.
 */
function formBatches(ready: Pending[]): Pending[][] {
  const groups = new Map<string, Pending[]>();
  for (const p of ready) {
    const step = p.line.variant.steps[p.stepIndex]!;
    const key = step.batchKey ?? `line:${p.line.id}:${step.position}`;
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  const chunks: Pending[][] = [];
  for (const group of groups.values()) {
    group.sort((a, b) => a.line.dueDate.getTime() - b.line.dueDate.getTime());
    const max = group[0]!.line.variant.steps[group[0]!.stepIndex]!.maxBatchSize;
    let chunk: Pending[] = [];
    let chunkPieces = 0;
    for (const p of group) {
      if (chunk.length && chunkPieces + p.pieces > max) {
        chunks.push(chunk);
        chunk = [];
        chunkPieces = 0;
      }
      chunk.push(p);
      chunkPieces += p.pieces;
    }
    if (chunk.length) chunks.push(chunk);
  }
  return chunks.sort((a, b) => a[0]!.line.dueDate.getTime() - b[0]!.line.dueDate.getTime());
}

/**
 * Books `ms` of work for a person from their cursor in the first working interval of the day where it fits
 * (a batch longer than a whole interval may start at the interval's start). Leaves the cursor alone when it
 * does not fit anywhere, so a shorter batch can still use the time.
 */
function fit(day: WorkDay, cursor: { at: number }, ms: number): { start: number; end: number } | null {
  for (const [start, end] of day.intervals) {
    if (end <= cursor.at) continue;
    const from = Math.max(cursor.at, start);
    if (from + ms > day.cap) return null;
    if (from + ms <= end || (from === start && ms > end - start)) {
      cursor.at = from + ms;
      return { start: from, end: from + ms };
    }
  }
  return null;
}

function pick<T>(rnd: Random, values: readonly T[]): T {
  return values[Math.floor(rnd() * values.length)]!;
}
