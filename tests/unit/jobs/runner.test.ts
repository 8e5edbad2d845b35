import { describe, expect, it } from "vitest";
import { drainJobs, type JobHandler } from "~/server/jobs/runner";

/** A handler with `count` jobs queued; records the order jobs ran in. */
function queue(name: string, count: number, ran: string[]): JobHandler {
  let left = count;
  return {
    name,
    runNext: async () => {
      if (left === 0) return null;
      left--;
      ran.push(name);
      return { name };
    },
  };
}

describe("job runner", () => {
  it("runs every registered handler's jobs in turn until none has any left", async () => {
    const ran: string[] = [];
    await drainJobs([queue("a", 3, ran), queue("b", 1, ran)]);
    expect(ran).toEqual(["a", "b", "a", "a"]);
  });

  it("stops before the next job once keepGoing says so", async () => {
    const ran: string[] = [];
    let budget = 2;
    await drainJobs([queue("a", 5, ran)], () => budget-- > 0);
    expect(ran).toEqual(["a", "a"]);
  });
});
