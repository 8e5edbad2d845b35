import type { FlowShopInstance } from "./types";
import { SchedulingError } from "../errors";

const HEADER = /number of jobs\s*,\s*number of machines\s*,\s*initial seed\s*,\s*upper bound\s+and\s+lower bound\s*:/i;
const TIMES = /processing times\s*:/i;

export function looksLikeTaillard(text: string): boolean {
  return HEADER.test(text) && TIMES.test(text);
}

function numbers(text: string): number[] {
  return (text.match(/-?\d+/g) ?? []).map(Number);
}

/**
 * Parse Taillard's flow-shop benchmark text: one or more blocks of
 *   number of jobs, number of machines, initial seed, upper bound and lower bound :
 *   n m seed ub lb
 *   processing times :
 *   m rows of n processing times (row i = machine i)
 */
export function parseTaillard(text: string): FlowShopInstance[] {
  const blocks = text.split(HEADER).slice(1);
  if (blocks.length === 0) throw new SchedulingError("not a Taillard flow-shop file: header line not found");
  return blocks.map((block, b) => {
    const parts = block.split(TIMES);
    if (parts.length < 2) throw new SchedulingError(`instance ${b + 1}: "processing times :" line not found`);
    const head = numbers(parts[0]!);
    if (head.length < 2) throw new SchedulingError(`instance ${b + 1}: expected "n m seed ub lb" after the header`);
    const [jobs, machines, seed, upperBound, lowerBound] = head as [number, number, number?, number?, number?];
    if (jobs < 1 || machines < 1) throw new SchedulingError(`instance ${b + 1}: invalid size ${jobs}x${machines}`);
    const values = numbers(parts[1]!);
    if (values.length !== jobs * machines) {
      throw new SchedulingError(`instance ${b + 1}: expected ${jobs * machines} processing times, found ${values.length}`);
    }
    if (values.some((v) => v < 0)) throw new SchedulingError(`instance ${b + 1}: negative processing time`);
    const inst: FlowShopInstance = { jobs, machines, p: Int32Array.from(values) };
    if (seed !== undefined) inst.seed = seed;
    if (upperBound !== undefined) inst.upperBound = upperBound;
    if (lowerBound !== undefined) inst.lowerBound = lowerBound;
    return inst;
  });
}

export function formatTaillard(inst: FlowShopInstance): string {
  const pad = (v: number, w: number) => String(v).padStart(w);
  const rows: string[] = [];
  for (let i = 0; i < inst.machines; i++) {
    rows.push(Array.from(inst.p.subarray(i * inst.jobs, (i + 1) * inst.jobs), (v) => pad(v, 3)).join(""));
  }
  return [
    "number of jobs, number of machines, initial seed, upper bound and lower bound :",
    [inst.jobs, inst.machines, inst.seed ?? 0, inst.upperBound ?? 0, inst.lowerBound ?? 0].map((v, i) => pad(v, i < 2 ? 10 : 12)).join(""),
    "processing times :",
    ...rows,
    "",
  ].join("\n");
}
