import { designInput, makeStudio } from "../../../helpers/factories";
import type { Cast, IsolationCase } from "../cases";
import { csvCase, db, designState, designsCsv, fixture, readCase } from "./catalog-fixture";

const catalogState = (studioId: string) => async () => ({
  catalogs: await db().catalog.findMany({ where: { studioId }, orderBy: { id: "asc" } }),
  shares: await db().catalogShare.findMany({ where: { studioId }, orderBy: { id: "asc" } }),
});
const shareRow = (id: string) => () => db().catalogShare.findUniqueOrThrow({ where: { id } });
/** A third studio's catalog offered to A (pending): only A's owner may answer it. */
async function offeredToA(cast: Cast) {
  const third = await makeStudio();
  const catalog = await db().catalog.findFirstOrThrow({ where: { studioId: third.studio.id } });
  return db().catalogShare.create({ data: { studioId: third.studio.id, catalogId: catalog.id, targetStudioId: cast.a.studio.id, targetLabel: cast.a.studio.slug } });
}
const studioCosting = (id: string) => () => db().studio.findUniqueOrThrow({ where: { id }, select: { labourRateCents: true, costingBatchSize: true } });

export const catalogCases: Record<string, IsolationCase> = {
  "catalog.list": readCase(() => ({}), false, (c, i) => c.catalog.list(i)),
  "catalog.costing": readCase(() => ({}), false, (c, i) => c.catalog.costing(i)),
  "catalog.create": {
    arrange: async (cast) => ({ input: { studioId: cast.a.studio.id, catalog: { name: "Hijacked" } }, recordInput: false, snapshot: catalogState(cast.a.studio.id) }),
    call: (c, i) => c.catalog.create(i),
  },
  "catalog.update": {
    arrange: async (cast) => {
      const { catalog } = await fixture(cast);
      return { input: { studioId: cast.a.studio.id, id: catalog.id, expectedVersion: catalog.version, catalog: { name: "Hijacked" } }, recordInput: true, snapshot: catalogState(cast.a.studio.id) };
    },
    call: (c, i) => c.catalog.update(i),
  },
  "catalog.updateCosting": {
    arrange: async (cast) => ({ input: { studioId: cast.a.studio.id, labourRateCents: 1, costingBatchSize: 1 }, recordInput: false, snapshot: studioCosting(cast.a.studio.id) }),
    call: (c, i) => c.catalog.updateCosting(i),
  },
  "catalog.shares": {
    arrange: async (cast) => {
      const { catalog } = await fixture(cast);
      return { input: { studioId: cast.a.studio.id, catalogId: catalog.id }, recordInput: true, snapshot: catalogState(cast.a.studio.id) };
    },
    call: (c, i) => c.catalog.shares(i),
  },
  "catalog.share": {
    arrange: async (cast) => {
      const { catalog } = await fixture(cast);
      return { input: { studioId: cast.a.studio.id, catalogId: catalog.id, target: cast.b.studio.slug }, recordInput: true, snapshot: catalogState(cast.a.studio.id) };
    },
    call: (c, i) => c.catalog.share(i),
  },
  "catalog.revokeShare": {
    arrange: async (cast) => {
      const { catalog } = await fixture(cast);
      // A live share from A to a third studio, which B must not be able to revoke.
      const third = (await makeStudio()).studio;
      const share = await db().catalogShare.upsert({
        where: { catalogId_targetStudioId: { catalogId: catalog.id, targetStudioId: third.id } },
        create: { studioId: cast.a.studio.id, catalogId: catalog.id, targetStudioId: third.id, targetLabel: "third" },
        update: {},
      });
      return { input: { studioId: cast.a.studio.id, shareId: share.id }, recordInput: true, snapshot: catalogState(cast.a.studio.id) };
    },
    call: (c, i) => c.catalog.revokeShare(i),
  },
  "catalog.incomingShares": {
    arrange: async (cast) => ({ input: { studioId: cast.a.studio.id }, recordInput: false, snapshot: catalogState(cast.a.studio.id) }),
    call: (c, i) => c.catalog.incomingShares(i),
  },
  "catalog.acceptShare": {
    arrange: async (cast) => {
      const share = await offeredToA(cast);
      return { input: { studioId: cast.a.studio.id, shareId: share.id }, recordInput: true, snapshot: shareRow(share.id) };
    },
    call: (c, i) => c.catalog.acceptShare(i),
  },
  "catalog.declineShare": {
    arrange: async (cast) => {
      const share = await offeredToA(cast);
      return { input: { studioId: cast.a.studio.id, shareId: share.id }, recordInput: true, snapshot: shareRow(share.id) };
    },
    call: (c, i) => c.catalog.declineShare(i),
  },
  "catalog.designs.forkPlan": readCase((f) => ({ id: f.design.id }), true, (c, i) => c.catalog.designs.forkPlan(i)),
  "catalog.designs.list": readCase(() => ({}), false, (c, i) => c.catalog.designs.list(i)),
  "catalog.designs.get": readCase((f) => ({ id: f.design.id }), true, (c, i) => c.catalog.designs.get(i)),
  "catalog.designs.versions": readCase((f) => ({ id: f.design.id }), true, (c, i) => c.catalog.designs.versions(i)),
  "catalog.designs.version": {
    arrange: async (cast) => {
      const { design } = await fixture(cast);
      const version = await db().designVersion.findFirstOrThrow({ where: { designId: design.id } });
      return { input: { studioId: cast.a.studio.id, versionId: version.id }, recordInput: true, snapshot: designState(cast.a.studio.id) };
    },
    call: (c, i) => c.catalog.designs.version(i),
  },
  "catalog.designs.create": {
    arrange: async (cast) => {
      const f = await fixture(cast);
      const input = designInput({ catalogId: f.catalog.id, stationId: f.station.id, tumblerId: f.tumbler.id, materialId: f.material.id, sku: "HIJACK-1" });
      // recordInput: B in its own studio naming A's catalog, station and material must be refused too.
      return { input: { studioId: cast.a.studio.id, design: input }, recordInput: true, snapshot: designState(cast.a.studio.id) };
    },
    call: (c, i) => c.catalog.designs.create(i),
  },
  "catalog.designs.update": {
    arrange: async (cast) => {
      const f = await fixture(cast);
      const input = designInput({ catalogId: f.catalog.id, stationId: f.station.id, tumblerId: f.tumbler.id, materialId: f.material.id, sku: "HIJACK-2" });
      return { input: { studioId: cast.a.studio.id, id: f.design.id, expectedVersion: 1, design: input }, recordInput: true, snapshot: designState(cast.a.studio.id) };
    },
    call: (c, i) => c.catalog.designs.update(i),
  },
  "catalog.designs.setArchived": {
    arrange: async (cast) => {
      const { design } = await fixture(cast);
      return { input: { studioId: cast.a.studio.id, id: design.id, archived: true }, recordInput: true, snapshot: designState(cast.a.studio.id) };
    },
    call: (c, i) => c.catalog.designs.setArchived(i),
  },
  "catalog.designs.fork": {
    arrange: async (cast) => {
      const { design, catalog } = await fixture(cast);
      return { input: { studioId: cast.a.studio.id, id: design.id, catalogId: catalog.id, sku: "FORK-1" }, recordInput: true, snapshot: designState(cast.a.studio.id) };
    },
    call: (c, i) => c.catalog.designs.fork(i),
  },
  "catalog.designs.pinVersion": {
    arrange: async (cast) => {
      const { design } = await fixture(cast);
      const version = await db().designVersion.findFirstOrThrow({ where: { designId: design.id } });
      return { input: { studioId: cast.a.studio.id, versionId: version.id }, recordInput: true, snapshot: designState(cast.a.studio.id) };
    },
    call: (c, i) => c.catalog.designs.pinVersion(i),
  },
  "catalog.designs.previewCsv": csvCase(designsCsv, (c, i) => c.catalog.designs.previewCsv(i)),
  "catalog.designs.importCsv": csvCase(designsCsv, (c, i) => c.catalog.designs.importCsv(i)),
  "catalog.designs.exportCsv": csvCase(null, (c, i) => c.catalog.designs.exportCsv(i)),
};
