import { TRPCError } from "@trpc/server";
import { appendMovement } from "~/features/catalog/server/materials";
import { addCompletedWorkToRollup } from "~/features/dashboard/server/rollups";
import { publishStudioEvent } from "~/server/realtime/events";
import { elapsedSeconds, explainRefusal, findWork, lockWork, recordAndAnnounce, type BenchCtx } from "./context";

/**
 * Materials rule: metal is cut at a line's first routing step (position 0), so completing a batch consumes,
 * for each of its items at step 0, the variant's BOM quantity x the pieces done + scrapped (scrapped metal
 * was used too), through the catalog's stock ledger in the same transaction. Later steps consume nothing.
 * BOM lines naming another studio's material (a design shared with us) are skipped: we cannot draw on
 * their inventory. Not enough stock answers BAD_REQUEST and the completion is not recorded.
 */
async function consumeMaterials(ctx: BenchCtx, batchId: string, stepName: string) {
  const studioId = ctx.studio.id;
  const items = await ctx.db.batchItemProgress.findMany({
    where: { studioId, batchId, stepPosition: 0 },
    select: { piecesDone: true, piecesScrapped: true, batchItem: { select: { orderLine: { select: { variantId: true } } } } },
  });
  const piecesByVariant = new Map<string, number>();
  for (const item of items) {
    const used = item.piecesDone + item.piecesScrapped;
    const variantId = item.batchItem.orderLine.variantId;
    if (used > 0) piecesByVariant.set(variantId, (piecesByVariant.get(variantId) ?? 0) + used);
  }
  if (piecesByVariant.size === 0) return [];
  const bomLines = await ctx.db.bomLine.findMany({
    where: { variantId: { in: [...piecesByVariant.keys()] } },
    select: { variantId: true, materialId: true, quantityMilli: true },
  });
  const ownMaterials = await ctx.db.material.findMany({
    where: { studioId, id: { in: bomLines.map((line) => line.materialId) } },
    select: { id: true, name: true, onHandMilli: true },
    orderBy: { id: "asc" },
  });
  const needed = new Map<string, number>();
  for (const line of bomLines) {
    if (!ownMaterials.some((material) => material.id === line.materialId)) continue;
    needed.set(line.materialId, (needed.get(line.materialId) ?? 0) + line.quantityMilli * piecesByVariant.get(line.variantId)!);
  }
  const consumed = [];
  for (const material of ownMaterials) {
    const quantityMilli = needed.get(material.id);
    if (!quantityMilli) continue;
    try {
      await appendMovement(ctx, { materialId: material.id, kind: "CONSUME", quantityMilli, note: `Bench: ${stepName} (batch ${batchId})` });
    } catch (error) {
      if (error instanceof TRPCError && error.code === "BAD_REQUEST") {
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: `Not enough ${material.name} on hand to complete this batch (needs ${quantityMilli / 1000}, has ${material.onHandMilli / 1000}). Record the stock first; nothing was completed.`,
        });
      }
      throw error;
    }
    consumed.push({ materialId: material.id, quantityMilli });
  }
  return consumed;
}

/** Completes the caller's batch: stops the timer, marks the batch DONE and consumes its materials. */
export async function completeBatch(ctx: BenchCtx, batchId: string, expectedVersion: number) {
  // Locked: a report in flight finishes first, so the totals and the materials below are final.
  const work = await lockWork(ctx, batchId);
  if (work.claimedById === ctx.user.id && work.status !== "DONE" && work.piecesDone + work.piecesScrapped === 0) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Report the pieces done (or scrapped) before completing the batch." });
  }
  const now = new Date();
  const { count } = await ctx.db.batchWork.updateMany({
    where: { id: work.id, studioId: ctx.studio.id, version: expectedVersion, claimedById: ctx.user.id, status: { in: ["CLAIMED", "RUNNING", "PAUSED"] } },
    data: {
      status: "DONE",
      completedAt: now,
      runningSince: null,
      accumulatedSeconds: { increment: work.status === "RUNNING" ? elapsedSeconds(work.runningSince, now) : 0 },
      version: { increment: 1 },
    },
  });
  if (count === 0) await explainRefusal(ctx, batchId, expectedVersion, ["claimed", "running", "paused"]);
  const batch = await ctx.db.batch.findFirstOrThrow({ where: { id: batchId, studioId: ctx.studio.id }, select: { stepName: true } });
  await ctx.db.batch.updateMany({ where: { id: batchId, studioId: ctx.studio.id }, data: { status: "DONE", version: { increment: 1 } } });
  await addCompletedWorkToRollup(ctx.db, ctx.studio, batchId);
  const consumed = await consumeMaterials(ctx, batchId, batch.stepName);
  await recordAndAnnounce(ctx, batchId, "COMPLETE", { piecesDone: work.piecesDone, piecesScrapped: work.piecesScrapped });
  if (consumed.length > 0) await publishStudioEvent(ctx.db, { studioId: ctx.studio.id, topic: "material.stock", data: { batchId } });
  return { work: await findWork(ctx, batchId), consumed };
}
