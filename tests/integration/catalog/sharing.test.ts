import { describe, expect, it } from "vitest";
import { systemDb, withTenant } from "~/server/db";
import { callerFor, errorCode } from "../../helpers/caller";
import { addMember, makeCatalogFixture, makeStudio, verifyEmailOf } from "../../helpers/factories";

async function twoStudios() {
  const a = await makeStudio({ name: "Alder Metals" });
  const b = await makeStudio();
  const f = await makeCatalogFixture(a.studio.id, a.owner);
  // A second catalog of A's that is never shared, with its own design.
  const secret = await makeCatalogFixture(a.studio.id, a.owner);
  const bCatalog = await callerFor(b.owner).catalog.create({ studioId: b.studio.id, catalog: { name: "B's rings" } });
  const ownerB = callerFor(b.owner);
  /** B's owner accepts every catalog offered to B. */
  const acceptAll = async () => {
    for (const share of (await ownerB.catalog.incomingShares({ studioId: b.studio.id })).shares) await ownerB.catalog.acceptShare({ studioId: b.studio.id, shareId: share.id });
  };
  return { a, b, f, secret, bCatalog, ownerA: callerFor(a.owner), ownerB, acceptAll };
}

describe("catalog sharing", () => {
  it("shares by studio address: once the target accepts, it sees the catalog and its designs, read-only and without the owner's costs", async () => {
    const { a, b, f, secret, ownerA, ownerB, acceptAll } = await twoStudios();
    // Nothing is visible before sharing, through the API or through RLS alone.
    expect(await errorCode(ownerB.catalog.designs.get({ studioId: b.studio.id, id: f.design.id }))).toBe("NOT_FOUND");
    expect(await withTenant(b.studio.id, (db) => db.design.findMany({ where: { id: f.design.id } }))).toEqual([]);

    expect(await ownerA.catalog.share({ studioId: a.studio.id, catalogId: f.catalog.id, target: b.studio.slug.toUpperCase() })).toMatchObject({ shared: true, pending: true });
    // Offered, not yet accepted: B's owner sees the offer, B sees none of the designs.
    expect((await ownerB.catalog.incomingShares({ studioId: b.studio.id })).shares).toEqual([
      expect.objectContaining({ catalogName: f.catalog.name, fromStudio: "Alder Metals", designCount: 1, toYourEmail: false }),
    ]);
    expect(await errorCode(ownerB.catalog.designs.get({ studioId: b.studio.id, id: f.design.id }))).toBe("NOT_FOUND");
    expect(await withTenant(b.studio.id, (db) => db.design.count({ where: { id: f.design.id } }))).toBe(0);
    expect((await ownerA.catalog.shares({ studioId: a.studio.id, catalogId: f.catalog.id }))[0]!.state).toBe("pending");
    await acceptAll();
    expect((await ownerA.catalog.shares({ studioId: a.studio.id, catalogId: f.catalog.id }))[0]!.state).toBe("active");

    const catalogs = await ownerB.catalog.list({ studioId: b.studio.id });
    expect(catalogs.find((c) => c.id === f.catalog.id)).toMatchObject({ own: false, sharedBy: "Alder Metals", designCount: 1 });
    expect(catalogs.some((c) => c.id === secret.catalog.id)).toBe(false);

    const design = await ownerB.catalog.designs.get({ studioId: b.studio.id, id: f.design.id });
    expect(design).toMatchObject({ own: false, sharedBy: "Alder Metals" });
    // The routing and bills of materials are shared; what A pays (costs, labour rate) is not.
    expect(design.current.steps).toHaveLength(2);
    expect(design.current.labourRateCents).toBeNull();
    expect(design.current.variants.map((v) => [v.standardCostCents, v.materialCostCents, v.labourCostCents, v.bomLines.map((l) => [l.quantityMilli, l.unitCostCents])])).toEqual([
      [null, null, null, [[2_000, null]]],
      [null, null, null, [[3_000, null]]],
    ]);
    const shared = await ownerB.catalog.designs.list({ studioId: b.studio.id, scope: "shared" });
    expect(shared.map((d) => [d.id, d.minCostCents, d.maxCostCents])).toEqual([[f.design.id, null, null]]);
    // A still sees its own costs.
    expect((await ownerA.catalog.designs.get({ studioId: a.studio.id, id: f.design.id })).current.variants.map((v) => v.standardCostCents)).toEqual([515, 710]);

    // The unshared catalog's design stays invisible, by id too.
    expect(await errorCode(ownerB.catalog.designs.get({ studioId: b.studio.id, id: secret.design.id }))).toBe("NOT_FOUND");
    expect(await withTenant(b.studio.id, (db) => db.design.count({ where: { id: secret.design.id } }))).toBe(0);
    // The owner's inventory and stations never are shared.
    expect(await withTenant(b.studio.id, (db) => db.material.count({ where: { id: f.material.id } }))).toBe(0);
    expect(await withTenant(b.studio.id, (db) => db.station.count({ where: { id: f.station.id } }))).toBe(0);
  });

  it("never lets the target edit a shared catalog or design, through the API or the database", async () => {
    const { a, b, f, ownerA, ownerB, acceptAll } = await twoStudios();
    await ownerA.catalog.share({ studioId: a.studio.id, catalogId: f.catalog.id, target: b.studio.slug });
    await acceptAll();
    const before = await systemDb().design.findUniqueOrThrow({ where: { id: f.design.id } });

    expect(await errorCode(ownerB.catalog.update({ studioId: b.studio.id, id: f.catalog.id, expectedVersion: 0, catalog: { name: "Mine" } }))).toBe("NOT_FOUND");
    expect(await errorCode(ownerB.catalog.designs.setArchived({ studioId: b.studio.id, id: f.design.id, archived: true }))).toBe("NOT_FOUND");
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
    const { a, b, f, ownerA, ownerB, acceptAll } = await twoStudios();
    await ownerA.catalog.share({ studioId: a.studio.id, catalogId: f.catalog.id, target: b.studio.slug });
    await acceptAll();
    const v1 = (await ownerB.catalog.designs.get({ studioId: b.studio.id, id: f.design.id })).current;
    // B plans an order with version 1 (orders call design.useVersion).
    expect(await ownerB.catalog.designs.pinVersion({ studioId: b.studio.id, versionId: v1.id })).toMatchObject({ number: 1 });

    // A edits the design: B sees version 2 as current.
    const source = await ownerA.catalog.designs.get({ studioId: a.studio.id, id: f.design.id });
    await ownerA.catalog.designs.update({
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
    const seen = await ownerB.catalog.designs.get({ studioId: b.studio.id, id: f.design.id });
    expect(seen.current).toMatchObject({ number: 2, name: "Stacking ring, wider" });

    const shares = await ownerA.catalog.shares({ studioId: a.studio.id, catalogId: f.catalog.id });
    expect(shares).toEqual([expect.objectContaining({ targetLabel: b.studio.slug, revokedAt: null, state: "active" })]);
    await ownerA.catalog.revokeShare({ studioId: a.studio.id, shareId: shares[0]!.id });

    // Access is gone for new use...
    expect(await errorCode(ownerB.catalog.designs.get({ studioId: b.studio.id, id: f.design.id }))).toBe("NOT_FOUND");
    expect((await ownerB.catalog.list({ studioId: b.studio.id })).some((c) => c.id === f.catalog.id)).toBe(false);
    expect(await errorCode(ownerB.catalog.designs.version({ studioId: b.studio.id, versionId: seen.current.id }))).toBe("NOT_FOUND");
    expect(await errorCode(ownerB.catalog.designs.pinVersion({ studioId: b.studio.id, versionId: seen.current.id }))).toBe("NOT_FOUND");
    expect(await errorCode(ownerB.catalog.designs.fork({ studioId: b.studio.id, id: f.design.id, catalogId: f.catalog.id, sku: "F-1" }))).toBe("NOT_FOUND");
    // ...but the version B's order used still reads in full, rows and all.
    const kept = await ownerB.catalog.designs.version({ studioId: b.studio.id, versionId: v1.id });
    expect(kept).toMatchObject({ number: 1, name: "Stacking ring", own: false });
    expect(kept.steps).toHaveLength(2);
    expect(kept.variants.map((v) => [v.standardCostCents, v.bomLines.length])).toEqual([
      [null, 1],
      [null, 1],
    ]);

    // Sharing again asks B again; once accepted, access is back.
    await ownerA.catalog.share({ studioId: a.studio.id, catalogId: f.catalog.id, target: b.studio.slug });
    expect(await errorCode(ownerB.catalog.designs.get({ studioId: b.studio.id, id: f.design.id }))).toBe("NOT_FOUND");
    await acceptAll();
    expect((await ownerB.catalog.designs.get({ studioId: b.studio.id, id: f.design.id })).current.number).toBe(2);
  });

  it("refuses unknown addresses and self-shares, requires the owner role, and a declined share stays off", async () => {
    const { a, b, f, ownerA, ownerB } = await twoStudios();
    expect(await errorCode(ownerA.catalog.share({ studioId: a.studio.id, catalogId: f.catalog.id, target: "no-such-studio-x" }))).toBe("NOT_FOUND");
    expect(await errorCode(ownerA.catalog.share({ studioId: a.studio.id, catalogId: f.catalog.id, target: a.studio.slug }))).toBe("BAD_REQUEST");
    const admin = await addMember(a.studio.id, "ADMIN");
    expect(await errorCode(callerFor(admin).catalog.share({ studioId: a.studio.id, catalogId: f.catalog.id, target: b.studio.slug }))).toBe("FORBIDDEN");

    await ownerA.catalog.share({ studioId: a.studio.id, catalogId: f.catalog.id, target: b.studio.slug });
    // Only B's owner answers; an admin of B cannot, and A cannot accept on B's behalf.
    const adminB = await addMember(b.studio.id, "ADMIN");
    const [offer] = (await ownerB.catalog.incomingShares({ studioId: b.studio.id })).shares;
    expect(await errorCode(callerFor(adminB).catalog.acceptShare({ studioId: b.studio.id, shareId: offer!.id }))).toBe("FORBIDDEN");
    expect(await errorCode(ownerA.catalog.acceptShare({ studioId: a.studio.id, shareId: offer!.id }))).toBe("NOT_FOUND");
    await ownerB.catalog.declineShare({ studioId: b.studio.id, shareId: offer!.id });
    expect((await ownerB.catalog.incomingShares({ studioId: b.studio.id })).shares).toEqual([]);
    expect(await errorCode(ownerB.catalog.acceptShare({ studioId: b.studio.id, shareId: offer!.id }))).toBe("NOT_FOUND");
    expect(await errorCode(ownerB.catalog.designs.get({ studioId: b.studio.id, id: f.design.id }))).toBe("NOT_FOUND");
    expect((await ownerA.catalog.shares({ studioId: a.studio.id, catalogId: f.catalog.id }))[0]!.state).toBe("declined");
  });

  it("shares by email without telling whether an account exists; an owner of two studios chooses which one accepts", async () => {
    const { a, f, ownerA } = await twoStudios();
    await verifyEmailOf(a.owner);
    // A recipient who owns two studios, with a confirmed address.
    const first = await makeStudio({ name: "First" });
    const recipient = await verifyEmailOf(first.owner);
    const second = await callerFor(recipient).studio.create({ name: "Second", slug: `second-${first.studio.slug}`, timeZone: "Europe/Paris", workingHours: [] });

    const toRecipient = await ownerA.catalog.share({ studioId: a.studio.id, catalogId: f.catalog.id, target: recipient.email.toUpperCase() });
    const toNobody = await ownerA.catalog.share({ studioId: a.studio.id, catalogId: f.catalog.id, target: "nobody-here@example.test" });
    // The same answer whether or not the address has an account.
    expect(toNobody).toEqual({ ...toRecipient, message: toRecipient.message.replace(recipient.email, "nobody-here@example.test") });
    expect(toRecipient).toMatchObject({ pending: true, message: `Invitation sent to ${recipient.email}. The catalog appears in their studio once they accept it.` });

    const me = callerFor(recipient);
    for (const studioId of [first.studio.id, second.id]) {
      expect((await me.catalog.incomingShares({ studioId })).shares).toEqual([expect.objectContaining({ catalogName: f.catalog.name, toYourEmail: true })]);
    }
    const [offer] = (await me.catalog.incomingShares({ studioId: second.id })).shares;
    await me.catalog.acceptShare({ studioId: second.id, shareId: offer!.id });
    expect((await me.catalog.designs.get({ studioId: second.id, id: f.design.id })).sharedBy).toBe("Alder Metals");
    expect(await errorCode(me.catalog.designs.get({ studioId: first.studio.id, id: f.design.id }))).toBe("NOT_FOUND");
    // Answered: gone from the other studio's list too.
    expect((await me.catalog.incomingShares({ studioId: first.studio.id })).shares).toEqual([]);
    expect((await ownerA.catalog.shares({ studioId: a.studio.id, catalogId: f.catalog.id })).map((s) => [s.targetLabel, s.state])).toEqual([
      [recipient.email.toLowerCase(), "active"],
      ["nobody-here@example.test", "pending"],
    ]);
  });

  it("shows an email share only to a confirmed address", async () => {
    const { a, f, ownerA } = await twoStudios();
    await verifyEmailOf(a.owner);
    const target = await makeStudio();
    await ownerA.catalog.share({ studioId: a.studio.id, catalogId: f.catalog.id, target: target.owner.email });
    const unconfirmed = await callerFor(target.owner).catalog.incomingShares({ studioId: target.studio.id });
    expect(unconfirmed).toEqual({ shares: [], waitingForEmailConfirmation: true });
    const share = await systemDb().catalogShare.findFirstOrThrow({ where: { catalogId: f.catalog.id, targetEmail: target.owner.email } });
    expect(await errorCode(callerFor(target.owner).catalog.acceptShare({ studioId: target.studio.id, shareId: share.id }))).toBe("NOT_FOUND");
    await verifyEmailOf(target.owner);
    expect((await callerFor(target.owner).catalog.incomingShares({ studioId: target.studio.id })).shares).toHaveLength(1);
  });
});
