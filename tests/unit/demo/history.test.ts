import { describe, expect, it } from "vitest";
import { batchEvents, type EventRow } from "~/server/demo/scale/events";
import { neededPeople, simulateHistory, type HistoryInput, type HistoryStep, type HistoryVariant } from "~/server/demo/scale/history";
import { nextRandom } from "~/server/demo/scale/random";

const step = (position: number, name: string, batchKey: string | null, setupSeconds: number, secondsPerPiece: number, unattended = false): HistoryStep => ({
  routingStepId: `${name}-${position}`, position, name, stationId: `station-${name}`, setupSeconds, secondsPerPiece, batchKey, family: batchKey, maxBatchSize: 30, unattended,
});
const finishing = (from: number) => [step(from, "Pickle", "pickle", 120, 12, true), step(from + 1, "Polish", "polish", 600, 120)];
const variants: HistoryVariant[] = [
  { variantId: "disc-16", designVersionId: "disc", designName: "Disc necklace", variantName: "16in", sku: "DISC-16", steps: [step(0, "Cut discs", "cut-sheet", 900, 90), step(1, "Stamp", "stamping", 600, 180), ...finishing(2)] },
  { variantId: "hoop", designVersionId: "hoop", designName: "Hoops", variantName: "Small", sku: "HOOP", steps: [step(0, "Cut wire", "cut-wire", 600, 60), step(1, "Solder", null, 720, 180), ...finishing(2)] },
];
const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" }));
const now = new Date("2026-11-25T12:00:00Z");

function input(overrides: Partial<HistoryInput> = {}): HistoryInput {
  return {
    studioId: "studio", idPrefix: "t", planId: "plan", timeZone: "Europe/London", workingHours: weekdays,
    people: ["ana", "bea", "cal"], variants, firstOrderNumber: 1, targetEvents: 6_000, days: 60, now, seed: 7, ...overrides,
  };
}

function eventsOf(history: ReturnType<typeof simulateHistory>): EventRow[] {
  const rnd = nextRandom(11);
  let n = 0;
  return history.batches.flatMap((batch) => batchEvents(batch, rnd, () => `e${n++}`));
}

describe("simulated studio history", () => {
  const history = simulateHistory(input());
  const events = eventsOf(history);

  it("is deterministic for a seed and different for another", () => {
    const again = simulateHistory(input());
    expect(again.batches.map((b) => [b.id, b.startAt.getTime(), b.items.length])).toEqual(history.batches.map((b) => [b.id, b.startAt.getTime(), b.items.length]));
    expect(simulateHistory(input({ seed: 8 })).batches.map((b) => b.startAt.getTime())).not.toEqual(history.batches.map((b) => b.startAt.getTime()));
  });

  it("lands near the requested number of bench events", () => {
    expect(events.length).toBeGreaterThan(6_000 * 0.6);
    expect(events.length).toBeLessThan(6_000 * 1.4);
  });

  it("batches one step (or family) across orders and designs, within the batch size", () => {
    for (const batch of history.batches) {
      const keys = new Set(batch.items.map((item) => item.step.batchKey ?? `line:${item.line.id}`));
      expect(keys.size).toBe(1);
      const pieces = batch.items.reduce((sum, item) => sum + item.pieces, 0);
      if (batch.items.length > 1) expect(pieces).toBeLessThanOrEqual(30);
    }
    expect(history.batches.some((b) => new Set(b.items.map((i) => i.line.orderId)).size > 1)).toBe(true);
  });

  it("runs batches inside working hours, by someone on the team", () => {
    const hours = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit", weekday: "short", hourCycle: "h23" });
    for (const batch of history.batches) {
      const start = hours.format(batch.startAt);
      expect(start).not.toMatch(/Sat|Sun/);
      expect(start.slice(-5) >= "09:00").toBe(true);
      expect(batch.endAt.getTime()).toBeGreaterThan(batch.startAt.getTime());
      expect(batch.endAt.getTime()).toBeLessThan(now.getTime());
      expect(["ana", "bea", "cal"]).toContain(batch.personId);
    }
  });

  it("keeps every piece traceable: each line goes through its routing in order, good pieces flowing on", () => {
    const byLine = new Map<string, Array<{ position: number; pieces: number; done: number; start: number }>>();
    for (const batch of history.batches) {
      for (const item of batch.items) {
        expect(item.done + item.scrapped).toBe(item.pieces);
        if (!byLine.has(item.line.id)) byLine.set(item.line.id, []);
        byLine.get(item.line.id)!.push({ position: item.step.position, pieces: item.pieces, done: item.done, start: batch.startAt.getTime() });
      }
    }
    for (const line of history.lines) {
      const steps = (byLine.get(line.id) ?? []).sort((a, b) => a.position - b.position);
      const routing = line.variant.steps.map((s) => s.position);
      // Done lines went through the whole routing; open ones through its first steps (or none yet).
      expect(steps.map((s) => s.position)).toEqual(line.status === "DONE" ? routing : routing.slice(0, steps.length));
      if (steps[0]) expect(steps[0].pieces).toBe(line.quantity);
      for (let k = 1; k < steps.length; k++) {
        expect(steps[k]!.pieces).toBe(steps[k - 1]!.done);
        expect(steps[k]!.start).toBeGreaterThan(steps[k - 1]!.start);
      }
    }
  });

  it("closes finished orders after their last piece and leaves the ones in production open, mostly on time", () => {
    const lastEnd = new Map<string, number>();
    for (const batch of history.batches) for (const item of batch.items) lastEnd.set(item.line.orderId, Math.max(lastEnd.get(item.line.orderId) ?? 0, batch.endAt.getTime()));
    expect(history.orders.map((o) => o.number)).toEqual(history.orders.map((_, k) => k + 1));
    const done = history.orders.filter((o) => o.status === "DONE");
    const open = history.orders.filter((o) => o.status !== "DONE");
    expect(done.length).toBeGreaterThan(history.orders.length * 0.8);
    expect(open.length).toBeGreaterThan(0);
    for (const order of done) expect(order.updatedAt.getTime()).toBeGreaterThan(lastEnd.get(order.id)!);
    for (const order of open) expect(order.status).toBe(lastEnd.has(order.id) ? "IN_PRODUCTION" : "OPEN");
    const lineStatus = new Map(history.lines.map((line) => [line.orderId, line.status]));
    for (const order of history.orders) expect(lineStatus.get(order.id)).toBe(order.status === "DONE" ? "DONE" : "OPEN");
    const due = new Map(history.lines.map((line) => [line.orderId, line.dueDate.getTime()]));
    const late = done.filter((order) => order.updatedAt.getTime() > due.get(order.id)!).length;
    expect(late / done.length).toBeLessThan(0.25);
  });

  it("writes each batch's bench trail as the bench would: claim, start, reports adding up, complete", () => {
    const byBatch = new Map<string, EventRow[]>();
    for (const event of events) {
      if (!byBatch.has(event.batchId)) byBatch.set(event.batchId, []);
      byBatch.get(event.batchId)!.push(event);
    }
    for (const batch of history.batches) {
      const trail = byBatch.get(batch.id)!;
      expect(trail[0]!.kind).toBe("CLAIM");
      expect(trail.at(-1)!.kind).toBe("COMPLETE");
      const times = trail.map((e) => e.createdAt.getTime());
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      const reports = trail.filter((e) => e.kind === "REPORT");
      expect(reports.reduce((s, e) => s + e.piecesDone, 0)).toBe(batch.items.reduce((s, i) => s + i.done, 0));
      expect(reports.reduce((s, e) => s + e.piecesScrapped, 0)).toBe(batch.items.reduce((s, i) => s + i.scrapped, 0));
      expect(trail.filter((e) => e.kind === "PAUSE")).toHaveLength(batch.breaks.length);
      for (const report of reports) expect(report.piecesDone + report.piecesScrapped).toBeGreaterThan(0);
    }
  });

  it("sizes the team so the intake fits the working week", () => {
    expect(neededPeople(variants, 6_000, 60, 8 * 3600)).toBeGreaterThanOrEqual(1);
    expect(neededPeople(variants, 600_000, 600, 8 * 3600)).toBeGreaterThan(neededPeople(variants, 60_000, 600, 8 * 3600));
  });
});
