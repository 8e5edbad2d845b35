import { z } from "zod";
import { router } from "~/server/trpc/init";
import { permittedProcedure } from "~/server/trpc/procedures";
import { CSV_MAX_BYTES } from "../csv";
import { exportDesigns, importDesigns, previewDesigns } from "./csv-designs";
import { exportMaterials, importMaterials, previewMaterials } from "./csv-materials";

// CSV import/export of materials and designs (docs/catalog-csv.md). Previews write nothing but are the
// first half of an import: same permission (catalog:edit). Exports are reads (catalog:read).
const read = permittedProcedure("catalog:read");
const edit = permittedProcedure("catalog:edit");

const csvInput = z.object({
  csv: z
    .string()
    .min(1, { message: "Choose a CSV file" })
    .max(CSV_MAX_BYTES, { message: `The file is larger than ${CSV_MAX_BYTES / 1_000_000} MB: split it into smaller files` }),
});

export const catalogCsvRouter = router({
  previewMaterials: edit.input(csvInput).mutation(({ ctx, input }) => previewMaterials(ctx, input.csv)),
  importMaterials: edit.input(csvInput).mutation(({ ctx, input }) => importMaterials(ctx, input.csv)),
  previewDesigns: edit.input(csvInput).mutation(({ ctx, input }) => previewDesigns(ctx, input.csv)),
  importDesigns: edit.input(csvInput).mutation(({ ctx, input }) => importDesigns(ctx, input.csv)),
  exportMaterials: read.query(async ({ ctx }) => ({ csv: await exportMaterials(ctx) })),
  exportDesigns: read.query(async ({ ctx }) => ({ csv: await exportDesigns(ctx) })),
});
