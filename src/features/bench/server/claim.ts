import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { markInProduction } from "~/features/orders/server/status";
import { can } from "~/server/authz/permissions";
import { elapsedSeconds, explainRefusal, findWork, memberName, recordAndAnnounce } from "./batch-work";
import { notFound } from "~/server/errors";
import type { StudioContext } from "~/server/trpc/procedures";
import type { BatchIdInput, VersionedBatchInput } from "./schemas";

/**
 * Claims a batch for the caller. The work row is created on first claim; an atomic upsert whose update
 * only applies while `claimedById IS NULL` lets exactly one claimer through, and every other one gets
 * CONFLICT with the winner's name. The batch becomes STARTED, so a re-plan keeps it.
 */
export async function claimBatch(ctx: StudioContext, input: BatchIdInput) {
  const { batchId } = input;
  const studioId = ctx.studio.id;
  const batch = await ctx.db.batch.findFirst({
    where: { id: batchId, studioId },
    select: { id: true, pieces: true, status: true, items: { select: { id: true, orderLineId: true, stepPosition: true, pieces: true } } },
  });
  if (!batch) throw notFound("Batch");
  if (batch.status === "DONE") throw new TRPCError({ code: "BAD_REQUEST", message: "This batch is already done." });
  // One statement: create the work row already claimed, or claim the existing one if nobody holds it.
  // Racing claimers queue on the row; the first takes it and the WHERE turns every later one away.
  const claimed = await ctx.db.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "BatchWork" ("id", "studioId", "batchId", "pieces", "status", "claimedById", "claimedAt", "version", "updatedAt")
    VALUES (${randomUUID()}, ${studioId}, ${batchId}, ${batch.pieces}, 'CLAIMED', ${ctx.user.id}, now(), 1, now())
    ON CONFLICT ("studioId", "batchId") DO UPDATE
       SET "claimedById" = EXCLUDED."claimedById", "claimedAt" = now(), "status" = 'CLAIMED',
           "version" = "BatchWork"."version" + 1, "updatedAt" = now()
     WHERE "BatchWork"."claimedById" IS NULL AND "BatchWork"."status" = 'OPEN'
    RETURNING "id"`;
  if (claimed.length === 0) {
    const work = await findWork(ctx, batchId);
    if (work.status === "DONE") throw new TRPCError({ code: "BAD_REQUEST", message: "This batch is already done." });
    const who = await memberName(ctx, work.claimedById);
    throw new TRPCError({ code: "CONFLICT", message: who === "you" ? "You already claimed this batch." : `Already claimed by ${who}.` });
  }
  await ctx.db.batchItemProgress.createMany({
    data: batch.items.map((item) => ({
      studioId,
      batchId,
      batchItemId: item.id,
      orderLineId: item.orderLineId,
      stepPosition: item.stepPosition,
      pieces: item.pieces,
    })),
    skipDuplicates: true,
  });
  await ctx.db.batch.updateMany({ where: { id: batchId, studioId, status: "PLANNED" }, data: { status: "STARTED", version: { increment: 1 } } });
  await recordAndAnnounce(ctx, batchId, "CLAIM");
  await markInProduction(ctx, { lineIds: [...new Set(batch.items.map((item) => item.orderLineId))] });
  return findWork(ctx, batchId);
}

/** Gives a claimed batch back (the claimer, or an admin for someone who left): the timer stops, progress stays. */
export async function releaseBatch(ctx: StudioContext, input: VersionedBatchInput) {
  const { batchId, expectedVersion } = input;
  const work = await findWork(ctx, batchId);
  if (work.claimedById && work.claimedById !== ctx.user.id && !can(ctx.role, "planning:run")) {
    throw new TRPCError({ code: "CONFLICT", message: `This batch is claimed by ${await memberName(ctx, work.claimedById)}.` });
  }
  const now = new Date();
  const { count } = await ctx.db.batchWork.updateMany({
    where: { id: work.id, studioId: ctx.studio.id, version: expectedVersion, claimedById: { not: null }, status: { in: ["CLAIMED", "RUNNING", "PAUSED"] } },
    data: {
      claimedById: null,
      claimedAt: null,
      status: "OPEN",
      runningSince: null,
      accumulatedSeconds: { increment: work.status === "RUNNING" ? elapsedSeconds(work.runningSince, now) : 0 },
      version: { increment: 1 },
    },
  });
  if (count === 0) {
    if (work.version === expectedVersion && !work.claimedById) throw new TRPCError({ code: "BAD_REQUEST", message: "Nobody has claimed this batch." });
    await explainRefusal(ctx, batchId, expectedVersion, ["claimed", "running", "paused"]);
  }
  await recordAndAnnounce(ctx, batchId, "RELEASE");
  return findWork(ctx, batchId);
}
