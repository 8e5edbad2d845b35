import { describe, expect, it } from "vitest";
import { DESIGN_COLUMNS, DESIGNS_TEMPLATE } from "~/features/catalog/csv-layout";
import { MATERIALS_TEMPLATE } from "~/features/materials/csv-layout";
import { systemDb } from "~/server/db";
import { callerFor, errorCode } from "../../helpers/caller";
import { makeCatalogFixture, makeStudio } from "../../helpers/factories";

async function setup() {
  const { studio, owner } = await makeStudio();
  const f = await makeCatalogFixture(studio.id, owner);
  return { studio, owner, f, caller: callerFor(owner) };
}

const counts = async (studioId: string) => ({
  materials: await systemDb().material.findMany({ where: { studioId }, orderBy: { id: "asc" } }),
  movements: await systemDb().stockMovement.count({ where: { studioId } }),
  designs: await systemDb().design.findMany({ where: { studioId }, orderBy: { id: "asc" } }),
  versions: await systemDb().designVersion.count({ where: { studioId } }),
  catalogs: await systemDb().catalog.count({ where: { studioId } }),
});

const header = DESIGN_COLUMNS.join(",");
/** One designs-CSV line from named cells. */
const line = (cells: Partial<Record<(typeof DESIGN_COLUMNS)[number], string>>) => DESIGN_COLUMNS.map((c) => JSON.stringify(cells[c] ?? "")).join(",");

describe("catalog CSV", () => {
  it("round-trips: export, import into a second studio, and that studio exports the same files", async () => {
    const a = await setup();
    const materialsCsv = (await a.caller.materials.exportCsv({ studioId: a.studio.id })).csv;
    const designsCsv = (await a.caller.catalog.designs.exportCsv({ studioId: a.studio.id })).csv;
    expect(designsCsv.split("\n")).toHaveLength(1 + 2 + 2); // header, two variant rows, two step rows
    expect(designsCsv).toContain(",1=6,"); // Size 9's override of step 1 (steps are numbered from 1)

    const b = await makeStudio();
    const bc = callerFor(b.owner);
    for (const station of [a.f.station, a.f.tumbler]) {
      const { id: _id, version: _v, archivedAt: _a, ...fields } = station;
      await bc.stations.create({ studioId: b.studio.id, station: fields });
    }
    expect(await bc.materials.importCsv({ studioId: b.studio.id, csv: materialsCsv })).toEqual({ created: 1, updated: 0 });
    const preview = await bc.catalog.designs.previewCsv({ studioId: b.studio.id, csv: designsCsv });
    expect(preview).toMatchObject({ errorCount: 0, newCatalogs: [a.f.catalog.name], designs: [{ sku: expect.stringMatching(/^RING-/), action: "create", variantCount: 2, stepCount: 2 }] });
    expect(await bc.catalog.designs.importCsv({ studioId: b.studio.id, csv: designsCsv })).toEqual({ created: 1, versioned: 0, catalogsCreated: 1 });

    expect((await bc.materials.exportCsv({ studioId: b.studio.id })).csv).toBe(materialsCsv);
    expect((await bc.catalog.designs.exportCsv({ studioId: b.studio.id })).csv).toBe(designsCsv);
    // Opening stock went through the ledger; costs were computed by the normal publish.
    expect(await systemDb().stockMovement.findMany({ where: { studioId: b.studio.id }, select: { kind: true, quantityMilli: true } })).toEqual([{ kind: "RECEIVE", quantityMilli: 100_000 }]);
    const [design] = await bc.catalog.designs.list({ studioId: b.studio.id });
    expect(design).toMatchObject({ version: 1, variantCount: 2, stepCount: 2, minCostCents: 515, maxCostCents: 710 });
  });

  it("re-importing an existing SKU publishes a new version; re-importing materials updates them by name", async () => {
    const { studio, f, caller } = await setup();
    const designsCsv = (await caller.catalog.designs.exportCsv({ studioId: studio.id })).csv.replace(/,Size 6,(.*?),2,/, ",Size 6,$1,2.5,");
    expect((await caller.catalog.designs.previewCsv({ studioId: studio.id, csv: designsCsv })).designs).toMatchObject([{ action: "new version", nextVersion: 2 }]);
    expect(await caller.catalog.designs.importCsv({ studioId: studio.id, csv: designsCsv })).toMatchObject({ created: 0, versioned: 1 });
    const design = await caller.catalog.designs.get({ studioId: studio.id, id: f.design.id });
    expect(design.version).toBe(2);
    expect(design.current.variants[0]!.bomLines[0]!.quantityMilli).toBe(2_500);
    expect(design.catalogs.map((c) => c.id)).toEqual([f.catalog.id]);

    const materialsCsv = `name,category,unit,unit_cost,on_hand\n${f.material.name.toUpperCase()},METAL,g,$1.10,80\nBrass sheet,metal,GRAM,0.3,\n`;
    expect(await caller.materials.importCsv({ studioId: studio.id, csv: materialsCsv })).toEqual({ created: 1, updated: 1 });
    const material = await systemDb().material.findUniqueOrThrow({ where: { id: f.material.id } });
    expect(material).toMatchObject({ name: f.material.name, unitCostCents: 110, onHandMilli: 80_000, version: f.material.version + 1 });
    expect(await systemDb().stockMovement.findFirst({ where: { materialId: f.material.id }, orderBy: { createdAt: "desc" } })).toMatchObject({ kind: "ADJUST", quantityMilli: -20_000, balanceAfterMilli: 80_000 });
  });

  it("previews every row with its errors", async () => {
    const { studio, f, caller } = await setup();
    const csv = [
      header,
      line({ sku: "NEW-1", design_name: "Hoop", variant: "Small", material: "Unobtainium", quantity: "1" }),
      line({ sku: "NEW-1", variant: "Large", material: f.material.name, quantity: "2,5" }),
      line({ sku: "NEW-1", step: "1", step_name: "Cut", station: "Laser", setup_min: "5", min_per_piece: "1" }),
      line({ sku: "NEW-1", step: "1", step_name: "Solder", station: f.station.name, setup_min: "5", min_per_piece: "x" }),
      line({ design_name: "No SKU", variant: "One" }),
      line({ sku: "NEW-2", design_name: "Fine", variant: "One", material: f.material.name, quantity: "1" }),
      line({ sku: "NEW-2", step: "1", step_name: "Solder", station: f.station.name, setup_min: "5", min_per_piece: "1" }),
    ].join("\n");
    const preview = await caller.catalog.designs.previewCsv({ studioId: studio.id, csv });
    const errors = Object.fromEntries(preview.rows.map((r) => [r.row, r.errors.join(" | ")]));
    expect(errors[2]).toContain('Unknown material "Unobtainium"');
    expect(errors[3]).toContain('"2,5" is not a number');
    expect(errors[4]).toContain('Unknown station "Laser"');
    expect(errors[5]).toMatch(/Step 1 of NEW-1 is already on row 4.*|"x" is not a number/);
    expect(errors[6]).toBe("Missing sku");
    expect(errors[7]).toBe("");
    expect(preview.errorCount).toBe(5);
    expect(preview.designs.map((d) => d.sku)).toEqual(["NEW-2"]);

    const materials = await caller.materials.previewCsv({ studioId: studio.id, csv: "name,category,unit,unit_cost\nWire,METAL,kg,1\nWire,METAL,g,1\nBead,STONE,pcs,abc\n" });
    expect(materials.rows.map((r) => r.errors[0] ?? "")).toEqual([expect.stringContaining('Unit "kg"'), '"Wire" is also on row 2', expect.stringContaining('"abc" is not a number')]);
    await expect(caller.materials.previewCsv({ studioId: studio.id, csv: "name,unit\nWire,g\n" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("missing the columns category, unit_cost") });
  });

  it("is all or nothing: one bad row refuses the whole file and nothing is written", async () => {
    const { studio, f, caller } = await setup();
    const before = await counts(studio.id);
    const csv = [
      header,
      line({ sku: "OK-1", design_name: "Fine", catalogs: "Brand new catalog", variant: "One", material: f.material.name, quantity: "1" }),
      line({ sku: "OK-1", step: "1", step_name: "Solder", station: f.station.name, setup_min: "5", min_per_piece: "1" }),
      line({ sku: "BAD-1", design_name: "Broken", variant: "One", material: "Nope", quantity: "1" }),
      line({ sku: "BAD-1", step: "1", step_name: "Solder", station: f.station.name, setup_min: "5", min_per_piece: "1" }),
    ].join("\n");
    await expect(caller.catalog.designs.importCsv({ studioId: studio.id, csv })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining('Nothing was imported: 1 row need fixing (row 4: Unknown material "Nope"'),
    });
    const materials = `name,category,unit,unit_cost,on_hand\nNew wire,METAL,g,1,10\n${f.material.name},METAL,g,2,1\nBad,METAL,g,-1,\n`;
    expect(await errorCode(caller.materials.importCsv({ studioId: studio.id, csv: materials }))).toBe("BAD_REQUEST");
    expect(await counts(studio.id)).toEqual(before);
  });

  it("limits the file size and row count, and the templates preview cleanly once stations and materials exist", async () => {
    const { studio, caller } = await setup();
    const big = `name,category,unit,unit_cost\n${"x".repeat(1_000_001)}`;
    await expect(caller.materials.previewCsv({ studioId: studio.id, csv: big })).rejects.toMatchObject({ message: expect.stringContaining("larger than 1 MB") });
    const many = `name,category,unit,unit_cost\n${Array.from({ length: 5001 }, (_, i) => `M${i},METAL,g,1`).join("\n")}`;
    await expect(caller.materials.previewCsv({ studioId: studio.id, csv: many })).rejects.toMatchObject({ message: expect.stringContaining("at most 5,000 rows") });

    await caller.materials.importCsv({ studioId: studio.id, csv: MATERIALS_TEMPLATE });
    for (const name of ["Solder bench", "Tumbler"]) {
      await caller.stations.create({ studioId: studio.id, station: { name, kind: "OTHER", count: 1, unattended: false, loadCapacity: null, runSeconds: null } });
    }
    expect(await caller.catalog.designs.previewCsv({ studioId: studio.id, csv: DESIGNS_TEMPLATE })).toMatchObject({ errorCount: 0, designs: [{ sku: "RING-1", variantCount: 2, stepCount: 2 }] });
  });
});
