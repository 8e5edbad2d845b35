import { describe, expect, it } from "vitest";
import { systemDb } from "~/server/db";
import { callerFor, errorCode } from "../../helpers/caller";
import { addMember, designInput, makeCatalogFixture, makeStudio } from "../../helpers/factories";

async function setup() {
  const { studio, owner } = await makeStudio();
  const f = await makeCatalogFixture(studio.id, owner);
  const refs = { catalogId: f.catalog.id, stationId: f.station.id, tumblerId: f.tumbler.id, materialId: f.material.id };
  return { studio, owner, f, refs, caller: callerFor(owner) };
}

describe("designs", () => {
  it("creates a design with variants, BOM and routing, and computes the standard cost per variant", async () => {
    const { studio, f, caller } = await setup();
    const design = await caller.catalog.designs.get({ studioId: studio.id, id: f.design.id });
    expect(design).toMatchObject({ name: "Stacking ring", version: 1, own: true, sharedBy: null });
    expect(design.current.steps.map((s) => [s.position, s.name, s.stationName, s.batchFamily])).toEqual([
      [0, "Solder join", f.station.name, "hard-solder"],
      [1, "Tumble", f.tumbler.name, "tumble-steel"],
    ]);
    // Labour rate $30/h, typical batch 10 (defaults). See tests/unit/catalog/costing.test.ts for the formula.
    expect(design.current.variants.map((v) => [v.name, v.materialCostCents, v.labourCostCents, v.standardCostCents])).toEqual([
      ["Size 6", 190, 325, 515],
      ["Size 9", 285, 425, 710],
    ]);
    expect(design.current.variants[0]!.bomLines).toEqual([
      expect.objectContaining({ materialId: f.material.id, materialUnit: "GRAM", unitCostCents: 95, quantityMilli: 2_000 }),
    ]);
  });

  it("publishes a new version on each edit and never rewrites an earlier one", async () => {
    const { studio, f, refs, caller } = await setup();
    const v1 = (await caller.catalog.designs.get({ studioId: studio.id, id: f.design.id })).current;
    await caller.materials.update({ studioId: studio.id, id: f.material.id, expectedVersion: f.material.version, material: { ...f.material, unitCostCents: 200 } });
    await caller.catalog.updateCosting({ studioId: studio.id, labourRateCents: 6000, costingBatchSize: 10 });

    const input = designInput({ ...refs, sku: f.design.id.slice(0, 10) });
    const saved = await caller.catalog.designs.update({ studioId: studio.id, id: f.design.id, expectedVersion: 1, design: { ...input, name: "Stacking ring II", variants: [input.variants[0]!] } });
    expect(saved.version).toBe(2);

    const current = await caller.catalog.designs.get({ studioId: studio.id, id: f.design.id });
    expect(current.current).toMatchObject({ number: 2, name: "Stacking ring II", labourRateCents: 6000 });
    expect(current.current.variants.map((v) => v.standardCostCents)).toEqual([400 + 650]);
    const old = await caller.catalog.designs.version({ studioId: studio.id, versionId: v1.id });
    expect(old).toMatchObject({ number: 1, name: "Stacking ring", labourRateCents: 3000 });
    expect(old.variants.map((v) => v.standardCostCents)).toEqual([515, 710]);
    expect((await caller.catalog.designs.versions({ studioId: studio.id, id: f.design.id })).map((v) => v.number)).toEqual([2, 1]);

    // A stale edit is a CONFLICT and publishes nothing.
    expect(await errorCode(caller.catalog.designs.update({ studioId: studio.id, id: f.design.id, expectedVersion: 1, design: input }))).toBe("CONFLICT");
    expect(await systemDb().designVersion.count({ where: { designId: f.design.id } })).toBe(2);
  });

  it("refuses materials, stations and catalogs of another studio, and writes nothing", async () => {
    const { studio, refs, caller } = await setup();
    const other = await makeStudio();
    const theirs = await makeCatalogFixture(other.studio.id, other.owner);
    const before = await systemDb().design.count({ where: { studioId: studio.id } });
    for (const swap of [{ materialId: theirs.material.id }, { stationId: theirs.station.id }, { catalogId: theirs.catalog.id }]) {
      const code = await errorCode(caller.catalog.designs.create({ studioId: studio.id, design: designInput({ ...refs, ...swap, sku: "X-1" }) }));
      expect(["BAD_REQUEST", "NOT_FOUND"]).toContain(code);
    }
    expect(await systemDb().design.count({ where: { studioId: studio.id } })).toBe(before);
  });

  it("validates input with field messages: SKU format, batch family, at least one variant", async () => {
    const { studio, refs, caller } = await setup();
    const input = designInput({ ...refs, sku: "bad sku!" });
    await expect(caller.catalog.designs.create({ studioId: studio.id, design: input })).rejects.toMatchObject({ message: expect.stringContaining("Use letters, digits") });
    const noFamily = designInput({ ...refs, sku: "OK-1" });
    noFamily.steps[0]!.batchFamily = null;
    await expect(caller.catalog.designs.create({ studioId: studio.id, design: noFamily })).rejects.toMatchObject({ message: expect.stringContaining("batch family") });
    await expect(caller.catalog.designs.create({ studioId: studio.id, design: { ...designInput({ ...refs, sku: "OK-2" }), variants: [] } })).rejects.toMatchObject({
      message: expect.stringContaining("at least one variant"),
    });
  });

  it("lists with search and catalog filter; archived designs leave the list; SKUs are unique per studio", async () => {
    const { studio, f, refs, caller } = await setup();
    const other = await caller.catalog.create({ studioId: studio.id, catalog: { name: "Earrings" } });
    await caller.catalog.designs.create({ studioId: studio.id, design: { ...designInput({ ...refs, catalogId: other.id, sku: "EAR-1" }), name: "Hoop earring" } });
    expect((await caller.catalog.designs.list({ studioId: studio.id, search: "hoop" })).map((d) => d.sku)).toEqual(["EAR-1"]);
    expect((await caller.catalog.designs.list({ studioId: studio.id, catalogId: f.catalog.id })).map((d) => d.id)).toEqual([f.design.id]);
    const listed = await caller.catalog.designs.list({ studioId: studio.id });
    expect(listed.find((d) => d.id === f.design.id)).toMatchObject({ variantCount: 2, stepCount: 2, minCostCents: 515, maxCostCents: 710, own: true });
    expect(await errorCode(caller.catalog.designs.create({ studioId: studio.id, design: designInput({ ...refs, sku: "EAR-1" }) }))).toBe("CONFLICT");

    await caller.catalog.designs.setArchived({ studioId: studio.id, id: f.design.id, archived: true });
    expect((await caller.catalog.designs.list({ studioId: studio.id })).map((d) => d.sku)).toEqual(["EAR-1"]);
  });

  it("lets an assistant read designs but not create or edit them", async () => {
    const { studio, f, refs } = await setup();
    const assistant = callerFor(await addMember(studio.id, "ASSISTANT"));
    expect((await assistant.catalog.designs.get({ studioId: studio.id, id: f.design.id })).name).toBe("Stacking ring");
    expect(await errorCode(assistant.catalog.designs.create({ studioId: studio.id, design: designInput({ ...refs, sku: "A-1" }) }))).toBe("FORBIDDEN");
  });
});
