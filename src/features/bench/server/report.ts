import { TRPCError } from "@trpc/server";
import type { BatchWork } from "~/generated/prisma/client";
import type { ReportInput } from "./schemas";
import { addReportToRollup } from "~/features/dashboard/server/rollups";
import { finishDoneLines, markInProduction } from "~/features/orders/server/status";
import { lockLineSteps, readyPerItem } from "./availability";
import { lockWork, recordAndAnnounce } from "./batch-work";
import { recordRemakes } from "./remakes";
import type { StudioContext } from "~/server/trpc/procedures";

const badRequest = (message: string) => new TRPCError({ code: "BAD_REQUEST", message });

/** What a report answers: the batch's tallies after it. */
export type ReportResult = Pick<BatchWork, "batchId" | "status" | "version" | "pieces" | "piecesDone" | "piecesScrapped">;

/**
 * Records pieces done and scrapped as increments, allocated across the batch's items earliest due first.
 * Reports on one batch queue on the work row's lock; reports drawing on the same line's ready pieces from
 * different batches queue on an advisory lock. The totals are then written with conditional atomic
 * UPDATEs (done + scrapped + n <= pieces), so nothing can exceed the batch size even without the locks.
 * Anything that does not fit answers BAD_REQUEST and nothing is written.
 */
export async function reportPieces(ctx: StudioContext, input: ReportInput): Promise<ReportResult> {
  const studioId = ctx.studio.id;
  const work = await lockWork(ctx, input.batchId);
  if (!work.claimedById || work.status === "OPEN") throw badRequest("Claim this batch before reporting pieces.");
  if (work.status === "DONE") throw badRequest("This batch is already complete.");
  const asked = input.piecesDone + input.piecesScrapped;
  const left = work.pieces - work.piecesDone - work.piecesScrapped;
  if (asked > left) {
    throw badRequest(`Only ${left} of ${work.pieces} pieces are left in this batch; you reported ${asked}. Nothing was recorded.`);
  }

  const rows = await ctx.db.batchItemProgress.findMany({
    where: { studioId, batchId: input.batchId },
    select: {
      id: true, orderLineId: true, stepPosition: true, pieces: true, piecesDone: true, piecesScrapped: true,
      batchItem: { select: { remakeId: true, routingStepId: true, orderLine: { select: { dueDate: true } } } },
    },
  });
  rows.sort((a, b) => a.batchItem.orderLine.dueDate.getTime() - b.batchItem.orderLine.dueDate.getTime() || a.id.localeCompare(b.id));
  await lockLineSteps(ctx, rows);
  const ready = await readyPerItem(ctx, rows.map((row) => ({ ...row, done: row.piecesDone, scrapped: row.piecesScrapped })));
  const readyTotal = ready.reduce((sum, n) => sum + n, 0);
  if (asked > readyTotal) {
    throw badRequest(`Only ${readyTotal} pieces are ready for this step; you reported ${asked}. Nothing was recorded.`);
  }

  // Done pieces first, earliest due first; then scrapped pieces in the capacity that is left.
  let wantDone = input.piecesDone;
  let wantScrapped = input.piecesScrapped;
  const allocations = rows.map((row, index) => {
    let capacity = ready[index]!;
    const done = Math.min(wantDone, capacity);
    capacity -= done;
    wantDone -= done;
    const scrapped = Math.min(wantScrapped, capacity);
    wantScrapped -= scrapped;
    return { id: row.id, done, scrapped, row };
  });

  for (const { id, done, scrapped } of allocations) {
    if (done + scrapped === 0) continue;
    const updated = await ctx.db.$executeRaw`
      UPDATE "BatchItemProgress"
         SET "piecesDone" = "piecesDone" + ${done}, "piecesScrapped" = "piecesScrapped" + ${scrapped}
       WHERE "id" = ${id} AND "studioId" = ${studioId}
         AND "piecesDone" + "piecesScrapped" + ${done + scrapped} <= "pieces"`;
    if (updated !== 1) throw badRequest("That report no longer fits this batch. Nothing was recorded.");
  }
  const [updated] = await ctx.db.$queryRaw<ReportResult[]>`
    UPDATE "BatchWork"
       SET "piecesDone" = "piecesDone" + ${input.piecesDone}, "piecesScrapped" = "piecesScrapped" + ${input.piecesScrapped},
           "updatedAt" = now()
     WHERE "id" = ${work.id} AND "studioId" = ${studioId}
       AND "piecesDone" + "piecesScrapped" + ${asked} <= "pieces"
    RETURNING "batchId", "status", "version", "pieces", "piecesDone", "piecesScrapped"`;
  if (!updated) throw badRequest(`More pieces than the batch holds (${work.pieces}). Nothing was recorded.`);

  const event = await recordAndAnnounce(ctx, input.batchId, "REPORT", {
    piecesDone: input.piecesDone,
    piecesScrapped: input.piecesScrapped,
    scrapReason: input.piecesScrapped > 0 ? input.scrapReason : null,
  });
  await addReportToRollup(ctx.db, ctx.studio, input.batchId, event.createdAt, input.piecesDone, input.piecesScrapped);
  if (input.piecesScrapped > 0) {
    const scraps = allocations.map(({ row, scrapped }) => ({
      orderLineId: row.orderLineId, remakeId: row.batchItem.remakeId, stepPosition: row.stepPosition, routingStepId: row.batchItem.routingStepId, pieces: scrapped,
    }));
    await recordRemakes(ctx, input.batchId, event.id, input.scrapReason ?? "Scrapped", scraps);
  }
  const lineIds = [...new Set(rows.map((row) => row.orderLineId))];
  await markInProduction(ctx, { lineIds });
  if (input.piecesDone > 0) await finishDoneLines(ctx, { lineIds });
  return updated;
}
