import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createInstance,
  FlowShopEvaluator,
  neh,
  solveFlowShop,
  TAILLARD_INSTANCES,
  taillardInstance,
  type FlowShopInstance,
} from "~/server/scheduling/flowshop";

const instanceArb = (maxJobs: number, maxMachines: number) =>
  fc
    .record({ n: fc.integer({ min: 1, max: maxJobs }), m: fc.integer({ min: 1, max: maxMachines }) })
    .chain(({ n, m }) =>
      fc.array(fc.array(fc.integer({ min: 1, max: 99 }), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }).map((rows) => createInstance(n, m, rows)),
    );

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]));
}

function bruteForce(inst: FlowShopInstance): number {
  const ev = new FlowShopEvaluator(inst);
  return Math.min(...permutations(inst.jobs).map((p) => ev.makespan(p)));
}

describe("Taillard generator", () => {
  it("reproduces ta001's published first machine row", () => {
    const ta001 = taillardInstance(1);
    expect(Array.from(ta001.p.subarray(0, 20))).toEqual([54, 83, 15, 71, 77, 36, 53, 38, 27, 87, 76, 91, 14, 29, 12, 77, 32, 87, 68, 94]);
    expect(ta001.upperBound).toBe(1278);
  });

  it("lists ta001–ta050 with sizes", () => {
    expect(TAILLARD_INSTANCES).toHaveLength(50);
    expect(TAILLARD_INSTANCES[49]).toMatchObject({ name: "ta050", jobs: 50, machines: 10, upperBound: 3065 });
  });
});

describe("flow-shop evaluation", () => {
  it("best insertion (Taillard acceleration) equals trying every position", () => {
    fc.assert(
      fc.property(instanceArb(8, 5), fc.nat(), (inst, pick) => {
        const ev = new FlowShopEvaluator(inst);
        const job = pick % inst.jobs;
        const rest = Array.from({ length: inst.jobs }, (_, j) => j).filter((j) => j !== job);
        const seq = Int32Array.from([...rest, 0]);
        const pos = ev.bestInsertion(seq, rest.length, job);
        const costs = Array.from({ length: rest.length + 1 }, (_, k) => ev.makespan([...rest.slice(0, k), job, ...rest.slice(k)]));
        expect(ev.bestMakespan).toBe(Math.min(...costs));
        expect(costs[pos]).toBe(ev.bestMakespan);
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it("timetable respects machine order, job order and the makespan", () => {
    fc.assert(
      fc.property(instanceArb(9, 5), (inst) => {
        const result = solveFlowShop(inst, { maxIterations: 5, seed: 1 });
        expect([...result.sequence].sort((a, b) => a - b)).toEqual(Array.from({ length: inst.jobs }, (_, j) => j));
        const ops = result.schedule;
        expect(ops).toHaveLength(inst.jobs * inst.machines);
        for (const op of ops) expect(op.end - op.start).toBe(inst.p[op.machine * inst.jobs + op.job]);
        for (const a of ops) {
          for (const b of ops) {
            if (a === b) continue;
            if (a.machine === b.machine) expect(a.end <= b.start || b.end <= a.start).toBe(true);
            if (a.job === b.job && a.machine + 1 === b.machine) expect(b.start).toBeGreaterThanOrEqual(a.end);
          }
        }
        expect(Math.max(...ops.map((o) => o.end))).toBe(result.makespan);
      }),
      { seed: 11, numRuns: 50 },
    );
  });
});

describe("NEH + iterated greedy", () => {
  it("finds the brute-force optimum on small instances (n ≤ 7)", () => {
    fc.assert(
      fc.property(instanceArb(7, 5), fc.integer({ min: 1, max: 1000 }), (inst, seed) => {
        const result = solveFlowShop(inst, { maxIterations: 400, timeLimitMs: 60_000, seed });
        expect(result.makespan).toBe(bruteForce(inst));
      }),
      { seed: 42, numRuns: 60 },
    );
  }, 60_000);

  it("NEH is never better than IG and IG never worse than NEH", () => {
    const inst = taillardInstance(11);
    const start = neh(inst);
    const result = solveFlowShop(inst, { maxIterations: 200, seed: 3 });
    expect(result.nehMakespan).toBe(start.makespan);
    expect(result.makespan).toBeLessThanOrEqual(start.makespan);
    expect(result.makespan).toBeGreaterThanOrEqual(1582);
  });

  it("is deterministic for a seed and an iteration cap", () => {
    const inst = taillardInstance(21);
    const a = solveFlowShop(inst, { maxIterations: 150, timeLimitMs: 60_000, seed: 9 });
    const b = solveFlowShop(inst, { maxIterations: 150, timeLimitMs: 60_000, seed: 9 });
    expect(b.sequence).toEqual(a.sequence);
    expect(b.makespan).toBe(a.makespan);
    expect(b.iterations).toBe(150);
  });

  it("handles a single job and a single machine", () => {
    expect(solveFlowShop(createInstance(1, 3, [[4], [5], [6]]), { maxIterations: 10 }).makespan).toBe(15);
    expect(solveFlowShop(createInstance(3, 1, [[4, 5, 6]]), { maxIterations: 10 }).makespan).toBe(15);
  });
});
