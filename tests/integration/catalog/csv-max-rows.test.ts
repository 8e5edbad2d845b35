import { describe, expect, it } from "vitest";
import { designsFile, etsyOrdersFile, IMPORT_MAX_ROWS, materialsFile } from "~/server/demo/import-files";
import { systemDb } from "~/server/db";
import { callerFor } from "../../helpers/caller";
import { makeCatalogFixture, makeStudio } from "../../helpers/factories";

// The documented maximum of every CSV import (5,000 rows), all or nothing: a bad last row refuses the whole
// file with the row named and writes nothing; the same file fixed imports every row in one request.
const lastRow = IMPORT_MAX_ROWS + 1; // the header is row 1
const replaceLastLine = (csv: string, edit: (line: string) => string) => {
  const lines = csv.split("\n");
  lines[lines.length - 1] = edit(lines.at(-1)!);
  return lines.join("\n");
};

async function counts(studioId: string) {
  const db = systemDb();
  return {
    materials: await db.material.count({ where: { studioId } }),
    movements: await db.stockMovement.count({ where: { studioId } }),
    designs: await db.design.count({ where: { studioId } }),
    versions: await db.designVersion.count({ where: { studioId } }),
    variants: await db.designVariant.count({ where: { studioId } }),
    steps: await db.routingStep.count({ where: { studioId } }),
    catalogs: await db.catalog.count({ where: { studioId } }),
    orders: await db.order.count({ where: { studioId } }),
    lines: await db.orderLine.count({ where: { studioId } }),
  };
}

describe("CSV imports at the documented maximum (5,000 rows)", () => {
  it("materials, designs and orders: a bad last row writes nothing; the fixed file imports every row", async () => {
    const { studio, owner } = await makeStudio();
    const f = await makeCatalogFixture(studio.id, owner);
    // 500 designs at once: the plan without a design limit.
    await systemDb().studioSubscription.update({ where: { studioId: studio.id }, data: { plan: "WORKSHOP", status: "active" } });
    const caller = callerFor(owner);
    const studioId = studio.id;
    const before = await counts(studioId);

    const materials = materialsFile(IMPORT_MAX_ROWS, "Wire");
    const badMaterials = replaceLastLine(materials, (line) => line.replace(",pcs,", ",furlong,"));
    await expect(caller.materials.importCsv({ studioId, csv: badMaterials })).rejects.toMatchObject({
      code: "BAD_REQUEST", message: expect.stringMatching(new RegExp(`Nothing was imported: 1 row need fixing \\(row ${lastRow}: Unit "furlong"`)),
    });
    expect(await counts(studioId)).toEqual(before);
    expect(await caller.materials.importCsv({ studioId, csv: materials })).toEqual({ created: IMPORT_MAX_ROWS, updated: 0 });
    // Half of them come with stock on hand: one opening RECEIVE each, balance equal to the ledger.
    expect((await counts(studioId)).movements).toBe(before.movements + IMPORT_MAX_ROWS / 2);
    const wire1 = await systemDb().material.findFirstOrThrow({ where: { studioId, name: "Wire 1" } });
    expect(wire1).toMatchObject({ unit: "GRAM", onHandMilli: 100_000, unitCostCents: 10, version: 0 });

    // The same file again updates every material by name (version bump), and a changed stock is adjusted.
    const recount = materials.replace(/^Wire 1,METAL,925,,g,0\.10,10,100$/m, "Wire 1,METAL,925,,g,0.10,10,80");
    expect(recount).not.toBe(materials);
    expect(await caller.materials.importCsv({ studioId, csv: recount })).toEqual({ created: 0, updated: IMPORT_MAX_ROWS });
    expect(await systemDb().material.findFirstOrThrow({ where: { id: wire1.id } })).toMatchObject({ onHandMilli: 80_000, version: 1 });
    expect(await systemDb().stockMovement.findMany({ where: { materialId: wire1.id, kind: "ADJUST" }, select: { quantityMilli: true, balanceAfterMilli: true } })).toEqual([
      { quantityMilli: -20_000, balanceAfterMilli: 80_000 },
    ]);

    const stations = [f.station.name, f.tumbler.name];
    const designs = designsFile({ rows: IMPORT_MAX_ROWS, prefix: "IMP", stations, materials: ["Wire 1", "Wire 3"] });
    const afterMaterials = await counts(studioId);
    const badDesigns = replaceLastLine(designs.csv, (line) => line.replace(f.tumbler.name, "Nowhere").replace(f.station.name, "Nowhere"));
    expect(badDesigns).not.toBe(designs.csv);
    await expect(caller.catalog.designs.importCsv({ studioId, csv: badDesigns })).rejects.toMatchObject({
      code: "BAD_REQUEST", message: expect.stringContaining(`row ${lastRow}: Unknown station "Nowhere"`),
    });
    expect(await counts(studioId)).toEqual(afterMaterials);
    expect(await caller.catalog.designs.importCsv({ studioId, csv: designs.csv })).toEqual({ created: 500, versioned: 0, catalogsCreated: 1 });
    const afterDesigns = await counts(studioId);
    expect(afterDesigns).toMatchObject({ designs: afterMaterials.designs + 500, versions: afterMaterials.versions + 500, variants: afterMaterials.variants + 2000, steps: afterMaterials.steps + 3000 });
    const variant = await systemDb().designVariant.findFirstOrThrow({ where: { studioId, sku: "IMP-7-V2" }, include: { bomLines: true, designVersion: { include: { steps: { orderBy: { position: "asc" } } } } } });
    expect(variant.bomLines).toMatchObject([{ materialName: "Wire 3", quantityMilli: 3000, unitCostCents: 30 }]);
    expect(variant.designVersion.steps.map((s) => [s.position, s.stationName])).toEqual([0, 1, 2, 3, 4, 5].map((p) => [p, stations[p % 2]]));
    expect(variant.standardCostCents).toBe(variant.materialCostCents + variant.labourCostCents);

    const dueDate = "2030-06-01";
    const ordersCsv = etsyOrdersFile(IMPORT_MAX_ROWS, "ETSY", designs.variantSkus);
    const badOrders = replaceLastLine(ordersCsv, (line) => line.replace(/[^,]+$/, "NO-SUCH-SKU"));
    await expect(caller.order.importCommit({ studioId, csv: badOrders, dueDate, kind: "CUSTOMER" })).rejects.toMatchObject({
      code: "BAD_REQUEST", message: expect.stringContaining(`row ${lastRow}: Unknown SKU "NO-SUCH-SKU"`),
    });
    expect(await counts(studioId)).toEqual(afterDesigns);
    const imported = await caller.order.importCommit({ studioId, csv: ordersCsv, dueDate, kind: "CUSTOMER" });
    expect({ created: imported.created, skipped: imported.skipped }).toEqual({ created: 1000, skipped: 0 });
    expect(await counts(studioId)).toMatchObject({ orders: afterDesigns.orders + 1000, lines: afterDesigns.lines + IMPORT_MAX_ROWS });
    const numbers = imported.orders.map((o) => o.number);
    expect(new Set(numbers).size).toBe(1000);
    expect(Math.max(...numbers) - Math.min(...numbers)).toBe(999);
    const order = await systemDb().order.findFirstOrThrow({ where: { studioId, externalRef: "ETSY-2" }, include: { lines: { orderBy: { position: "asc" } } } });
    expect(order).toMatchObject({ source: "ETSY", customerName: "Buyer 2", kind: "CUSTOMER", version: 0 });
    expect(order.lines.map((l) => [l.position, l.sku, l.quantity])).toEqual([[0, designs.variantSkus[5], 2], [1, designs.variantSkus[6], 3], [2, designs.variantSkus[7], 4], [3, designs.variantSkus[8], 1], [4, designs.variantSkus[9], 2]]);
    // The same export again: every order is already there, nothing is created.
    expect((await caller.order.importCommit({ studioId, csv: ordersCsv, dueDate, kind: "CUSTOMER" })).created).toBe(0);
  });
});
