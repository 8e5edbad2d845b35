import { TRPCError } from "@trpc/server";
import { readyPerItem } from "./availability";
import { elapsedSeconds, explainRefusal, findWork, recordAndAnnounce } from "./batch-work";
import type { StudioContext } from "~/server/trpc/procedures";
import type { VersionedBatchInput } from "./schemas";

/** Pieces of the batch that can be worked on now (see availability.ts). */
export async function batchReadyPieces(ctx: StudioContext, batchId: string): Promise<number> {
  const items = await ctx.db.batchItemProgress.findMany({ where: { studioId: ctx.studio.id, batchId }, orderBy: { id: "asc" } });
  const ready = await readyPerItem(
    ctx,
    items.map((item) => ({ ...item, done: item.piecesDone, scrapped: item.piecesScrapped })),
  );
  return ready.reduce((sum, n) => sum + n, 0);
}

/** Starts (or resumes) the timer on the caller's claimed batch; at least one piece must be ready. */
export async function startBatch(ctx: StudioContext, input: VersionedBatchInput) {
  const { batchId, expectedVersion } = input;
  const work = await findWork(ctx, batchId);
  if (work.claimedById === ctx.user.id && work.status !== "RUNNING" && work.status !== "DONE" && (await batchReadyPieces(ctx, batchId)) === 0) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "No pieces are ready for this step yet: the step before has not finished any." });
  }
  const { count } = await ctx.db.batchWork.updateMany({
    where: { id: work.id, studioId: ctx.studio.id, version: expectedVersion, claimedById: ctx.user.id, status: { in: ["CLAIMED", "PAUSED"] } },
    data: { status: "RUNNING", runningSince: new Date(), version: { increment: 1 } },
  });
  if (count === 0) await explainRefusal(ctx, batchId, expectedVersion, ["claimed", "paused"]);
  await recordAndAnnounce(ctx, batchId, "START");
  return findWork(ctx, batchId);
}

/** Pauses the running timer; the time so far is kept in accumulatedSeconds. */
export async function pauseBatch(ctx: StudioContext, input: VersionedBatchInput) {
  const { batchId, expectedVersion } = input;
  const work = await findWork(ctx, batchId);
  // The version guard makes sure runningSince is the one read here.
  const { count } = await ctx.db.batchWork.updateMany({
    where: { id: work.id, studioId: ctx.studio.id, version: expectedVersion, claimedById: ctx.user.id, status: "RUNNING" },
    data: {
      status: "PAUSED",
      runningSince: null,
      accumulatedSeconds: { increment: elapsedSeconds(work.runningSince, new Date()) },
      version: { increment: 1 },
    },
  });
  if (count === 0) await explainRefusal(ctx, batchId, expectedVersion, ["running"]);
  await recordAndAnnounce(ctx, batchId, "PAUSE");
  return findWork(ctx, batchId);
}
