import type { StepModel } from "./model";

/** The running totals of a batch being formed: they decide its length, its earliest start and who may join. */
export interface BatchTotals {
  pieces: number;
  cap: number;
  setup: number;
  rate: number;
  est: number;
}

/**
 * Lots waiting at the seed's batch key join it in priority order (`waiting`) if they are ready by `limit` and the
 * batch stays within every member's batch limit; it stops once the batch is full. Pushes the joiners onto
 * `members` and updates `totals` in place. Shared by the decoder and the window decoder, so both batch alike.
 */
export function joinWaiting(
  totals: BatchTotals,
  members: number[],
  waiting: Iterable<number>,
  limit: number,
  ready: Float64Array,
  nextStep: (lot: number) => StepModel,
  piecesOf: (lot: number) => number,
): BatchTotals {
  const seed = members[0];
  for (const c of waiting) {
    if (c === seed || ready[c]! > limit) continue;
    const cs = nextStep(c);
    const cp = piecesOf(c);
    const newCap = Math.min(totals.cap, cs.cap);
    if (totals.pieces + cp > newCap) continue;
    members.push(c);
    totals.pieces += cp;
    totals.cap = newCap;
    if (cs.setup > totals.setup) totals.setup = cs.setup;
    totals.rate += cp * cs.perPiece;
    if (ready[c]! > totals.est) totals.est = ready[c]!;
    if (totals.pieces >= totals.cap) break;
  }
  return totals;
}
