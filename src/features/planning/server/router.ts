import { router } from "~/server/trpc/init";
import { permittedProcedure } from "~/server/trpc/procedures";
import * as s from "./schemas";
import { mergeBatches, moveBatch, resizeBatch, setBatchLocked, splitBatch, unpinAll } from "./batch-edit";
import { batchSheet } from "./batch-sheet";
import { boardStart, currentPlan, planSummary } from "./board";
import { cutList } from "./cut-list";
import { cancelRun, getRun, latestRuns, requestPlan } from "./runs";

// Reading the plan is orders:read (assistants work from the board and the sheets); running the planner and
// editing batches is planning:run (admin+).
const read = permittedProcedure("orders:read");
const plan = permittedProcedure("planning:run");

export const planningRouter = router({
  requestPlan: plan.mutation(({ ctx }) => requestPlan(ctx)),
  getRun: read.input(s.runIdInput).query(({ ctx, input }) => getRun(ctx, input)),
  latestRuns: read.query(({ ctx }) => latestRuns(ctx)),
  cancelRun: plan.input(s.runIdInput).mutation(({ ctx, input }) => cancelRun(ctx, input)),
  currentPlan: read.input(s.boardInput).query(({ ctx, input }) => currentPlan(ctx, input)),
  summary: read.query(({ ctx }) => planSummary(ctx)),
  boardStart: read.query(({ ctx }) => boardStart(ctx)),
  moveBatch: plan.input(s.moveBatchInput).mutation(({ ctx, input }) => moveBatch(ctx, input)),
  setBatchLocked: plan.input(s.lockBatchInput).mutation(({ ctx, input }) => setBatchLocked(ctx, input)),
  splitBatch: plan.input(s.splitBatchInput).mutation(({ ctx, input }) => splitBatch(ctx, input)),
  mergeBatches: plan.input(s.mergeBatchesInput).mutation(({ ctx, input }) => mergeBatches(ctx, input)),
  resizeBatch: plan.input(s.resizeBatchInput).mutation(({ ctx, input }) => resizeBatch(ctx, input)),
  unpinAll: plan.mutation(({ ctx }) => unpinAll(ctx)),
  cutList: read.input(s.cutListInput).query(({ ctx, input }) => cutList(ctx, input)),
  batchSheet: read.input(s.batchIdInput).query(({ ctx, input }) => batchSheet(ctx, input)),
});
