import { nowMs, type Rng } from "../prng";
import { decode, type Decoded, type DecodeParams } from "./construct";
import { canonicalLineLots, type Work } from "./lots";
import type { StudioModel } from "./model";
import { WindowSearch } from "./window";

/** Batching windows (minutes a batch may wait for more lots) explored by the search. */
export const WINDOWS = [0, 30, 120, 480, 1440];
/** Seed staggers (see DecodeParams) explored by the search. */
export const STAGGERS = [0, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.2];

export interface Candidate {
  priority: Int32Array;
  params: DecodeParams;
  result: Decoded;
}

export interface ImproveOptions {
  deadline: number;
  maxIterations: number;
  rng: Rng;
}

/** Every DECODE_EVERY-th iteration is a full decode (an iterated-greedy move); the others are window moves. */
const DECODE_EVERY = 25;

/**
 * Two searches share the iterations, and the best plan either finds is returned:
 * - iterated greedy on the lot priority list, every DECODE_EVERY-th iteration: remove a few lots (biased
 *   towards lots of late order lines) and reinsert them elsewhere — late ones earlier — occasionally changing
 *   the batching window or stagger; decode the whole list, and accept it Ruiz–Stützle style (a temperature
 *   criterion). It makes the big moves, as before.
 * - window moves (`WindowSearch`) in between, on the best decoded plan so far (restarted whenever the iterated
 *   greedy finds a better one): re-decode a run of consecutive batches — ending at a late line's last step, at
 *   the plan's last batch, or anywhere — with a few lots moved, into the time the rest of the plan leaves free,
 *   kept when not worse. They are cheap, so they are most of the iterations.
 */
export function improve(model: StudioModel, work: Work, start: Candidate, opts: ImproveOptions): { best: Candidate; iterations: number; decodes: number } {
  const { rng } = opts;
  const n = start.priority.length;
  let current = start;
  let best = start;
  let iterations = 0;
  let decodes = 0;
  if (n < 2) return { best, iterations, decodes };
  const temperature = Math.max(1, 0.0005 * start.result.objective);
  const span = Math.max(4, Math.round(n / 20));
  const lineLots = canonicalLineLots(model.lines.length, work.lots);
  let bestDecoded = start;
  let polished = new WindowSearch(model, work, start.result, start.priority, lineLots);

  while (iterations < opts.maxIterations && nowMs() < opts.deadline) {
    iterations++;
    if (iterations % DECODE_EVERY !== 0) {
      const late = lateLots(polished.evaluation.lateMask, lineLots);
      const lateLot = late.length > 0 && rng.next() < 0.5 ? late[rng.int(late.length)] : undefined;
      const objective = polished.evaluation.objective;
      const moved = polished.propose(rng, bestDecoded.params, lateLot);
      if (moved === null) continue;
      if (moved > objective) {
        polished.reject();
        continue;
      }
      polished.accept();
      if (moved < best.result.objective) best = { priority: polished.priority(), params: bestDecoded.params, result: polished.snapshot() };
      continue;
    }
    decodes++;
    const list = Array.from(current.priority);
    const late = lateLots(current.result.lateMask, lineLots);
    const d = 1 + rng.int(4);
    for (let r = 0; r < d; r++) {
      const pickLate = late.length > 0 && rng.next() < 0.6;
      const lot = pickLate ? late[rng.int(late.length)]! : list[rng.int(n)]!;
      const from = list.indexOf(lot);
      list.splice(from, 1);
      const to = pickLate ? rng.int(from + 1) : clamp(from - span + rng.int(2 * span + 1), 0, n - 1);
      list.splice(to, 0, lot);
      restoreLineOrder(list, lineLots[work.lots[lot]!.line]!);
    }
    const params = { ...current.params };
    if (rng.next() < 0.1) params.window = WINDOWS[rng.int(WINDOWS.length)]!;
    if (rng.next() < 0.1) params.stagger = STAGGERS[rng.int(STAGGERS.length)]!;
    const priority = Int32Array.from(list);
    const result = decode(model, work, priority, params);
    const delta = result.objective - current.result.objective;
    if (delta <= 0 || rng.next() < Math.exp(-delta / temperature)) {
      current = { priority, params, result };
      if (result.objective < bestDecoded.result.objective) {
        bestDecoded = current;
        polished = new WindowSearch(model, work, result, priority, lineLots);
        if (result.objective < best.result.objective) best = current;
      }
    }
  }
  return { best, iterations, decodes };
}

/** Put a line's lots back into canonical relative order within the positions they occupy. */
function restoreLineOrder(list: number[], lineLots: number[]): void {
  if (lineLots.length < 2) return;
  const positions = lineLots.map((l) => list.indexOf(l)).sort((a, b) => a - b);
  positions.forEach((pos, k) => (list[pos] = lineLots[k]!));
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

function lateLots(lateMask: Uint8Array, lineLots: number[][]): number[] {
  const out: number[] = [];
  lateMask.forEach((late, line) => {
    if (late === 1) out.push(...lineLots[line]!);
  });
  return out;
}
