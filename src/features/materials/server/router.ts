import { byIdInput } from "~/lib/inputs";
import { csvInput } from "~/lib/csv";
import { router } from "~/server/trpc/init";
import { permittedProcedure } from "~/server/trpc/procedures";
import { createMaterial, getMaterial, listMaterials, updateMaterial } from "./material-crud";
import { exportMaterials, importMaterials, previewMaterials } from "./materials-csv";
import { createMaterialInput, listMaterialsInput, recordMovementInput, updateMaterialInput } from "./schemas";
import { appendMovement } from "./stock-ledger";

// Materials are part of the catalog's permissions: catalog:read (assistant+) reads and exports, catalog:edit
// (admin+) writes. A CSV preview writes nothing but is the first half of an import: same permission.
const read = permittedProcedure("catalog:read");
const edit = permittedProcedure("catalog:edit");

export const materialsRouter = router({
  list: read.input(listMaterialsInput).query(({ ctx, input }) => listMaterials(ctx, input)),
  get: read.input(byIdInput).query(({ ctx, input }) => getMaterial(ctx, input)),
  create: edit.input(createMaterialInput).mutation(({ ctx, input }) => createMaterial(ctx, input)),
  update: edit.input(updateMaterialInput).mutation(({ ctx, input }) => updateMaterial(ctx, input)),
  recordMovement: edit.input(recordMovementInput).mutation(({ ctx, input }) => appendMovement(ctx, input)),
  // CSV import/export (docs/catalog-csv.md).
  previewCsv: edit.input(csvInput).mutation(({ ctx, input }) => previewMaterials(ctx, input)),
  importCsv: edit.input(csvInput).mutation(({ ctx, input }) => importMaterials(ctx, input)),
  exportCsv: read.query(({ ctx }) => exportMaterials(ctx)),
});
