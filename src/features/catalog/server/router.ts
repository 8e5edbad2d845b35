import { byIdInput } from "~/lib/inputs";
import { router } from "~/server/trpc/init";
import { permittedProcedure } from "~/server/trpc/procedures";
import { createCatalog, listCatalogs, updateCatalog } from "./catalogs";
import { getDesign, getVersion, listDesigns, listVersions } from "./design-read";
import { createDesign, getCosting, setDesignArchived, updateCosting, updateDesign } from "./design-write";
import { forkDesign, forkPlan } from "./fork";
import { appendMovement, createMaterial, getMaterial, listMaterials, updateMaterial } from "./material-stock";
import * as s from "./schemas";
import { acceptShare, declineShare, incomingShares, listShares, revokeShare, shareCatalog } from "./sharing";
import { createStation, listStations, setStationArchived, updateStation } from "./stations";
import { pinDesignVersion } from "./version-pins";

// catalog:read (assistant+) reads; catalog:edit (admin+) writes; catalog:share (owner) shares and revokes.
const read = permittedProcedure("catalog:read");
const edit = permittedProcedure("catalog:edit");
const share = permittedProcedure("catalog:share");

export const stationRouter = router({
  list: read.query(({ ctx }) => listStations(ctx)),
  create: edit.input(s.createStationInput).mutation(({ ctx, input }) => createStation(ctx, input.station)),
  update: edit.input(s.updateStationInput).mutation(({ ctx, input }) => updateStation(ctx, input)),
  setArchived: edit.input(s.archiveInput).mutation(({ ctx, input }) => setStationArchived(ctx, input)),
});

export const materialRouter = router({
  list: read.input(s.listMaterialsInput).query(({ ctx, input }) => listMaterials(ctx, input)),
  get: read.input(byIdInput).query(({ ctx, input }) => getMaterial(ctx, input.id)),
  create: edit.input(s.createMaterialInput).mutation(({ ctx, input }) => createMaterial(ctx, input)),
  update: edit.input(s.updateMaterialInput).mutation(({ ctx, input }) => updateMaterial(ctx, input)),
  recordMovement: edit.input(s.recordMovementInput).mutation(({ ctx, input }) => appendMovement(ctx, input)),
});

export const catalogRouter = router({
  list: read.query(({ ctx }) => listCatalogs(ctx)),
  create: edit.input(s.createCatalogInput).mutation(({ ctx, input }) => createCatalog(ctx, input)),
  update: edit.input(s.updateCatalogInput).mutation(({ ctx, input }) => updateCatalog(ctx, input)),
  costing: read.query(({ ctx }) => getCosting(ctx)),
  updateCosting: edit.input(s.costingInput).mutation(({ ctx, input }) => updateCosting(ctx, input)),
  shares: share.input(s.catalogIdInput).query(({ ctx, input }) => listShares(ctx, input)),
  share: share.input(s.shareCatalogInput).mutation(({ ctx, input }) => shareCatalog(ctx, input)),
  revokeShare: share.input(s.shareIdInput).mutation(({ ctx, input }) => revokeShare(ctx, input)),
  // The receiving side: catalogs offered to this studio, accepted or declined by its owner.
  incomingShares: share.query(({ ctx }) => incomingShares(ctx)),
  acceptShare: share.input(s.shareIdInput).mutation(({ ctx, input }) => acceptShare(ctx, input)),
  declineShare: share.input(s.shareIdInput).mutation(({ ctx, input }) => declineShare(ctx, input)),
});

export const designRouter = router({
  list: read.input(s.listDesignsInput).query(({ ctx, input }) => listDesigns(ctx, input)),
  get: read.input(byIdInput).query(({ ctx, input }) => getDesign(ctx, input.id)),
  versions: read.input(byIdInput).query(({ ctx, input }) => listVersions(ctx, input.id)),
  version: read.input(s.getVersionInput).query(({ ctx, input }) => getVersion(ctx, input)),
  create: edit.input(s.createDesignInput).mutation(({ ctx, input }) => createDesign(ctx, input.design)),
  update: edit.input(s.updateDesignInput).mutation(({ ctx, input }) => updateDesign(ctx, input)),
  setArchived: edit.input(s.archiveInput).mutation(({ ctx, input }) => setDesignArchived(ctx, input)),
  forkPlan: edit.input(byIdInput).query(({ ctx, input }) => forkPlan(ctx, input.id)),
  fork: edit.input(s.forkDesignInput).mutation(({ ctx, input }) => forkDesign(ctx, input)),
  // Called when an order is planned with a version (orders:edit): pins it for this studio's history.
  useVersion: permittedProcedure("orders:edit").input(s.getVersionInput).mutation(({ ctx, input }) => pinDesignVersion(ctx, input)),
});
