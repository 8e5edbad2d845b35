import { archiveInput, byIdInput } from "~/lib/inputs";
import { csvInput } from "~/lib/csv";
import { router } from "~/server/trpc/init";
import { permittedProcedure } from "~/server/trpc/procedures";
import { getDesign, getVersion, listDesigns, listVersions } from "./design-read";
import { createDesign, setDesignArchived, updateDesign } from "./design-write";
import { exportDesigns, importDesigns, previewDesigns } from "./designs-csv";
import { forkDesign, forkPlan } from "./fork";
import { createDesignInput, forkDesignInput, getVersionInput, listDesignsInput, updateDesignInput } from "./schemas";
import { pinDesignVersion } from "./version-pins";

// catalog:read (assistant+) reads and exports; catalog:edit (admin+) writes, forks and imports (a CSV preview
// writes nothing but is the first half of an import: same permission).
const read = permittedProcedure("catalog:read");
const edit = permittedProcedure("catalog:edit");

/** trpc.catalog.designs.*: designs, their immutable versions, forks of shared designs and the designs CSV. */
export const designsRouter = router({
  list: read.input(listDesignsInput).query(({ ctx, input }) => listDesigns(ctx, input)),
  get: read.input(byIdInput).query(({ ctx, input }) => getDesign(ctx, input)),
  versions: read.input(byIdInput).query(({ ctx, input }) => listVersions(ctx, input)),
  version: read.input(getVersionInput).query(({ ctx, input }) => getVersion(ctx, input)),
  create: edit.input(createDesignInput).mutation(({ ctx, input }) => createDesign(ctx, input)),
  update: edit.input(updateDesignInput).mutation(({ ctx, input }) => updateDesign(ctx, input)),
  setArchived: edit.input(archiveInput).mutation(({ ctx, input }) => setDesignArchived(ctx, input)),
  forkPlan: edit.input(byIdInput).query(({ ctx, input }) => forkPlan(ctx, input)),
  fork: edit.input(forkDesignInput).mutation(({ ctx, input }) => forkDesign(ctx, input)),
  // Called when an order is planned with a version (orders:edit): pins it for this studio's history.
  pinVersion: permittedProcedure("orders:edit").input(getVersionInput).mutation(({ ctx, input }) => pinDesignVersion(ctx, input)),
  previewCsv: edit.input(csvInput).mutation(({ ctx, input }) => previewDesigns(ctx, input)),
  importCsv: edit.input(csvInput).mutation(({ ctx, input }) => importDesigns(ctx, input)),
  exportCsv: read.query(({ ctx }) => exportDesigns(ctx)),
});
