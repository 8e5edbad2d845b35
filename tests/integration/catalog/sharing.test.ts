import { describe, expect, it } from "vitest";
import { systemDb, withTenant } from "~/server/db";
import { callerFor, errorCode } from "../../helpers/caller";
import { addMember, makeCatalogFixture, makeStudio, uniqueSuffix } from "../../helpers/factories";

async function twoStudios() {
  const a = await makeStudio({ name: "Alder Metals" });
  const b = await makeStudio();
  const f = await makeCatalogFixture(a.studio.id, a.owner);
  // A second catalog of A's that is never shared, with its own design.
  const secret = await makeCatalogFixture(a.studio.id, a.owner);
  const bCatalog = await callerFor(b.owner).catalog.create({ studioId: b.studio.id, catalog: { name: "B's rings" } });
  return { a, b, f, secret, bCatalog, ownerA: callerFor(a.owner), ownerB: callerFor(b.owner) };
}

describe("catalog sharing", () => {
  it("shares by studio address: the target sees the catalog and its designs, marked with the owner's name, read-only", async () => {
    const { a, b, f, secret, ownerA, ownerB } = await twoStudios();
    // Nothing is visible before sharing, through the API or through RLS alone.
    expect(await errorCode(ownerB.design.get({ studioId: b.studio.id, id: f.design.id }))).toBe("NOT_FOUND");
    expect(await withTenant(b.studio.id, (db) => db.design.findMany({ where: { id: f.design.id } }))).toEqual([]);

    expect(await ownerA.catalog.share({ studioId: a.studio.id, catalogId: f.catalog.id, target: b.studio.slug.toUpperCase() })).toEqual({ shared: true });

    const catalogs = await ownerB.catalog.list({ studioId: b.studio.id });
    expect(catalogs.find((c) => c.id === f.catalog.id)).toMatchObject({ own: false, sharedBy: "Alder Metals", designCount: 1 });
    expect(catalogs.some((c) => c.id === secret.catalog.id)).toBe(false);

    const design = await ownerB.design.get({ studioId: b.studio.id, id: f.design.id });
    expect(design).toMatchObject({ own: false, sharedBy: "Alder Metals" });
    expect(design.current.variants.map((v) => v.standardCostCents)).toEqual([515, 710]);
    const shared = await ownerB.design.list({ studioId: b.studio.id, scope: "shared" });
    expect(shared.map((d) => d.id)).toEqual([f.design.id]);

    // The unshared catalog's design stays invisible, by id too.
    expect(await errorCode(ownerB.design.get({ studioId: b.studio.id, id: secret.design.id }))).toBe("NOT_FOUND");
    expect(await withTenant(b.studio.id, (db) => db.design.count({ where: { id: secret.design.id } }))).toBe(0);
    // The owner's inventory and stations never are shared.
    expect(await withTenant(b.studio.id, (db) => db.material.count({ where: { id: f.material.id } }))).toBe(0);
    expect(await withTenant(b.studio.id, (db) => db.station.count({ where: { id: f.station.id } }))).toBe(0);
  });

  it("never lets the target edit a shared catalog or design, through the API or the database", async () => {
    const { a, b, f, ownerA, ownerB } = await twoStudios();
    await ownerA.catalog.share({ studioId: a.studio.id, catalogId: f.catalog.id, target: b.studio.slug });
    const before = await systemDb().design.findUniqueOrThrow({ where: { id: f.design.id } });

    expect(await errorCode(ownerB.catalog.update({ studioId: b.studio.id, id: f.catalog.id, expectedVersion: 0, catalog: { name: "Mine" } }))).toBe("NOT_FOUND");
    expect(await errorCode(ownerB.design.setArchived({ studioId: b.studio.id, id: f.design.id, archived: true }))).toBe("NOT_FOUND");
    expect(await errorCode(ownerB.catalog.share({ studioId: b.studio.id, catalogId: f.catalog.id, target: "someone-else" }))).toBe("NOT_FOUND");

    // Row-level security: visible rows of A's are still not writable by B's tenant.
    await withTenant(b.studio.id, async (db) => {
      expect(await db.design.count({ where: { id: f.design.id } })).toBe(1);
      expect((await db.design.updateMany({ where: { id: f.design.id }, data: { name: "Hijacked" } })).count).toBe(0);
      expect((await db.designVersion.deleteMany({ where: { designId: f.design.id } })).count).toBe(0);
      expect((await db.catalogShare.updateMany({ where: { catalogId: f.catalog.id }, data: { revokedAt: new Date() } })).count).toBe(0);
    });
    await expect(
      withTenant(b.studio.id, (db) => db.catalogDesign.create({ data: { studioId: a.studio.id, catalogId: f.catalog.id, designId: f.design.id } })),
    ).rejects.toThrow();
    expect(await systemDb().design.findUniqueOrThrow({ where: { id: f.design.id } })).toEqual(before);
  });

  it("shows the owner's updates to the target, and after a revoke stops new use but keeps used versions readable", async () => {
    const { a, b, f, ownerA, ownerB } = await twoStudios();
    await ownerA.catalog.share({ studioId: a.studio.id, catalogId: f.catalog.id, target: b.studio.slug });
    const v1 = (await ownerB.design.get({ studioId: b.studio.id, id: f.design.id })).current;
    // B plans an order with version 1 (orders call design.useVersion).
    expect(await ownerB.design.useVersion({ studioId: b.studio.id, versionId: v1.id })).toMatchObject({ number: 1 });

    // A edits the design: B sees version 2 as current.
    const source = await ownerA.design.get({ studioId: a.studio.id, id: f.design.id });
    await ownerA.design.update({
      studioId: a.studio.id,
      id: f.design.id,
      expectedVersion: 1,
      design: {
        name: "Stacking ring, wider",
        sku: source.sku,
        description: "",
        photoUrl: null,
        catalogIds: [f.catalog.id],
        variants: source.current.variants.map((v) => ({ name: v.name, overrides: [], bom: v.bomLines.map((l) => ({ materialId: l.materialId, quantityMilli: l.quantityMilli })) })),
        steps: source.current.steps.map(({ id: _id, position: _p, stationName: _n, stationKind: _k, ...step }) => step),
      },
    });
    const seen = await ownerB.design.get({ studioId: b.studio.id, id: f.design.id });
    expect(seen.current).toMatchObject({ number: 2, name: "Stacking ring, wider" });

    const shares = await ownerA.catalog.shares({ studioId: a.studio.id, catalogId: f.catalog.id });
    expect(shares).toEqual([expect.objectContaining({ targetLabel: b.studio.slug, revokedAt: null })]);
    await ownerA.catalog.revokeShare({ studioId: a.studio.id, shareId: shares[0]!.id });

    // Access is gone for new use...
    expect(await errorCode(ownerB.design.get({ studioId: b.studio.id, id: f.design.id }))).toBe("NOT_FOUND");
    expect((await ownerB.catalog.list({ studioId: b.studio.id })).some((c) => c.id === f.catalog.id)).toBe(false);
    expect(await errorCode(ownerB.design.version({ studioId: b.studio.id, versionId: seen.current.id }))).toBe("NOT_FOUND");
    expect(await errorCode(ownerB.design.useVersion({ studioId: b.studio.id, versionId: seen.current.id }))).toBe("NOT_FOUND");
    expect(await errorCode(ownerB.design.fork({ studioId: b.studio.id, id: f.design.id, catalogId: f.catalog.id, sku: "F-1" }))).toBe("NOT_FOUND");
    // ...but the version B's order used still reads in full, rows and all.
    const kept = await ownerB.design.version({ studioId: b.studio.id, versionId: v1.id });
    expect(kept).toMatchObject({ number: 1, name: "Stacking ring", own: false });
    expect(kept.steps).toHaveLength(2);
    expect(kept.variants.map((v) => [v.standardCostCents, v.bomLines.length])).toEqual([
      [515, 1],
      [710, 1],
    ]);

    // Sharing again restores access.
    await ownerA.catalog.share({ studioId: a.studio.id, catalogId: f.catalog.id, target: b.studio.slug });
    expect((await ownerB.design.get({ studioId: b.studio.id, id: f.design.id })).current.number).toBe(2);
  });

  it("forks a shared design into the target's own catalog, mapping stations and materials to its own", async () => {
    const { a, b, f, bCatalog, ownerA, ownerB } = await twoStudios();
    await ownerA.catalog.share({ studioId: a.studio.id, catalogId: f.catalog.id, target: b.studio.slug });
    // B already has a station with the same name (any case); the material gets created.
    await ownerB.station.create({ studioId: b.studio.id, station: { name: f.station.name.toUpperCase(), kind: "SOLDER_BENCH", count: 1, unattended: false, loadCapacity: null, runSeconds: null } });

    const fork = await ownerB.design.fork({ studioId: b.studio.id, id: f.design.id, catalogId: bCatalog.id, sku: "MY-RING" });
    const mine = await ownerB.design.get({ studioId: b.studio.id, id: fork.id });
    expect(mine).toMatchObject({ own: true, sku: "MY-RING", name: "Stacking ring" });
    expect(await systemDb().design.findUniqueOrThrow({ where: { id: fork.id } })).toMatchObject({ studioId: b.studio.id, forkedFromVersionId: expect.any(String) });
    const bStations = await ownerB.station.list({ studioId: b.studio.id });
    expect(bStations).toHaveLength(2);
    expect(mine.current.steps.every((s) => bStations.some((st) => st.id === s.stationId))).toBe(true);
    const bMaterials = await ownerB.material.list({ studioId: b.studio.id });
    expect(bMaterials).toEqual([expect.objectContaining({ name: f.material.name, unit: "GRAM", onHandMilli: 0, unitCostCents: 95 })]);
    expect(mine.current.variants.map((v) => v.standardCostCents)).toEqual([515, 710]);

    // The fork is B's to edit; a fork into a catalog B does not own is refused.
    await ownerB.design.setArchived({ studioId: b.studio.id, id: fork.id, archived: true });
    expect(await errorCode(ownerB.design.fork({ studioId: b.studio.id, id: f.design.id, catalogId: f.catalog.id, sku: "MY-RING-2" }))).toBe("NOT_FOUND");
  });

  it("finds the target by its owner's email, refuses unknown targets and self-shares, and requires the owner role", async () => {
    const { a, b, f, ownerA } = await twoStudios();
    expect(await ownerA.catalog.share({ studioId: a.studio.id, catalogId: f.catalog.id, target: b.owner.email })).toEqual({ shared: true });
    expect(await systemDb().catalogShare.count({ where: { catalogId: f.catalog.id, targetStudioId: b.studio.id } })).toBe(1);
    expect(await errorCode(ownerA.catalog.share({ studioId: a.studio.id, catalogId: f.catalog.id, target: "no-such-studio-x" }))).toBe("NOT_FOUND");
    expect(await errorCode(ownerA.catalog.share({ studioId: a.studio.id, catalogId: f.catalog.id, target: a.studio.slug }))).toBe("BAD_REQUEST");
    // An email answers the same whether or not it owns a studio (no account discovery), and shares nothing.
    const before = await systemDb().catalogShare.count({ where: { catalogId: f.catalog.id } });
    const unknown = await ownerA.catalog.share({ studioId: a.studio.id, catalogId: f.catalog.id, target: `nobody-${uniqueSuffix()}@example.test` });
    const member = await addMember(b.studio.id, "ASSISTANT"); // has an account, owns no studio
    const notOwner = await ownerA.catalog.share({ studioId: a.studio.id, catalogId: f.catalog.id, target: member.email });
    expect([unknown, notOwner]).toEqual([{ shared: true }, { shared: true }]);
    expect(await systemDb().catalogShare.count({ where: { catalogId: f.catalog.id } })).toBe(before);
    const admin = await addMember(a.studio.id, "ADMIN");
    expect(await errorCode(callerFor(admin).catalog.share({ studioId: a.studio.id, catalogId: f.catalog.id, target: b.studio.slug }))).toBe("FORBIDDEN");
    // An assistant of the target studio can read what was shared.
    const assistantB = await addMember(b.studio.id, "ASSISTANT");
    expect((await callerFor(assistantB).design.get({ studioId: b.studio.id, id: f.design.id })).sharedBy).toBe("Alder Metals");
  });
});
