import { z } from "zod";

import { expectedVersionSchema as version, idSchema as id } from "~/lib/inputs";

export const runIdInput = z.object({ runId: id });
export const boardInput = z.object({ from: z.coerce.date(), to: z.coerce.date() });
export const batchIdInput = z.object({ batchId: id });
export const moveBatchInput = z.object({ batchId: id, expectedVersion: version, startAt: z.coerce.date(), personId: id.optional() });
export const lockBatchInput = z.object({ batchId: id, expectedVersion: version, locked: z.boolean() });
export const splitBatchInput = z.object({ batchId: id, expectedVersion: version, pieces: z.number().int().min(1) });
export const mergeBatchesInput = z.object({
  batchId: id,
  expectedVersion: version,
  otherBatchId: id,
  otherExpectedVersion: version,
});
export const resizeBatchInput = z.object({ batchId: id, expectedVersion: version, minutes: z.number().int().min(1).max(7 * 24 * 60) });
export const cutListInput = z.object({ from: z.coerce.date().optional(), to: z.coerce.date().optional(), batchId: id.optional() });

// Services take (ctx, input) with these types.
export type RunIdInput = z.infer<typeof runIdInput>;
export type BoardInput = z.infer<typeof boardInput>;
export type BatchIdInput = z.infer<typeof batchIdInput>;
export type MoveBatchInput = z.infer<typeof moveBatchInput>;
export type LockBatchInput = z.infer<typeof lockBatchInput>;
export type SplitBatchInput = z.infer<typeof splitBatchInput>;
export type MergeBatchesInput = z.infer<typeof mergeBatchesInput>;
export type ResizeBatchInput = z.infer<typeof resizeBatchInput>;
export type CutListInput = z.infer<typeof cutListInput>;
