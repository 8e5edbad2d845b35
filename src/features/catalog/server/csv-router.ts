import { router } from "~/server/trpc/init";
import { permittedProcedure } from "~/server/trpc/procedures";
import { csvInput } from "./schemas";
import { exportDesigns, importDesigns, previewDesigns } from "./csv-designs";
import { exportMaterials, importMaterials, previewMaterials } from "./csv-materials";

// CSV import/export of materials and designs (docs/catalog-csv.md). Previews write nothing but are the
// first half of an import: same permission (catalog:edit). Exports are reads (catalog:read).
const read = permittedProcedure("catalog:read");
const edit = permittedProcedure("catalog:edit");

export const catalogCsvRouter = router({
  previewMaterials: edit.input(csvInput).mutation(({ ctx, input }) => previewMaterials(ctx, input.csv)),
  importMaterials: edit.input(csvInput).mutation(({ ctx, input }) => importMaterials(ctx, input.csv)),
  previewDesigns: edit.input(csvInput).mutation(({ ctx, input }) => previewDesigns(ctx, input.csv)),
  importDesigns: edit.input(csvInput).mutation(({ ctx, input }) => importDesigns(ctx, input.csv)),
  exportMaterials: read.query(async ({ ctx }) => ({ csv: await exportMaterials(ctx) })),
  exportDesigns: read.query(async ({ ctx }) => ({ csv: await exportDesigns(ctx) })),
});
