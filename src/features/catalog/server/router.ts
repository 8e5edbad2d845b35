import { router } from "~/server/trpc/init";
import { permittedProcedure } from "~/server/trpc/procedures";
import { createCatalog, listCatalogs, updateCatalog } from "./catalogs";
import { designsRouter } from "./designs-router";
import { getCosting, updateCosting } from "./costing-settings";
import { catalogIdInput, costingInput, createCatalogInput, shareCatalogInput, shareIdInput, updateCatalogInput } from "./schemas";
import { acceptShare, declineShare, incomingShares, listShares, revokeShare, shareCatalog } from "./sharing";

// catalog:read (assistant+) reads; catalog:edit (admin+) writes; catalog:share (owner) shares and revokes.
const read = permittedProcedure("catalog:read");
const edit = permittedProcedure("catalog:edit");
const share = permittedProcedure("catalog:share");

/** trpc.catalog.*: catalogs, their sharing with other studios, the costing settings, and the designs in them. */
export const catalogRouter = router({
  list: read.query(({ ctx }) => listCatalogs(ctx)),
  create: edit.input(createCatalogInput).mutation(({ ctx, input }) => createCatalog(ctx, input)),
  update: edit.input(updateCatalogInput).mutation(({ ctx, input }) => updateCatalog(ctx, input)),
  costing: read.query(({ ctx }) => getCosting(ctx)),
  updateCosting: edit.input(costingInput).mutation(({ ctx, input }) => updateCosting(ctx, input)),
  shares: share.input(catalogIdInput).query(({ ctx, input }) => listShares(ctx, input)),
  share: share.input(shareCatalogInput).mutation(({ ctx, input }) => shareCatalog(ctx, input)),
  revokeShare: share.input(shareIdInput).mutation(({ ctx, input }) => revokeShare(ctx, input)),
  // The receiving side: catalogs offered to this studio, accepted or declined by its owner.
  incomingShares: share.query(({ ctx }) => incomingShares(ctx)),
  acceptShare: share.input(shareIdInput).mutation(({ ctx, input }) => acceptShare(ctx, input)),
  declineShare: share.input(shareIdInput).mutation(({ ctx, input }) => declineShare(ctx, input)),
  designs: designsRouter,
});
