import { TRPCError } from "@trpc/server";
import { router } from "~/server/trpc/init";
import { permittedProcedure } from "~/server/trpc/procedures";
import { batchIdInput, reportInput, versionedBatchInput } from "./schemas";
import { claimBatch, releaseBatch } from "./claim";
import { completeBatch } from "./complete";
import { benchMine } from "./mine";
import { benchBatch, benchQueue } from "./queue";
import { reportPieces } from "./report";
import { pauseBatch, startBatch } from "./timer";

// Everything on the bench is "bench:work" (assistant and up). Only the claimer starts, pauses and completes;
// anyone on the bench may report pieces on a claimed batch (shared batches); admins may release others' claims.
const bench = permittedProcedure("bench:work").use(async ({ next }) => {
  const result = await next();
  if (!result.ok && isLockTimeout(result.error)) {
    // The app role waits at most lock_timeout (3 s) for a busy batch row; the request rolled back whole.
    throw new TRPCError({
      code: "TOO_MANY_REQUESTS",
      message: "Several people are updating this batch right now. Nothing was recorded; please try again.",
      cause: result.error,
    });
  }
  return result;
});

function isLockTimeout(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const { code, originalCode, cause } = error as { code?: unknown; originalCode?: unknown; cause?: unknown };
  return code === "55P03" || originalCode === "55P03" || isLockTimeout(cause, depth + 1);
}

export const benchRouter = router({
  queue: bench.query(({ ctx }) => benchQueue(ctx)),
  // "Your bench" on the studio home: my pieces, scrap, completed batches and timer today and this week.
  mine: bench.query(({ ctx }) => benchMine(ctx)),
  batch: bench.input(batchIdInput).query(({ ctx, input }) => benchBatch(ctx, input)),
  claim: bench.input(batchIdInput).mutation(({ ctx, input }) => claimBatch(ctx, input)),
  release: bench.input(versionedBatchInput).mutation(({ ctx, input }) => releaseBatch(ctx, input)),
  start: bench.input(versionedBatchInput).mutation(({ ctx, input }) => startBatch(ctx, input)),
  pause: bench.input(versionedBatchInput).mutation(({ ctx, input }) => pauseBatch(ctx, input)),
  report: bench.input(reportInput).mutation(({ ctx, input }) => reportPieces(ctx, input)),
  complete: bench.input(versionedBatchInput).mutation(({ ctx, input }) => completeBatch(ctx, input)),
});
