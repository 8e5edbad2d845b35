import { TRPCError } from "@trpc/server";
import { appendMovement } from "~/features/materials/server/stock-ledger";
import { addCompletedWorkToRollup } from "~/features/dashboard/server/rollups";
import { publishStudioEvent } from "~/server/realtime/events";
import { elapsedSeconds, explainRefusal, findWork, lockWork, recordAndAnnounce } from "./batch-work";
import type { StudioContext } from "~/server/trpc/procedures";
import type { VersionedBatchInput } from "./schemas";

/**
 * Materials rule: each BOM line belongs to the routing step that uses it (metal is cut at the first step,
 * findings go on where they are attached). Completing a batch consumes, for each of its items, the BOM lines
 * of that item's step × the pieces that went through the step (done + scrapped there: scrapped metal was
 * used too), through the catalog's stock ledger in the same transaction. Pieces scrapped at an earlier step
 * never reach a later one, so they use none of its materials. BOM lines naming another studio's material (a
 * design shared with us) are skipped: we cannot draw on their inventory. Not enough stock answers
 * BAD_REQUEST and the completion is not recorded.
 */
async function consumeMaterials(ctx: StudioContext, batchId: string, stepName: string) {
  const studioId = ctx.studio.id;
  const items = await ctx.db.batchItemProgress.findMany({
    where: { studioId, batchId },
    select: { stepPosition: true, piecesDone: true, piecesScrapped: true, batchItem: { select: { orderLine: { select: { variantId: true, order: { select: { number: true } } } } } } },
  });
  const used = items.filter((item) => item.piecesDone + item.piecesScrapped > 0);
  if (used.length === 0) return [];
  const bomLines = await ctx.db.bomLine.findMany({
    where: { variantId: { in: [...new Set(used.map((item) => item.batchItem.orderLine.variantId))] } },
    select: { variantId: true, materialId: true, quantityMilli: true, stepPosition: true },
  });
  const ownMaterials = await ctx.db.material.findMany({
    where: { studioId, id: { in: bomLines.map((line) => line.materialId) } },
    select: { id: true, name: true, onHandMilli: true },
    orderBy: { id: "asc" },
  });
  const needed = new Map<string, number>();
  for (const item of used) {
    for (const line of bomLines) {
      if (line.variantId !== item.batchItem.orderLine.variantId || (line.stepPosition ?? 0) !== item.stepPosition) continue;
      if (!ownMaterials.some((material) => material.id === line.materialId)) continue;
      needed.set(line.materialId, (needed.get(line.materialId) ?? 0) + line.quantityMilli * (item.piecesDone + item.piecesScrapped));
    }
  }
  const pieces = used.reduce((sum, item) => sum + item.piecesDone + item.piecesScrapped, 0);
  const orders = [...new Set(used.map((item) => `#${item.batchItem.orderLine.order.number}`))].join(", ");
  const note = `${stepName}: ${pieces} ${pieces === 1 ? "piece" : "pieces"} for order${used.length > 1 && orders.includes(",") ? "s" : ""} ${orders}, completed by ${ctx.user.name}`;
  const consumed = [];
  for (const material of ownMaterials) {
    const quantityMilli = needed.get(material.id);
    if (!quantityMilli) continue;
    try {
      await appendMovement(ctx, { materialId: material.id, kind: "CONSUME", quantityMilli, note });
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
export async function completeBatch(ctx: StudioContext, input: VersionedBatchInput) {
  const { batchId, expectedVersion } = input;
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
