import type { FlowShopInstance } from "./types";
import { SchedulingError } from "../errors";

/**
 * Taillard (1993) instance generator: Park–Miller minimal standard LCG with
 * Schrage's decomposition, processing times unif(1, 99) drawn machine-major.
 */
export function taillardUnif(state: { seed: number }, low: number, high: number): number {
  const m = 2147483647;
  const a = 16807;
  const b = 127773;
  const c = 2836;
  const k = Math.floor(state.seed / b);
  let seed = a * (state.seed % b) - k * c;
  if (seed < 0) seed += m;
  state.seed = seed;
  return low + Math.floor((seed / m) * (high - low + 1));
}

export function generateTaillard(jobs: number, machines: number, timeSeed: number, name?: string): FlowShopInstance {
  const state = { seed: timeSeed };
  const p = new Int32Array(jobs * machines);
  for (let i = 0; i < machines; i++) {
    for (let j = 0; j < jobs; j++) p[i * jobs + j] = taillardUnif(state, 1, 99);
  }
  return { name, jobs, machines, p, seed: timeSeed };
}

export interface TaillardSpec {
  name: string;
  jobs: number;
  machines: number;
  timeSeed: number;
  /** Best-known makespan (upper bound) from the literature. */
  upperBound: number;
}

const GROUPS: Array<{ jobs: number; machines: number; seeds: number[]; ub: number[] }> = [
  {
    jobs: 20, machines: 5,
    seeds: [873654221, 379008056, 1866992158, 216771124, 495070989, 402959317, 1369363414, 2021925980, 573109518, 88325120],
    ub: [1278, 1359, 1081, 1293, 1235, 1195, 1234, 1206, 1230, 1108],
  },
  {
    jobs: 20, machines: 10,
    seeds: [587595453, 1401007982, 873136276, 268827376, 1634173168, 691823909, 73807235, 1273398721, 2065119309, 1672900551],
    ub: [1582, 1659, 1496, 1377, 1419, 1397, 1484, 1538, 1593, 1591],
  },
  {
    jobs: 20, machines: 20,
    seeds: [479340445, 268827376, 1958948863, 918272953, 555010963, 2010851491, 1519833303, 1748670931, 1923497586, 1829909967],
    ub: [2297, 2099, 2326, 2223, 2291, 2226, 2273, 2200, 2237, 2178],
  },
  {
    jobs: 50, machines: 5,
    seeds: [1328042058, 200382020, 496319842, 1203030903, 1730708564, 450926852, 1303135678, 1273398721, 587288402, 248421594],
    ub: [2724, 2834, 2621, 2751, 2863, 2829, 2725, 2683, 2552, 2782],
  },
  {
    jobs: 50, machines: 10,
    seeds: [1958948863, 575633267, 655816003, 1977864101, 93805469, 1803345551, 49612559, 1899802599, 2013025619, 578962478],
    ub: [2991, 2867, 2839, 3063, 2976, 3006, 3093, 3037, 2897, 3065],
  },
];

/** ta001–ta050 with their time seeds and best-known makespans. */
export const TAILLARD_INSTANCES: readonly TaillardSpec[] = GROUPS.flatMap((g, gi) =>
  g.seeds.map((timeSeed, k) => ({
    name: `ta${String(gi * 10 + k + 1).padStart(3, "0")}`,
    jobs: g.jobs,
    machines: g.machines,
    timeSeed,
    upperBound: g.ub[k]!,
  })),
);

export function taillardInstance(index: number): FlowShopInstance {
  const spec = TAILLARD_INSTANCES[index - 1];
  if (!spec) throw new SchedulingError(`Taillard instance ${index} is not available (1..${TAILLARD_INSTANCES.length})`);
  return { ...generateTaillard(spec.jobs, spec.machines, spec.timeSeed, spec.name), upperBound: spec.upperBound };
}
