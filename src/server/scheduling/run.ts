import { SchedulingError } from "./errors";
import { looksLikeTaillard, parseTaillard, solveFlowShop, type FlowShopInstance } from "./flowshop";
import { solveStudio } from "./studio/solve";
import type { StudioProblem } from "./types";

export interface CliArgs {
  file?: string;
  timeLimitMs?: number;
  seed?: number;
  maxIterations?: number;
  /** 1-based instance of a multi-instance Taillard file (default: all). */
  instance?: number;
}

export const USAGE = "usage: npm run schedule -- <file> [--time-limit-ms N] [--seed N] [--max-iterations N] [--instance K]";

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = {};
  const numeric = (flag: string, value: string | undefined): number => {
    const n = Number(value);
    if (value === undefined || !Number.isFinite(n)) throw new Error(`${flag} needs a number`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.startsWith("--") && a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === "--time-limit-ms") args.timeLimitMs = numeric(flag, value());
    else if (flag === "--seed") args.seed = numeric(flag, value());
    else if (flag === "--max-iterations") args.maxIterations = numeric(flag, value());
    else if (flag === "--instance") args.instance = numeric(flag, value());
    else if (flag.startsWith("--")) throw new Error(`unknown option ${flag}\n${USAGE}`);
    else if (args.file === undefined) args.file = a;
    else throw new Error(`unexpected argument ${a}\n${USAGE}`);
  }
  return args;
}

function flowShopJson(inst: FlowShopInstance, args: CliArgs): Record<string, unknown> {
  const result = solveFlowShop(inst, { timeLimitMs: args.timeLimitMs, seed: args.seed, maxIterations: args.maxIterations });
  const out: Record<string, unknown> = { format: "taillard", jobs: inst.jobs, machines: inst.machines, makespan: result.makespan };
  if (inst.upperBound) {
    out.upperBound = inst.upperBound;
    out.gapPercent = Math.round((10000 * (result.makespan - inst.upperBound)) / inst.upperBound) / 100;
  }
  if (inst.lowerBound) out.lowerBound = inst.lowerBound;
  return { ...out, nehMakespan: result.nehMakespan, iterations: result.iterations, elapsedMs: Math.round(result.elapsedMs), sequence: result.sequence, schedule: result.schedule };
}

/** Solve the contents of a studio-JSON or Taillard file; returns the JSON object the CLI prints. */
export function runCli(text: string, args: CliArgs): unknown {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{")) {
    const problem = JSON.parse(trimmed) as StudioProblem;
    const options = { ...problem.options };
    if (args.timeLimitMs !== undefined) options.timeLimitMs = args.timeLimitMs;
    if (args.seed !== undefined) options.seed = args.seed;
    if (args.maxIterations !== undefined) options.maxIterations = args.maxIterations;
    return { format: "studio", ...solveStudio({ ...problem, options }) };
  }
  if (looksLikeTaillard(text)) {
    const instances = parseTaillard(text);
    if (args.instance !== undefined) {
      const inst = instances[args.instance - 1];
      if (!inst) throw new SchedulingError(`--instance ${args.instance}: the file has ${instances.length} instance(s)`);
      return flowShopJson(inst, args);
    }
    if (instances.length === 1) return flowShopJson(instances[0]!, args);
    return { format: "taillard", instances: instances.map((inst) => flowShopJson(inst, args)) };
  }
  throw new SchedulingError("unrecognised input: expected studio JSON (starting with '{') or a Taillard flow-shop file");
}
