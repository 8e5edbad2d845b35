import { describe, expect, it } from "vitest";
import { formatTaillard, looksLikeTaillard, parseTaillard, taillardInstance } from "~/server/scheduling/flowshop";
import { parseArgs, runCli } from "~/server/scheduling/run";

// As published in Taillard's tai20_5.txt (first instance).
const TA001 = ` number of jobs, number of machines, initial seed, upper bound and lower bound :
          20           5   873654221        1278        1232
 processing times :
 54 83 15 71 77 36 53 38 27 87 76 91 14 29 12 77 32 87 68 94
 79  3 11 99 56 70 99 60  5 56  3 61 73 75 47 14 21 86  5 77
 16 89 49 15 89 45 60 23 57 64  7  1 63 41 63 47 26 75 77 40
 66 58 31 68 78 91 13 59 49 85 85  9 39 41 56 40 54 77 51 31
 58 56 20 85 53 35 53 41 69 13 86 72  8 49 47 87 58 18 68 28
`;

const TINY = `number of jobs, number of machines, initial seed, upper bound and lower bound :
3 2 0 0 0
processing times :
3 2 4
1 5 2
`;

describe("Taillard text format", () => {
  it("parses the published file and matches the generator", () => {
    expect(looksLikeTaillard(TA001)).toBe(true);
    const [inst] = parseTaillard(TA001);
    expect(inst).toMatchObject({ jobs: 20, machines: 5, seed: 873654221, upperBound: 1278, lowerBound: 1232 });
    expect(Array.from(inst!.p)).toEqual(Array.from(taillardInstance(1).p));
  });

  it("parses several instances and round-trips formatTaillard", () => {
    const two = parseTaillard(TA001 + "\n" + formatTaillard(taillardInstance(2)));
    expect(two).toHaveLength(2);
    expect(Array.from(two[1]!.p)).toEqual(Array.from(taillardInstance(2).p));
    expect(two[1]!.upperBound).toBe(1359);
  });

  it("rejects truncated matrices", () => {
    expect(() => parseTaillard(TINY.replace("1 5 2", "1 5"))).toThrow(/expected 6 processing times/);
    expect(() => parseTaillard("hello")).toThrow(/header/);
  });
});

describe("CLI", () => {
  it("solves a Taillard file and prints makespan, sequence and per-operation times", () => {
    const out = runCli(TINY, { maxIterations: 50, seed: 1 }) as {
      makespan: number;
      sequence: number[];
      schedule: Array<{ job: number; machine: number; start: number; end: number }>;
    };
    // Johnson's rule optimum for this 2-machine instance is 10.
    expect(out.makespan).toBe(10);
    expect([...out.sequence].sort()).toEqual([0, 1, 2]);
    expect(out.schedule).toHaveLength(6);
    expect(Math.max(...out.schedule.map((o) => o.end))).toBe(10);
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  });

  it("reports multi-instance files per instance, or one with --instance", () => {
    const text = TINY + TINY;
    expect((runCli(text, { maxIterations: 5 }) as { instances: unknown[] }).instances).toHaveLength(2);
    expect(runCli(text, { maxIterations: 5, instance: 2 })).toMatchObject({ makespan: 10 });
  });

  it("detects studio JSON by content", () => {
    const problem = {
      stations: [{ id: "s" }],
      people: [{ id: "p", calendar: [[0, 600]] }],
      designs: [{ id: "d", routing: [{ stepId: "x", stationId: "s", setupMinutes: 5, minutesPerPiece: 1 }] }],
      orderLines: [{ id: "l", orderId: "o", designId: "d", quantity: 2, dueMinute: 100 }],
    };
    const out = runCli(JSON.stringify(problem), { maxIterations: 3 }) as { format: string; batches: unknown[] };
    expect(out.format).toBe("studio");
    expect(out.batches).toHaveLength(1);
    expect(() => runCli("1 2 3", {})).toThrow(/unrecognised input/);
  });

  it("parses flags", () => {
    expect(parseArgs(["f.txt", "--time-limit-ms", "250", "--seed=4"])).toEqual({ file: "f.txt", timeLimitMs: 250, seed: 4 });
    expect(() => parseArgs(["--bogus"])).toThrow(/unknown option/);
  });
});
