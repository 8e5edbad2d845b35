import type { IsolationCase } from "../cases";
import { csvCase, db, fixture, materialsCsv, readCase } from "./catalog-fixture";

const materialState = (id: string) => async () => ({
  material: await db().material.findUniqueOrThrow({ where: { id } }),
  movements: await db().stockMovement.count({ where: { materialId: id } }),
});
const materialFields = { name: "Hijacked", category: "OTHER", alloy: null, gauge: null, unit: "PIECE", unitCostCents: 1, reorderPointMilli: 0 };

export const materialCases: Record<string, IsolationCase> = {
  "materials.list": readCase(() => ({}), false, (c, i) => c.materials.list(i)),
  "materials.get": readCase((f) => ({ id: f.material.id }), true, (c, i) => c.materials.get(i)),
  "materials.create": {
    arrange: async (cast) => ({ input: { studioId: cast.a.studio.id, material: materialFields }, recordInput: false, snapshot: () => db().material.count({ where: { studioId: cast.a.studio.id } }) }),
    call: (c, i) => c.materials.create(i),
  },
  "materials.update": {
    arrange: async (cast) => {
      const { material } = await fixture(cast);
      return { input: { studioId: cast.a.studio.id, id: material.id, expectedVersion: material.version, material: materialFields }, recordInput: true, snapshot: materialState(material.id) };
    },
    call: (c, i) => c.materials.update(i),
  },
  "materials.recordMovement": {
    arrange: async (cast) => {
      const { material } = await fixture(cast);
      return { input: { studioId: cast.a.studio.id, materialId: material.id, kind: "CONSUME", quantityMilli: 1000 }, recordInput: true, snapshot: materialState(material.id) };
    },
    call: (c, i) => c.materials.recordMovement(i),
  },
  "materials.previewCsv": csvCase(materialsCsv, (c, i) => c.materials.previewCsv(i)),
  "materials.importCsv": csvCase(materialsCsv, (c, i) => c.materials.importCsv(i)),
  "materials.exportCsv": csvCase(null, (c, i) => c.materials.exportCsv(i)),
};
