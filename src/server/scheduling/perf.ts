import { benchImprove, loadAverage, median } from "./perf-improve";
import { solveFlowShop, TAILLARD_INSTANCES, taillardInstance } from "./flowshop";
import { generateStudioProblem } from "./studio/generator";
import { planNaive, solveStudio } from "./studio/solve";
import { validatePlan } from "./studio/validate";
import type { PlanSummary } from "./types";

interface BenchArgs {
  part: "all" | "taillard" | "studio" | "improve";
  timeLimitMs: number;
  from: number;
  to: number;
  seed: number;
  studioLines: number;
  studioRuns: number;
  studioLimits: number[];
  studioSeed: number;
  /** Improvement budgets of the quality-versus-time table (ms). */
  times: number[];
  /** How long the improvement rate is measured (ms). */
  rateMs: number;
}

function parse(argv: string[]): BenchArgs {
  const args: BenchArgs = {
    part: "all", timeLimitMs: 1000, from: 1, to: TAILLARD_INSTANCES.length, seed: 1,
    studioLines: 2000, studioRuns: 7, studioLimits: [1000], studioSeed: 1,
    times: [300, 1000, 5000, 30000], rateMs: 10000,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[++i] ?? "";
    if (flag === "--part") args.part = value as BenchArgs["part"];
    else if (flag === "--time-limit-ms") args.timeLimitMs = Number(value);
    else if (flag === "--instances") {
      const [a, b] = value.split("-").map(Number);
      args.from = a!;
      args.to = b ?? a!;
    } else if (flag === "--seed") args.seed = Number(value);
    else if (flag === "--studio-lines") args.studioLines = Number(value);
    else if (flag === "--studio-runs") args.studioRuns = Number(value);
    else if (flag === "--studio-limits") args.studioLimits = value.split(",").map(Number);
    else if (flag === "--studio-seed") args.studioSeed = Number(value);
    else if (flag === "--times") args.times = value.split(",").map(Number);
    else if (flag === "--rate-ms") args.rateMs = Number(value);
    else throw new Error(`unknown option ${flag}`);
  }
  return args;
}

const fmt = (x: number, digits = 2) => x.toFixed(digits);
/** Figures for the closing JSON line. */
const summary: Record<string, unknown> = { bench: "scheduler" };

function benchTaillard(args: BenchArgs): void {
  console.log(`## Taillard ta${String(args.from).padStart(3, "0")}–ta${String(args.to).padStart(3, "0")}: NEH + IG, ${args.timeLimitMs} ms per instance, seed ${args.seed} (load average ${loadAverage()})\n`);
  console.log("| instance | n×m | best known | NEH | IG | gap % | iterations |");
  console.log("|---|---|---:|---:|---:|---:|---:|");
  const groups = new Map<string, { gaps: number[]; neh: number[] }>();
  const all: number[] = [];
  for (let k = args.from; k <= args.to; k++) {
    const inst = taillardInstance(k);
    const ub = inst.upperBound!;
    const r = solveFlowShop(inst, { timeLimitMs: args.timeLimitMs, seed: args.seed });
    const gap = (100 * (r.makespan - ub)) / ub;
    const size = `${inst.jobs}×${inst.machines}`;
    const g = groups.get(size) ?? { gaps: [], neh: [] };
    g.gaps.push(gap);
    g.neh.push((100 * (r.nehMakespan - ub)) / ub);
    groups.set(size, g);
    all.push(gap);
    console.log(`| ${inst.name} | ${size} | ${ub} | ${r.nehMakespan} | ${r.makespan} | ${fmt(gap)} | ${r.iterations} |`);
  }
  console.log("\n| group | instances | avg NEH gap % | avg IG gap % |");
  console.log("|---|---:|---:|---:|");
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  for (const [size, g] of groups) console.log(`| ${size} | ${g.gaps.length} | ${fmt(avg(g.neh))} | ${fmt(avg(g.gaps), 3)} |`);
  console.log(`| **all** | ${all.length} | | **${fmt(avg(all), 3)}** |\n`);
  summary.taillardInstances = all.length;
  summary.taillardAvgGapPercent = Number(fmt(avg(all), 3));
}

function row(label: string, s: PlanSummary, extra: string[]): string {
  return `| ${label} | ${fmt(s.makespanMinutes / 1440, 1)} | ${fmt(s.totalLatenessMinutes / 60, 1)} | ${s.lateOrderLines} | ${s.setups} | ${fmt(s.setupHours, 1)} | ${extra.join(" | ")} |`;
}

function benchStudio(args: BenchArgs): void {
  const problem = generateStudioProblem({ orderLines: args.studioLines, seed: args.studioSeed });
  const pieces = problem.orderLines.reduce((s, l) => s + l.quantity, 0);
  const families = new Set(problem.designs.flatMap((d) => d.routing.map((r) => r.family ?? `${d.id}/${r.stepId}`)));
  console.log(`## Studio: ${problem.orderLines.length} order lines, ${pieces} pieces, ${problem.designs.length} designs × 8 steps, ${problem.stations.length} stations, ${problem.people.length} people, ${families.size} batch keys (seed ${args.studioSeed})\n`);

  const constructive: number[] = [];
  const total: number[] = [];
  const cpu: number[] = [];
  let base = solveStudio({ ...problem, options: { timeLimitMs: 0, computeNaive: false } });
  for (let r = 0; r < args.studioRuns; r++) {
    const c0 = process.cpuUsage();
    base = solveStudio({ ...problem, options: { timeLimitMs: 0, computeNaive: false } });
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    constructive.push(base.stats.constructiveMs);
    total.push(base.stats.elapsedMs);
  }
  const t0 = performance.now();
  const naive = planNaive(problem);
  const naiveMs = performance.now() - t0;
  summary.constructiveMs = Number(fmt(median(constructive), 0));
  summary.setupHours = base.summary.setupHours;
  summary.naiveSetupHours = naive.summary.setupHours;
  console.log(`Constructive plan (${args.studioRuns} runs after one warm-up): median ${fmt(median(constructive), 0)} ms wall (min ${fmt(Math.min(...constructive), 0)}, max ${fmt(Math.max(...constructive), 0)}); whole solveStudio call incl. model build and output: median ${fmt(median(total), 0)} ms wall, ${fmt(median(cpu), 0)} ms CPU. Naive plan: ${fmt(naiveMs, 0)} ms. Load average at start: ${loadAverage()}.\n`);

  console.log("| plan | makespan (days) | total lateness (h) | late lines | setups | setup hours | setup hours vs naive | objective | iterations | violations |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  const reduction = (s: PlanSummary) => `−${fmt((100 * (naive.summary.setupHours - s.setupHours)) / naive.summary.setupHours, 1)} %`;
  console.log(row("naive", naive.summary, ["—", fmt(naive.objective, 0), "—", String(validatePlan(problem, naive).length)]));
  console.log(row("constructive", base.summary, [reduction(base.summary), fmt(base.objective, 0), "0", String(validatePlan(problem, base).length)]));
  for (const limit of args.studioLimits) {
    const plan = solveStudio({ ...problem, options: { timeLimitMs: limit, seed: args.seed, computeNaive: false } });
    const label = `IG ${limit / 1000} s`;
    console.log(row(label, plan.summary, [reduction(plan.summary), fmt(plan.objective, 0), String(plan.stats.iterations), String(validatePlan(problem, plan).length)]));
  }
  console.log("");
  benchReplan(problem, args);
}

/** Re-plan after a change: batches starting in the first 3 days are started; 20 rush lines arrive. */
function benchReplan(problem: ReturnType<typeof generateStudioProblem>, args: BenchArgs): void {
  const first = solveStudio({ ...problem, options: { timeLimitMs: 1000, seed: args.seed, computeNaive: false } });
  const now = 3 * 1440;
  const batches = first.batches.map((b) => (b.start < now ? { ...b, status: "started" as const } : b));
  const rush = problem.orderLines.slice(0, 20).map((l, i) => ({ ...l, id: `RUSH${i}`, orderId: `RUSH${i >> 2}`, dueMinute: now + 5 * 1440 }));
  const started = batches.filter((b) => b.status === "started").length;
  console.log(`Re-planning at day 3 (${started} batches started and kept) — unchanged demand, and with 20 rush lines due day 8:\n`);
  console.log("| scenario | time limit | elapsed ms | violations | late lines | setup hours | open batches kept exactly | median shift of line completion (h) |");
  console.log("|---|---|---:|---:|---:|---:|---:|---:|");
  const sig = (b: { stationId: string; personId: string; start: number; items: unknown[] }) => `${b.stationId}|${b.personId}|${b.start}|${JSON.stringify(b.items)}`;
  const open = first.batches.filter((b) => b.start >= now);
  const done = new Map(first.orderLines.map((l) => [l.orderLineId, l.completionMinute]));
  for (const [label, lines] of [["no change", problem.orderLines], ["+20 rush lines", [...problem.orderLines, ...rush]]] as const) {
    const changed = { ...problem, orderLines: [...lines], previousPlan: { batches, search: first.search } };
    for (const limit of [0, 1000]) {
      const plan = solveStudio({ ...changed, options: { timeLimitMs: limit, seed: args.seed, nowMinute: now, computeNaive: false } });
      const after = new Set(plan.batches.map(sig));
      const kept = open.filter((b) => after.has(sig(b))).length;
      const shifts = plan.orderLines.filter((l) => done.has(l.orderLineId)).map((l) => Math.abs(l.completionMinute - done.get(l.orderLineId)!) / 60);
      console.log(`| ${label} | ${limit} ms | ${fmt(plan.stats.elapsedMs, 0)} | ${validatePlan(changed, plan).length} | ${plan.summary.lateOrderLines} | ${fmt(plan.summary.setupHours, 1)} | ${kept} / ${open.length} | ${fmt(median(shifts), 1)} |`);
    }
  }
  console.log("");
}

const args = parse(process.argv.slice(2));
if (args.part === "all" || args.part === "taillard") benchTaillard(args);
if (args.part === "all" || args.part === "studio") benchStudio(args);
if (args.part === "all" || args.part === "improve") {
  const { rate, quality } = benchImprove(args.studioLines, args.studioSeed, args.seed, args.rateMs, args.times);
  summary.improveIterationsPerSecond = Number(fmt(rate.iterationsPerSecond, 1));
  summary.improveIterationsPerCpuSecond = Number(fmt(rate.iterationsPerCpuSecond, 1));
  summary.improveWindowMoves = rate.iterations - rate.decodes;
  summary.improveDecodes = rate.decodes;
  summary.decodeMs = Number(fmt(rate.decodeMs, 1));
  summary.decodeCpuMs = Number(fmt(rate.decodeCpuMs, 1));
  summary.quality = quality.map((q) => ({ timeLimitMs: q.timeLimitMs, objective: q.objective, setupHours: q.setupHours, iterations: q.iterations, decodes: q.decodes }));
}
summary.loadAverage = loadAverage();
console.log(JSON.stringify(summary));
