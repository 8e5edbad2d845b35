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
 * Two kinds of moves on one current plan, accepted with a Ruiz–Stützle style temperature criterion, keeping
 * the best plan seen:
 * - window moves (`WindowSearch`): re-decode a run of consecutive batches in a perturbed order into the time
 *   the rest of the plan leaves free — cheap, so they are most of the iterations;
 * - iterated greedy on the lot priority list (the list the current plan is closest to): remove a few lots
 *   (biased towards lots of late order lines) and reinsert them elsewhere — late ones earlier — occasionally
 *   changing the batching window or stagger, and decode the whole list; these make the big moves.
 */
export function improve(model: StudioModel, work: Work, start: Candidate, opts: ImproveOptions): { best: Candidate; iterations: number; decodes: number } {
  const { rng } = opts;
  const n = start.priority.length;
  let best = start;
  let iterations = 0;
  let decodes = 0;
  if (n < 2) return { best, iterations, decodes };
  const temperature = Math.max(1, 0.0005 * start.result.objective);
  const span = Math.max(4, Math.round(n / 20));
  const lineLots = canonicalLineLots(model.lines.length, work.lots);
  let params = start.params;
  let windows = new WindowSearch(model, work, start.result, start.priority, lineLots);
  let objective = start.result.objective;
  const accept = (candidate: number): boolean => {
    const delta = candidate - objective;
    return delta <= 0 || rng.next() < Math.exp(-delta / temperature);
  };

  while (iterations < opts.maxIterations && nowMs() < opts.deadline) {
    iterations++;
    const late = lateLots(windows.evaluation.lateMask, lineLots);
    if (iterations % DECODE_EVERY !== 0) {
      const lateLot = late.length > 0 && rng.next() < 0.5 ? late[rng.int(late.length)] : undefined;
      const moved = windows.propose(rng, params, lateLot);
      if (moved === null) continue;
      if (!accept(moved)) {
        windows.reject();
        continue;
      }
      windows.accept();
      objective = moved;
      if (moved < best.result.objective) best = { priority: windows.priority(), params, result: windows.snapshot() };
      continue;
    }
    decodes++;
    const list = Array.from(windows.priority());
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
    const next = { ...params };
    if (rng.next() < 0.1) next.window = WINDOWS[rng.int(WINDOWS.length)]!;
    if (rng.next() < 0.1) next.stagger = STAGGERS[rng.int(STAGGERS.length)]!;
    const priority = Int32Array.from(list);
    const result = decode(model, work, priority, next);
    if (accept(result.objective)) {
      params = next;
      objective = result.objective;
      windows = new WindowSearch(model, work, result, priority, lineLots);
      if (result.objective < best.result.objective) best = { priority, params, result };
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
