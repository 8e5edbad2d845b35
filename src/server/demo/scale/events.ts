import type { BatchRow } from "./history";
import type { Random } from "./random";

export type EventRow = {
  id: string;
  batchId: string;
  userId: string;
  kind: "CLAIM" | "START" | "PAUSE" | "REPORT" | "COMPLETE";
  piecesDone: number;
  piecesScrapped: number;
  scrapReason: string | null;
  createdAt: Date;
};

const SCRAP_REASONS = ["Solder pit", "Stamped off-centre", "Cracked in forming", "Wrong length", "Scratched in polishing"];

/**
 * The bench trail of one finished batch, as the bench procedures would have written it: CLAIM, START, reports
 * of 1-6 pieces (one report for unattended steps) with the item scrap spread over them, a PAUSE/START around
 * the batch's break, COMPLETE at the end. Report totals equal the items' done and scrapped pieces.
 */
export function batchEvents(batch: BatchRow, rnd: Random, nextId: () => string): EventRow[] {
  const event = (kind: EventRow["kind"], at: number, done = 0, scrapped = 0): EventRow => ({
    id: nextId(),
    batchId: batch.id,
    userId: batch.personId,
    kind,
    piecesDone: done,
    piecesScrapped: scrapped,
    scrapReason: scrapped > 0 ? SCRAP_REASONS[Math.floor(rnd() * SCRAP_REASONS.length)]! : null,
    createdAt: new Date(at),
  });
  const done = batch.items.reduce((sum, item) => sum + item.done, 0);
  const scrapped = batch.items.reduce((sum, item) => sum + item.scrapped, 0);
  const sizes: number[] = [];
  if (batch.step.unattended) sizes.push(done);
  else for (let left = done; left > 0; ) {
    const size = Math.min(left, rnd() < 0.4 ? 1 : 2 + Math.floor(rnd() * 5));
    sizes.push(size);
    left -= size;
  }
  if (sizes.length === 0) sizes.push(0);
  const scrapAt = new Map<number, number>();
  for (let k = 0; k < scrapped; k++) {
    const at = Math.floor(rnd() * sizes.length);
    scrapAt.set(at, (scrapAt.get(at) ?? 0) + 1);
  }

  const start = batch.startAt.getTime();
  const end = batch.endAt.getTime();
  const events = [event("CLAIM", batch.claimedAt.getTime()), event("START", start)];
  const [pause] = batch.breaks;
  const span = end - start - (pause ? pause[1].getTime() - pause[0].getTime() : 0);
  let pauseWritten = false;
  sizes.forEach((size, k) => {
    // Report k lands at its share of the worked time; past the pause, shifted by the pause.
    let at = start + Math.floor((span * (k + 1)) / (sizes.length + 1));
    if (pause && at >= pause[0].getTime()) {
      if (!pauseWritten) {
        events.push(event("PAUSE", pause[0].getTime()), event("START", pause[1].getTime()));
        pauseWritten = true;
      }
      at += pause[1].getTime() - pause[0].getTime();
    }
    events.push(event("REPORT", at, size, scrapAt.get(k) ?? 0));
  });
  if (pause && !pauseWritten) events.push(event("PAUSE", pause[0].getTime()), event("START", pause[1].getTime()));
  events.push(event("COMPLETE", end));
  return events.filter((e) => e.kind !== "REPORT" || e.piecesDone + e.piecesScrapped > 0);
}
