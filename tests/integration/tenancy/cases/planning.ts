import { runNextPlanJob } from "~/features/planning/server/plan-job";
import { systemDb } from "~/server/db";
import { callerFor } from "../../../helpers/caller";
import type { Cast, IsolationCase } from "../cases";
import { orderFixture } from "./orders";

// Studio A gets an order, a finished planner run and a plan with batches, once per cast.
async function makePlanFixture(cast: Cast) {
  await orderFixture(cast);
  const studioId = cast.a.studio.id;
  const caller = callerFor(cast.a.owner);
  const run = await caller.planning.requestPlan({ studioId });
  await runNextPlanJob({ timeLimitMs: 0, studioId });
  const batches = await systemDb().batch.findMany({ where: { studioId }, orderBy: { startAt: "asc" } });
  const [first, second] = batches;
  if (!first || !second) throw new Error("plan fixture needs two batches");
  return { run, first, second };
}
const fixtures = new WeakMap<Cast, ReturnType<typeof makePlanFixture>>();
const fixture = (cast: Cast) => {
  if (!fixtures.has(cast)) fixtures.set(cast, makePlanFixture(cast));
  return fixtures.get(cast)!;
};

const planState = (studioId: string) => async () => ({
  runs: await systemDb().planRun.findMany({ where: { studioId }, orderBy: { id: "asc" } }),
  batches: await systemDb().batch.findMany({ where: { studioId }, orderBy: { id: "asc" }, include: { items: { orderBy: { id: "asc" } } } }),
});
const range = { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 30 * 86_400_000) };

function planCase(recordInput: boolean, build: (f: Awaited<ReturnType<typeof makePlanFixture>>) => Record<string, unknown>, call: IsolationCase["call"]): IsolationCase {
  return {
    arrange: async (cast) => {
      const f = await fixture(cast);
      return { input: { studioId: cast.a.studio.id, ...build(f) }, recordInput, snapshot: planState(cast.a.studio.id) };
    },
    call,
  };
}

export const planningCases: Record<string, IsolationCase> = {
  "planning.requestPlan": planCase(false, () => ({}), (c, i) => c.planning.requestPlan(i)),
  "planning.getRun": planCase(true, (f) => ({ runId: f.run.id }), (c, i) => c.planning.getRun(i)),
  "planning.latestRuns": planCase(false, () => ({}), (c, i) => c.planning.latestRuns(i)),
  "planning.cancelRun": planCase(true, (f) => ({ runId: f.run.id }), (c, i) => c.planning.cancelRun(i)),
  "planning.currentPlan": planCase(false, () => range, (c, i) => c.planning.currentPlan(i)),
  "planning.boardStart": planCase(false, () => ({}), (c, i) => c.planning.boardStart(i)),
  "planning.summary": planCase(false, () => ({}), (c, i) => c.planning.summary(i)),
  "planning.moveBatch": planCase(true, (f) => ({ batchId: f.first.id, expectedVersion: f.first.version, startAt: f.first.startAt }), (c, i) => c.planning.moveBatch(i)),
  "planning.setBatchLocked": planCase(true, (f) => ({ batchId: f.first.id, expectedVersion: f.first.version, locked: true }), (c, i) => c.planning.setBatchLocked(i)),
  "planning.splitBatch": planCase(true, (f) => ({ batchId: f.first.id, expectedVersion: f.first.version, pieces: 1 }), (c, i) => c.planning.splitBatch(i)),
  "planning.mergeBatches": planCase(
    true,
    (f) => ({ batchId: f.first.id, expectedVersion: f.first.version, otherBatchId: f.second.id, otherExpectedVersion: f.second.version }),
    (c, i) => c.planning.mergeBatches(i),
  ),
  "planning.resizeBatch": planCase(true, (f) => ({ batchId: f.first.id, expectedVersion: f.first.version, minutes: 60 }), (c, i) => c.planning.resizeBatch(i)),
  "planning.unpinAll": planCase(false, () => ({}), (c, i) => c.planning.unpinAll(i)),
  "planning.cutList": planCase(true, (f) => ({ batchId: f.first.id }), (c, i) => c.planning.cutList(i)),
  "planning.batchSheet": planCase(true, (f) => ({ batchId: f.first.id }), (c, i) => c.planning.batchSheet(i)),
};
