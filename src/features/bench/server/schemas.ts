import { z } from "zod";
import { expectedVersionSchema, idSchema } from "~/lib/inputs";

// Inputs of the bench procedures (the studioId comes from studioProcedure). Shared with the UI.

export const SCRAP_REASONS = ["Porosity", "Solder failed", "Cracked", "Wrong size", "Scratched", "Lost", "Other"] as const;

export const batchIdInput = z.object({ batchId: idSchema });
export const versionedBatchInput = z.object({ batchId: idSchema, expectedVersion: expectedVersionSchema });

export const reportInput = z
  .object({
    batchId: idSchema,
    piecesDone: z.number().int().min(0).max(10_000),
    piecesScrapped: z.number().int().min(0).max(10_000),
    scrapReason: z.string().trim().max(200).optional(),
  })
  .superRefine((report, ctx) => {
    if (report.piecesDone + report.piecesScrapped === 0) {
      ctx.addIssue({ code: "custom", path: ["piecesDone"], message: "Report at least one piece" });
    }
    if (report.piecesScrapped > 0 && !report.scrapReason) {
      ctx.addIssue({ code: "custom", path: ["scrapReason"], message: "Say why pieces were scrapped" });
    }
  });

export type ReportInput = z.infer<typeof reportInput>;

// Services take (ctx, input) with these types.
export type BatchIdInput = z.infer<typeof batchIdInput>;
export type VersionedBatchInput = z.infer<typeof versionedBatchInput>;
