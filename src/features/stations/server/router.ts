import { archiveInput } from "~/lib/inputs";
import { router } from "~/server/trpc/init";
import { permittedProcedure } from "~/server/trpc/procedures";
import { createStationInput, updateStationInput } from "./schemas";
import { createStation, listStations, setStationArchived, updateStation } from "./stations";

// Stations are part of the catalog's permissions: catalog:read (assistant+) reads, catalog:edit (admin+) writes.
const read = permittedProcedure("catalog:read");
const edit = permittedProcedure("catalog:edit");

export const stationsRouter = router({
  list: read.query(({ ctx }) => listStations(ctx)),
  create: edit.input(createStationInput).mutation(({ ctx, input }) => createStation(ctx, input)),
  update: edit.input(updateStationInput).mutation(({ ctx, input }) => updateStation(ctx, input)),
  setArchived: edit.input(archiveInput).mutation(({ ctx, input }) => setStationArchived(ctx, input)),
});
