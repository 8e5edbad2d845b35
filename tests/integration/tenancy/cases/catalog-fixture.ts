import { systemDb } from "~/server/db";
import { DESIGN_COLUMNS } from "~/features/catalog/csv-layout";
import { makeCatalogFixture } from "../../../helpers/factories";
import type { Cast, IsolationCase } from "../cases";

// The catalog, materials and stations cases share one fixture in studio A per cast, reused by every case:
// denied calls never change it (each case checks).
const fixtures = new WeakMap<Cast, ReturnType<typeof makeCatalogFixture>>();
export const fixture = (cast: Cast) => {
  if (!fixtures.has(cast)) fixtures.set(cast, makeCatalogFixture(cast.a.studio.id, cast.a.owner));
  return fixtures.get(cast)!;
};

export const db = () => systemDb();
export const designState = (studioId: string) => async () => ({
  designs: await db().design.findMany({ where: { studioId }, orderBy: { id: "asc" } }),
  versions: await db().designVersion.count({ where: { studioId } }),
  // Uses of A's versions, whichever studio recorded them (a studio using a shared design records its own).
  uses: await db().designVersionUse.count({ where: { designVersion: { studioId } } }),
});

export function readCase(build: (f: Awaited<ReturnType<typeof makeCatalogFixture>>, cast: Cast) => Record<string, unknown>, recordInput: boolean, call: IsolationCase["call"]): IsolationCase {
  return {
    arrange: async (cast) => {
      const f = await fixture(cast);
      return { input: { studioId: cast.a.studio.id, ...build(f, cast) }, recordInput, snapshot: designState(cast.a.studio.id) };
    },
    call,
  };
}

// The CSV imports and exports: every input is a valid file for studio A (it would write if the call got through).
const state = (studioId: string) => async () => ({
  materials: await db().material.findMany({ where: { studioId }, orderBy: { id: "asc" } }),
  movements: await db().stockMovement.count({ where: { studioId } }),
  designs: await db().design.findMany({ where: { studioId }, orderBy: { id: "asc" } }),
  versions: await db().designVersion.count({ where: { studioId } }),
  catalogs: await db().catalog.count({ where: { studioId } }),
});

export async function materialsCsv(cast: Cast) {
  const f = await fixture(cast);
  return `name,category,unit,unit_cost,on_hand\nHijacked wire,METAL,g,1,5\n"${f.material.name}",METAL,g,9,1\n`;
}

export async function designsCsv(cast: Cast) {
  const f = await fixture(cast);
  const line = (cells: Record<string, string>) => DESIGN_COLUMNS.map((c) => JSON.stringify(cells[c] ?? "")).join(",");
  return [
    DESIGN_COLUMNS.join(","),
    line({ sku: "HIJACK-CSV", design_name: "Hijacked", catalogs: "Hijacked catalog", variant: "One", material: f.material.name, quantity: "1" }),
    line({ sku: "HIJACK-CSV", step: "1", step_name: "Solder", station: f.station.name, setup_min: "1", min_per_piece: "1" }),
  ].join("\n");
}

export function csvCase(csv: ((cast: Cast) => Promise<string>) | null, call: IsolationCase["call"]): IsolationCase {
  return {
    arrange: async (cast) => {
      await fixture(cast);
      const input = csv ? { studioId: cast.a.studio.id, csv: await csv(cast) } : { studioId: cast.a.studio.id };
      return { input, recordInput: false, snapshot: state(cast.a.studio.id) };
    },
    call,
  };
}

