import { describe, expect, it } from "vitest";
import { systemDb, withTenant } from "~/server/db";
import { callerFor, errorCode } from "../../helpers/caller";
import { makeStudio } from "../../helpers/factories";

const silver = { name: "Sterling sheet 22ga", category: "METAL" as const, alloy: "925", gauge: "22", unit: "GRAM" as const, unitCostCents: 95, reorderPointMilli: 20_000 };

describe("materials and the stock ledger", () => {
  it("keeps on-hand equal to the ledger: opening stock, receive, consume, adjust", async () => {
    const { studio, owner } = await makeStudio();
    const caller = callerFor(owner);
    const material = await caller.materials.create({ studioId: studio.id, material: silver, openingStockMilli: 50_000 });
    expect(material.onHandMilli).toBe(50_000);

    await caller.materials.recordMovement({ studioId: studio.id, materialId: material.id, kind: "RECEIVE", quantityMilli: 25_000, unitCostCents: 110, note: "Rio order" });
    await caller.materials.recordMovement({ studioId: studio.id, materialId: material.id, kind: "CONSUME", quantityMilli: 40_000 });
    await caller.materials.recordMovement({ studioId: studio.id, materialId: material.id, kind: "ADJUST", quantityMilli: -1_500, note: "Scrap" });

    const detail = await caller.materials.get({ studioId: studio.id, id: material.id });
    expect(detail.onHandMilli).toBe(33_500);
    expect(detail.unitCostCents).toBe(110);
    expect(detail.movements.map((m) => [m.kind, m.quantityMilli, m.balanceAfterMilli])).toEqual([
      ["ADJUST", -1_500, 33_500],
      ["CONSUME", -40_000, 35_000],
      ["RECEIVE", 25_000, 75_000],
      ["RECEIVE", 50_000, 50_000],
    ]);
    const sum = await systemDb().stockMovement.aggregate({ where: { materialId: material.id }, _sum: { quantityMilli: true } });
    expect(sum._sum.quantityMilli).toBe(33_500);

    // Low stock: 33.5 g is above the 20 g reorder point until more is consumed.
    expect(await caller.materials.list({ studioId: studio.id, lowStockOnly: true })).toHaveLength(0);
    await caller.materials.recordMovement({ studioId: studio.id, materialId: material.id, kind: "CONSUME", quantityMilli: 20_000 });
    expect((await caller.materials.list({ studioId: studio.id, lowStockOnly: true })).map((m) => m.id)).toEqual([material.id]);
  });

  it("refuses to consume more than is on hand and writes nothing", async () => {
    const { studio, owner } = await makeStudio();
    const caller = callerFor(owner);
    const material = await caller.materials.create({ studioId: studio.id, material: silver, openingStockMilli: 1_000 });
    await expect(
      caller.materials.recordMovement({ studioId: studio.id, materialId: material.id, kind: "CONSUME", quantityMilli: 2_000 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Not enough stock") });
    expect(await systemDb().stockMovement.count({ where: { materialId: material.id } })).toBe(1);
    expect((await caller.materials.get({ studioId: studio.id, id: material.id })).onHandMilli).toBe(1_000);
  });

  it("searches by name or alloy, and rejects duplicate names and stale edits", async () => {
    const { studio, owner } = await makeStudio();
    const caller = callerFor(owner);
    const m = await caller.materials.create({ studioId: studio.id, material: silver });
    await caller.materials.create({ studioId: studio.id, material: { ...silver, name: "Lobster clasp", category: "FINDING", alloy: "gold fill", gauge: null, unit: "PIECE" } });
    expect((await caller.materials.list({ studioId: studio.id, search: "GOLD" })).map((x) => x.name)).toEqual(["Lobster clasp"]);
    expect(await errorCode(caller.materials.create({ studioId: studio.id, material: silver }))).toBe("CONFLICT");
    await caller.materials.update({ studioId: studio.id, id: m.id, expectedVersion: 0, material: { ...silver, unitCostCents: 99 } });
    expect(await errorCode(caller.materials.update({ studioId: studio.id, id: m.id, expectedVersion: 0, material: silver }))).toBe("CONFLICT");
  });

  it("changes a material's unit only while nothing is counted in it", async () => {
    const { studio, owner } = await makeStudio();
    const caller = callerFor(owner);
    const fresh = await caller.materials.create({ studioId: studio.id, material: { ...silver, name: "Wire 20ga" } });
    const renamed = await caller.materials.update({ studioId: studio.id, id: fresh.id, expectedVersion: 0, material: { ...silver, name: "Wire 20ga", unit: "CENTIMETER" } });
    expect(renamed.unit).toBe("CENTIMETER");
    const stocked = await caller.materials.create({ studioId: studio.id, material: silver, openingStockMilli: 5_000 });
    await expect(caller.materials.update({ studioId: studio.id, id: stocked.id, expectedVersion: stocked.version, material: { ...silver, unit: "PENNYWEIGHT" } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "This material's stock and designs are counted in g, so its unit cannot change. Add a new material for the other unit.",
    });
    expect((await caller.materials.get({ studioId: studio.id, id: stocked.id })).unit).toBe("GRAM");
  });

  it("makes the ledger append-only for the app role: updates and deletes are refused by the database", async () => {
    const { studio, owner } = await makeStudio();
    const material = await callerFor(owner).materials.create({ studioId: studio.id, material: silver, openingStockMilli: 5_000 });
    await expect(withTenant(studio.id, (db) => db.stockMovement.updateMany({ data: { quantityMilli: 1 } }))).rejects.toThrow(/permission denied/i);
    await expect(withTenant(studio.id, (db) => db.stockMovement.deleteMany({}))).rejects.toThrow(/permission denied/i);
    expect(await systemDb().stockMovement.count({ where: { materialId: material.id } })).toBe(1);
  });
});
