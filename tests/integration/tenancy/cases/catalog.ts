import { systemDb } from "~/server/db";
import { designInput, makeCatalogFixture, makeStudio } from "../../../helpers/factories";
import type { Cast, IsolationCase } from "../cases";

// One fixture in studio A per cast, reused by every case: denied calls never change it (each case checks).
const fixtures = new WeakMap<Cast, ReturnType<typeof makeCatalogFixture>>();
const fixture = (cast: Cast) => {
  if (!fixtures.has(cast)) fixtures.set(cast, makeCatalogFixture(cast.a.studio.id, cast.a.owner));
  return fixtures.get(cast)!;
};

const db = () => systemDb();
const stationRow = (id: string) => () => db().station.findUniqueOrThrow({ where: { id } });
const materialState = (id: string) => async () => ({
  material: await db().material.findUniqueOrThrow({ where: { id } }),
  movements: await db().stockMovement.count({ where: { materialId: id } }),
});
const catalogState = (studioId: string) => async () => ({
  catalogs: await db().catalog.findMany({ where: { studioId }, orderBy: { id: "asc" } }),
  shares: await db().catalogShare.findMany({ where: { studioId }, orderBy: { id: "asc" } }),
});
const designState = (studioId: string) => async () => ({
  designs: await db().design.findMany({ where: { studioId }, orderBy: { id: "asc" } }),
  versions: await db().designVersion.count({ where: { studioId } }),
  // Uses of A's versions, whichever studio recorded them (a studio using a shared design records its own).
  uses: await db().designVersionUse.count({ where: { designVersion: { studioId } } }),
});
const shareRow = (id: string) => () => db().catalogShare.findUniqueOrThrow({ where: { id } });
/** A third studio's catalog offered to A (pending): only A's owner may answer it. */
async function offeredToA(cast: Cast) {
  const third = await makeStudio();
  const catalog = await db().catalog.findFirstOrThrow({ where: { studioId: third.studio.id } });
  return db().catalogShare.create({ data: { studioId: third.studio.id, catalogId: catalog.id, targetStudioId: cast.a.studio.id, targetLabel: cast.a.studio.slug } });
}
const studioCosting = (id: string) => () => db().studio.findUniqueOrThrow({ where: { id }, select: { labourRateCents: true, costingBatchSize: true } });

const stationFields = { name: "Hijacked", kind: "OTHER", count: 1, unattended: false, loadCapacity: null, runSeconds: null };
const materialFields = { name: "Hijacked", category: "OTHER", alloy: null, gauge: null, unit: "PIECE", unitCostCents: 1, reorderPointMilli: 0 };

function readCase(build: (f: Awaited<ReturnType<typeof makeCatalogFixture>>, cast: Cast) => Record<string, unknown>, recordInput: boolean, call: IsolationCase["call"]): IsolationCase {
  return {
    arrange: async (cast) => {
      const f = await fixture(cast);
      return { input: { studioId: cast.a.studio.id, ...build(f, cast) }, recordInput, snapshot: designState(cast.a.studio.id) };
    },
    call,
  };
}

export const catalogCases: Record<string, IsolationCase> = {
  "station.list": readCase(() => ({}), false, (c, i) => c.station.list(i)),
  "station.create": {
    arrange: async (cast) => ({ input: { studioId: cast.a.studio.id, station: stationFields }, recordInput: false, snapshot: () => db().station.count({ where: { studioId: cast.a.studio.id } }) }),
    call: (c, i) => c.station.create(i),
  },
  "station.update": {
    arrange: async (cast) => {
      const { station } = await fixture(cast);
      return { input: { studioId: cast.a.studio.id, id: station.id, expectedVersion: station.version, station: stationFields }, recordInput: true, snapshot: stationRow(station.id) };
    },
    call: (c, i) => c.station.update(i),
  },
  "station.setArchived": {
    arrange: async (cast) => {
      const { station } = await fixture(cast);
      return { input: { studioId: cast.a.studio.id, id: station.id, archived: true }, recordInput: true, snapshot: stationRow(station.id) };
    },
    call: (c, i) => c.station.setArchived(i),
  },
  "material.list": readCase(() => ({}), false, (c, i) => c.material.list(i)),
  "material.get": readCase((f) => ({ id: f.material.id }), true, (c, i) => c.material.get(i)),
  "material.create": {
    arrange: async (cast) => ({ input: { studioId: cast.a.studio.id, material: materialFields }, recordInput: false, snapshot: () => db().material.count({ where: { studioId: cast.a.studio.id } }) }),
    call: (c, i) => c.material.create(i),
  },
  "material.update": {
    arrange: async (cast) => {
      const { material } = await fixture(cast);
      return { input: { studioId: cast.a.studio.id, id: material.id, expectedVersion: material.version, material: materialFields }, recordInput: true, snapshot: materialState(material.id) };
    },
    call: (c, i) => c.material.update(i),
  },
  "material.recordMovement": {
    arrange: async (cast) => {
      const { material } = await fixture(cast);
      return { input: { studioId: cast.a.studio.id, materialId: material.id, kind: "CONSUME", quantityMilli: 1000 }, recordInput: true, snapshot: materialState(material.id) };
    },
    call: (c, i) => c.material.recordMovement(i),
  },
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
  "design.forkPlan": readCase((f) => ({ id: f.design.id }), true, (c, i) => c.design.forkPlan(i)),
  "design.list": readCase(() => ({}), false, (c, i) => c.design.list(i)),
  "design.get": readCase((f) => ({ id: f.design.id }), true, (c, i) => c.design.get(i)),
  "design.versions": readCase((f) => ({ id: f.design.id }), true, (c, i) => c.design.versions(i)),
  "design.version": {
    arrange: async (cast) => {
      const { design } = await fixture(cast);
      const version = await db().designVersion.findFirstOrThrow({ where: { designId: design.id } });
      return { input: { studioId: cast.a.studio.id, versionId: version.id }, recordInput: true, snapshot: designState(cast.a.studio.id) };
    },
    call: (c, i) => c.design.version(i),
  },
  "design.create": {
    arrange: async (cast) => {
      const f = await fixture(cast);
      const input = designInput({ catalogId: f.catalog.id, stationId: f.station.id, tumblerId: f.tumbler.id, materialId: f.material.id, sku: "HIJACK-1" });
      // recordInput: B in its own studio naming A's catalog, station and material must be refused too.
      return { input: { studioId: cast.a.studio.id, design: input }, recordInput: true, snapshot: designState(cast.a.studio.id) };
    },
    call: (c, i) => c.design.create(i),
  },
  "design.update": {
    arrange: async (cast) => {
      const f = await fixture(cast);
      const input = designInput({ catalogId: f.catalog.id, stationId: f.station.id, tumblerId: f.tumbler.id, materialId: f.material.id, sku: "HIJACK-2" });
      return { input: { studioId: cast.a.studio.id, id: f.design.id, expectedVersion: 1, design: input }, recordInput: true, snapshot: designState(cast.a.studio.id) };
    },
    call: (c, i) => c.design.update(i),
  },
  "design.setArchived": {
    arrange: async (cast) => {
      const { design } = await fixture(cast);
      return { input: { studioId: cast.a.studio.id, id: design.id, archived: true }, recordInput: true, snapshot: designState(cast.a.studio.id) };
    },
    call: (c, i) => c.design.setArchived(i),
  },
  "design.fork": {
    arrange: async (cast) => {
      const { design, catalog } = await fixture(cast);
      return { input: { studioId: cast.a.studio.id, id: design.id, catalogId: catalog.id, sku: "FORK-1" }, recordInput: true, snapshot: designState(cast.a.studio.id) };
    },
    call: (c, i) => c.design.fork(i),
  },
  "design.useVersion": {
    arrange: async (cast) => {
      const { design } = await fixture(cast);
      const version = await db().designVersion.findFirstOrThrow({ where: { designId: design.id } });
      return { input: { studioId: cast.a.studio.id, versionId: version.id }, recordInput: true, snapshot: designState(cast.a.studio.id) };
    },
    call: (c, i) => c.design.useVersion(i),
  },
};
