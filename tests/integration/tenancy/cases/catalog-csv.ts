import { DESIGN_COLUMNS } from "~/features/catalog/csv";
import { systemDb } from "~/server/db";
import { makeCatalogFixture } from "../../../helpers/factories";
import type { Cast, IsolationCase } from "../cases";

// catalogCsv.*: every input is a valid file for studio A (it would write if the call got through).
const fixtures = new WeakMap<Cast, ReturnType<typeof makeCatalogFixture>>();
const fixture = (cast: Cast) => {
  if (!fixtures.has(cast)) fixtures.set(cast, makeCatalogFixture(cast.a.studio.id, cast.a.owner));
  return fixtures.get(cast)!;
};

const state = (studioId: string) => async () => ({
  materials: await systemDb().material.findMany({ where: { studioId }, orderBy: { id: "asc" } }),
  movements: await systemDb().stockMovement.count({ where: { studioId } }),
  designs: await systemDb().design.findMany({ where: { studioId }, orderBy: { id: "asc" } }),
  versions: await systemDb().designVersion.count({ where: { studioId } }),
  catalogs: await systemDb().catalog.count({ where: { studioId } }),
});

async function materialsCsv(cast: Cast) {
  const f = await fixture(cast);
  return `name,category,unit,unit_cost,on_hand\nHijacked wire,METAL,g,1,5\n"${f.material.name}",METAL,g,9,1\n`;
}

async function designsCsv(cast: Cast) {
  const f = await fixture(cast);
  const line = (cells: Record<string, string>) => DESIGN_COLUMNS.map((c) => JSON.stringify(cells[c] ?? "")).join(",");
  return [
    DESIGN_COLUMNS.join(","),
    line({ sku: "HIJACK-CSV", design_name: "Hijacked", catalogs: "Hijacked catalog", variant: "One", material: f.material.name, quantity: "1" }),
    line({ sku: "HIJACK-CSV", step: "1", step_name: "Solder", station: f.station.name, setup_min: "1", min_per_piece: "1" }),
  ].join("\n");
}

function csvCase(csv: ((cast: Cast) => Promise<string>) | null, call: IsolationCase["call"]): IsolationCase {
  return {
    arrange: async (cast) => {
      await fixture(cast);
      const input = csv ? { studioId: cast.a.studio.id, csv: await csv(cast) } : { studioId: cast.a.studio.id };
      return { input, recordInput: false, snapshot: state(cast.a.studio.id) };
    },
    call,
  };
}

export const catalogCsvCases: Record<string, IsolationCase> = {
  "catalogCsv.previewMaterials": csvCase(materialsCsv, (c, i) => c.catalogCsv.previewMaterials(i)),
  "catalogCsv.importMaterials": csvCase(materialsCsv, (c, i) => c.catalogCsv.importMaterials(i)),
  "catalogCsv.previewDesigns": csvCase(designsCsv, (c, i) => c.catalogCsv.previewDesigns(i)),
  "catalogCsv.importDesigns": csvCase(designsCsv, (c, i) => c.catalogCsv.importDesigns(i)),
  "catalogCsv.exportMaterials": csvCase(null, (c, i) => c.catalogCsv.exportMaterials(i)),
  "catalogCsv.exportDesigns": csvCase(null, (c, i) => c.catalogCsv.exportDesigns(i)),
};
