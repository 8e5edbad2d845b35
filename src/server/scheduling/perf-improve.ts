import { loadavg } from "node:os";
import { createRng, nowMs } from "./prng";
import { decode, eddPriority, type DecodeParams } from "./studio/construct";
import { generateStudioProblem } from "./studio/generator";
import { improve } from "./studio/improve";
import { prepareWork } from "./studio/lots";
import { buildModel } from "./studio/model";
import { solveStudio } from "./studio/solve";
import { validatePlan } from "./studio/validate";
import type { StudioProblem } from "./types";

export interface ImproveRate {
  /** Evaluated moves: window re-decodes plus full decodes. */
  iterations: number;
  /** Of those, full decodes (iterated-greedy moves). */
  decodes: number;
  /** Iterations per second of this process's CPU time (less sensitive to other processes on the machine). */
  iterationsPerCpuSecond: number;
  seconds: number;
  iterationsPerSecond: number;
  /** Median wall time of one decode of the constructive priority (the work of one iteration). */
  decodeMs: number;
  /** Median CPU time of the same decodes (less sensitive to other processes on the machine). */
  decodeCpuMs: number;
}

export interface QualityRow {
  timeLimitMs: number;
  objective: number;
  setupHours: number;
  makespanDays: number;
  latenessHours: number;
  iterations: number;
  decodes: number;
  violations: number;
}

const fmt = (x: number, digits = 2) => x.toFixed(digits);
export const loadAverage = () => loadavg().map((x) => x.toFixed(1)).join(" / ");
export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * Iterations per second of the improvement phase on its own: the constructive plan of the instance (EDD
 * priority, stagger 0.005, the best of the three constructive settings on the 2,000-line instance), then
 * `improve` for `ms` milliseconds. An iteration is one evaluated move: a window re-decode or (one in 25) a full
 * decode of the priority list. Full decodes are also timed on their own.
 */
export function measureImproveRate(problem: StudioProblem, ms: number, seed: number, timedDecodes = 7): ImproveRate {
  const model = buildModel(problem);
  const work = prepareWork(model, undefined, undefined);
  const priority = eddPriority(model, work);
  const params: DecodeParams = { window: 0, stagger: 0.005 };
  const wall: number[] = [];
  const cpu: number[] = [];
  let result = decode(model, work, priority, params);
  for (let i = 0; i < timedDecodes; i++) {
    const c0 = process.cpuUsage();
    const t0 = nowMs();
    result = decode(model, work, priority, params);
    wall.push(nowMs() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const t0 = nowMs();
  const c0 = process.cpuUsage();
  const { iterations, decodes } = improve(model, work, { priority, params, result }, { deadline: t0 + ms, maxIterations: Infinity, rng: createRng(seed) });
  const seconds = (nowMs() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const iterationsPerCpuSecond = iterations / ((c.user + c.system) / 1e6);
  return { iterations, decodes, iterationsPerCpuSecond, seconds, iterationsPerSecond: iterations / seconds, decodeMs: median(wall), decodeCpuMs: median(cpu) };
}

/** Objective and setup hours of `solveStudio` at each time limit. */
export function qualityTable(problem: StudioProblem, limits: number[], seed: number): QualityRow[] {
  return limits.map((timeLimitMs) => {
    const plan = solveStudio({ ...problem, options: { timeLimitMs, seed, computeNaive: false } });
    return {
      timeLimitMs,
      objective: plan.objective,
      setupHours: plan.summary.setupHours,
      makespanDays: Math.round((plan.summary.makespanMinutes / 1440) * 10) / 10,
      latenessHours: Math.round((plan.summary.totalLatenessMinutes / 60) * 10) / 10,
      iterations: plan.stats.iterations,
      decodes: plan.stats.decodes ?? 0,
      violations: validatePlan(problem, plan).length,
    };
  });
}

/** `--part improve`: the improvement rate and the quality-versus-time table, as markdown. */
export function benchImprove(lines: number, studioSeed: number, seed: number, rateMs: number, limits: number[]) {
  const problem = generateStudioProblem({ orderLines: lines, seed: studioSeed });
  console.log(`## Improvement phase: ${lines} order lines (studio seed ${studioSeed}), search seed ${seed} (load average ${loadAverage()})\n`);
  const rate = measureImproveRate(problem, rateMs, seed);
  console.log(`Improvement phase for ${fmt(rate.seconds, 1)} s from the constructive plan: **${rate.iterations} iterations, ${fmt(rate.iterationsPerSecond, 1)} iterations/s**, ${fmt(rate.iterationsPerCpuSecond, 1)} per CPU second (${rate.iterations - rate.decodes} window moves, ${rate.decodes} full decodes = ${fmt(rate.decodes / rate.seconds, 1)}/s). One full decode: median ${fmt(rate.decodeMs, 1)} ms wall, ${fmt(rate.decodeCpuMs, 1)} ms CPU. Load average after: ${loadAverage()}.\n`);
  console.log("| time limit | objective | setup hours | makespan (days) | total lateness (h) | iterations (full decodes) | violations |");
  console.log("|---:|---:|---:|---:|---:|---:|---:|");
  const quality = qualityTable(problem, limits, seed);
  for (const q of quality) {
    console.log(`| ${q.timeLimitMs / 1000} s | ${q.objective} | ${fmt(q.setupHours, 1)} | ${q.makespanDays} | ${q.latenessHours} | ${q.iterations} (${q.decodes}) | ${q.violations} |`);
  }
  console.log(`\nLoad average at the end: ${loadAverage()}.\n`);
  return { rate, quality };
}
