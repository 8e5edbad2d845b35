import { describe, expect, it } from "vitest";
import { systemDb } from "~/server/db";
import { callerFor, errorCode } from "../../helpers/caller";
import { makeCatalogFixture, makeStudio, shareAccepted } from "../../helpers/factories";

const attended = { count: 1, unattended: false, loadCapacity: null, runSeconds: null };

async function sharedDesign() {
  const a = await makeStudio({ name: "Alder Metals" });
  const b = await makeStudio();
  const f = await makeCatalogFixture(a.studio.id, a.owner);
  await shareAccepted({ studioId: a.studio.id, owner: a.owner }, f.catalog.id, { studioId: b.studio.id, slug: b.studio.slug, owner: b.owner });
  const ownerB = callerFor(b.owner);
  const catalog = (await ownerB.catalog.list({ studioId: b.studio.id })).find((c) => c.own)!;
  return { a, b, f, ownerB, catalogId: catalog.id };
}

describe("forking a shared design", () => {
  it("puts each step on this studio's own station of the same kind and each material on its own, converting units", async () => {
    const { b, f, ownerB, catalogId } = await sharedDesign();
    const bench = await ownerB.stations.create({ studioId: b.studio.id, station: { name: "Bench by the window", kind: "SOLDER_BENCH", ...attended } });
    const barrel = await ownerB.stations.create({ studioId: b.studio.id, station: { name: "Barrel", kind: "TUMBLER", count: 1, unattended: true, loadCapacity: 80, runSeconds: 5400 } });
    // B keeps the same wire by the pennyweight, at its own price.
    const wire = await ownerB.materials.create({ studioId: b.studio.id, material: { name: f.material.name, category: "METAL", alloy: null, gauge: null, unit: "PENNYWEIGHT", unitCostCents: 150, reorderPointMilli: 0 } });

    const plan = await ownerB.catalog.designs.forkPlan({ studioId: b.studio.id, id: f.design.id });
    expect(plan.stations.map((s) => [s.name, s.suggested, s.reason])).toEqual([
      [f.station.name, bench.id, "same kind"],
      [f.tumbler.name, barrel.id, "same kind"],
    ]);
    expect(plan.materials.map((m) => [m.name, m.suggested])).toEqual([[f.material.name, wire.id]]);

    const fork = await ownerB.catalog.designs.fork({ studioId: b.studio.id, id: f.design.id, catalogId, sku: "MY-RING" });
    const mine = await ownerB.catalog.designs.get({ studioId: b.studio.id, id: fork.id });
    expect(mine.current.steps.map((s) => s.stationId)).toEqual([bench.id, barrel.id]);
    // No duplicate stations or materials were made.
    expect((await ownerB.stations.list({ studioId: b.studio.id })).map((s) => s.id).sort()).toEqual([bench.id, barrel.id].sort());
    expect((await ownerB.materials.list({ studioId: b.studio.id })).map((m) => m.id)).toEqual([wire.id]);
    // 2 g and 3 g of wire are 1.286 and 1.929 dwt; variant SKUs follow the new design SKU.
    expect(mine.current.variants.map((v) => [v.sku, v.bomLines[0]!.materialId, v.bomLines[0]!.quantityMilli])).toEqual([
      ["MY-RING-SIZE6", wire.id, 1_286],
      ["MY-RING-SIZE9", wire.id, 1_929],
    ]);
    // Costed with B's own price and labour rate, never A's.
    expect(mine.current.variants[0]!.bomLines[0]!.unitCostCents).toBe(150);
    expect(await systemDb().design.findUniqueOrThrow({ where: { id: fork.id } })).toMatchObject({ studioId: b.studio.id, forkedFromVersionId: expect.any(String) });
  });

  it("asks when the kind is ambiguous or missing, and makes a new station or material only when asked", async () => {
    const { b, f, ownerB, catalogId } = await sharedDesign();
    const left = await ownerB.stations.create({ studioId: b.studio.id, station: { name: "Left bench", kind: "SOLDER_BENCH", ...attended } });
    await ownerB.stations.create({ studioId: b.studio.id, station: { name: "Right bench", kind: "SOLDER_BENCH", ...attended } });

    const plan = await ownerB.catalog.designs.forkPlan({ studioId: b.studio.id, id: f.design.id });
    expect(plan.stations.map((s) => [s.suggested, s.reason])).toEqual([
      [null, 'you have 2 "Solder bench" stations'],
      [null, 'you have no "Tumbler" station'],
    ]);
    expect(plan.stations[0]!.candidates.map((c) => c.name)).toEqual(["Left bench", "Right bench"]);
    expect(plan.materials[0]!.suggested).toBeNull();

    const before = await systemDb().station.count({ where: { studioId: b.studio.id } });
    await expect(ownerB.catalog.designs.fork({ studioId: b.studio.id, id: f.design.id, catalogId, sku: "MY-RING" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: 'Choose which of your stations does "Solder join" (solder bench) and "Tumble" (tumbler), or add a new one.',
    });
    const other = await makeStudio();
    const foreign = await callerFor(other.owner).stations.create({ studioId: other.studio.id, station: { name: "Theirs", kind: "SOLDER_BENCH", ...attended } });
    const [solder, tumbler] = plan.stations.map((s) => s.key);
    const material = plan.materials[0]!.key;
    expect(
      await errorCode(ownerB.catalog.designs.fork({ studioId: b.studio.id, id: f.design.id, catalogId, sku: "MY-RING", stations: { [solder!]: foreign.id, [tumbler!]: "new" }, materials: { [material]: "new" } })),
    ).toBe("NOT_FOUND");
    expect(await systemDb().station.count({ where: { studioId: b.studio.id } })).toBe(before);

    const fork = await ownerB.catalog.designs.fork({
      studioId: b.studio.id, id: f.design.id, catalogId, sku: "MY-RING",
      stations: { [solder!]: left.id, [tumbler!]: "new" },
      materials: { [material]: "new" },
    });
    const mine = await ownerB.catalog.designs.get({ studioId: b.studio.id, id: fork.id });
    const stations = await ownerB.stations.list({ studioId: b.studio.id });
    const made = stations.find((s) => s.name === f.tumbler.name)!;
    // The new tumbler runs unattended like the step says: its run time, loads of the step's largest batch.
    expect(made).toMatchObject({ kind: "TUMBLER", unattended: true, runSeconds: 7200, loadCapacity: 5 });
    expect(mine.current.steps.map((s) => s.stationId)).toEqual([left.id, made.id]);
    // A new material starts with no stock and no cost (the sharer's price is theirs).
    expect(await ownerB.materials.list({ studioId: b.studio.id })).toEqual([expect.objectContaining({ name: f.material.name, unit: "GRAM", onHandMilli: 0, unitCostCents: 0 })]);
  });
});
