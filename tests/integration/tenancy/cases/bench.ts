import { systemDb } from "~/server/db";
import { callerFor } from "../../../helpers/caller";
import { benchWorldFor } from "../../bench/fixtures";
import type { Cast, IsolationCase } from "../cases";

// One claimed batch in studio A per cast, reused by every case: denied calls never change it.
const fixtures = new WeakMap<Cast, ReturnType<typeof benchWorldFor>>();
const fixture = (cast: Cast) => {
  if (!fixtures.has(cast)) fixtures.set(cast, benchWorldFor(cast.a.studio.id, cast.a.owner, cast.a.assistant));
  return fixtures.get(cast)!;
};

const benchState = (studioId: string) => async () => ({
  batches: await systemDb().batch.findMany({ where: { studioId }, orderBy: { id: "asc" } }),
  work: await systemDb().batchWork.findMany({ where: { studioId }, orderBy: { id: "asc" } }),
  progress: await systemDb().batchItemProgress.findMany({ where: { studioId }, orderBy: { id: "asc" } }),
  events: await systemDb().benchEvent.count({ where: { studioId } }),
  stock: await systemDb().stockMovement.count({ where: { studioId } }),
});

function benchCase(recordInput: boolean, build: (batchId: string) => Record<string, unknown>, call: IsolationCase["call"]): IsolationCase {
  return {
    arrange: async (cast) => {
      const { claimed, open } = await fixture(cast);
      return { input: { studioId: cast.a.studio.id, ...build(recordInput ? claimed : open) }, recordInput, snapshot: benchState(cast.a.studio.id) };
    },
    call,
  };
}

/** Fresh batches in A (one claimed by A's assistant, one open) for a call that must succeed; the shared fixture stays. */
async function freshClaimed(cast: Cast, then: (batchId: string, assistant: ReturnType<typeof callerFor>, studioId: string) => Promise<Record<string, unknown>>) {
  const studioId = cast.a.studio.id;
  const { claimed } = await benchWorldFor(studioId, cast.a.owner, cast.a.assistant);
  return { studioId, ...(await then(claimed, callerFor(cast.a.assistant), studioId)) };
}

export const benchCases: Record<string, IsolationCase> = {
  "bench.queue": benchCase(false, () => ({}), (c, i) => c.bench.queue(i)),
  "bench.mine": benchCase(false, () => ({}), (c, i) => c.bench.mine(i)),
  "bench.batch": benchCase(true, (batchId) => ({ batchId }), (c, i) => c.bench.batch(i)),
  "bench.claim": {
    arrange: async (cast) => {
      const { open } = await fixture(cast);
      return { input: { studioId: cast.a.studio.id, batchId: open }, recordInput: true, snapshot: benchState(cast.a.studio.id) };
    },
    succeed: async (cast) => {
      const { open } = await benchWorldFor(cast.a.studio.id, cast.a.owner, cast.a.assistant);
      return { studioId: cast.a.studio.id, batchId: open };
    },
    call: (c, i) => c.bench.claim(i),
  },
  "bench.release": {
    ...benchCase(true, (batchId) => ({ batchId, expectedVersion: 1 }), (c, i) => c.bench.release(i)),
    succeed: (cast) => freshClaimed(cast, async (batchId) => ({ batchId, expectedVersion: 1 })),
  },
  "bench.start": {
    ...benchCase(true, (batchId) => ({ batchId, expectedVersion: 1 }), (c, i) => c.bench.start(i)),
    succeed: (cast) => freshClaimed(cast, async (batchId) => ({ batchId, expectedVersion: 1 })),
  },
  "bench.pause": {
    ...benchCase(true, (batchId) => ({ batchId, expectedVersion: 1 }), (c, i) => c.bench.pause(i)),
    succeed: (cast) =>
      freshClaimed(cast, async (batchId, me, studioId) => ({ batchId, expectedVersion: (await me.bench.start({ studioId, batchId, expectedVersion: 1 })).version })),
  },
  "bench.report": {
    ...benchCase(true, (batchId) => ({ batchId, piecesDone: 1, piecesScrapped: 0 }), (c, i) => c.bench.report(i)),
    succeed: (cast) => freshClaimed(cast, async (batchId) => ({ batchId, piecesDone: 1, piecesScrapped: 0 })),
  },
  "bench.complete": {
    ...benchCase(true, (batchId) => ({ batchId, expectedVersion: 1 }), (c, i) => c.bench.complete(i)),
    succeed: (cast) =>
      freshClaimed(cast, async (batchId, me, studioId) => {
        await me.bench.report({ studioId, batchId, piecesDone: 3, piecesScrapped: 0 });
        return { batchId, expectedVersion: 1 };
      }),
  },
};
