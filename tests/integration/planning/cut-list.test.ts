import { describe, expect, it } from "vitest";
import { callerFor } from "../../helpers/caller";
import { designInput, makeCatalogFixture, makeStudio, shareAccepted } from "../../helpers/factories";
import { inDays } from "../orders/fixtures";
import { planNow, wideRange } from "./fixtures";

describe("cut list across units", () => {
  it("counts a shared design's wire in inches against this studio's wire in millimetres, per piece and in total", async () => {
    const a = await makeStudio();
    const b = await makeStudio();
    const f = await makeCatalogFixture(a.studio.id, a.owner);
    const ownerA = callerFor(a.owner);
    const wireIn = await ownerA.materials.create({ studioId: a.studio.id, material: { name: "Round wire 20ga", category: "METAL", alloy: null, gauge: "20", unit: "INCH", unitCostCents: 40, reorderPointMilli: 0 } });
    const input = designInput({ catalogId: f.catalog.id, stationId: f.station.id, tumblerId: f.tumbler.id, materialId: wireIn.id, sku: "LOOP" });
    await ownerA.catalog.designs.create({ studioId: a.studio.id, design: { ...input, name: "Wire loop", variants: [{ name: "One", bom: [{ materialId: wireIn.id, quantityMilli: 2_500 }], overrides: [] }] } });
    await shareAccepted({ studioId: a.studio.id, owner: a.owner }, f.catalog.id, { studioId: b.studio.id, slug: b.studio.slug, owner: b.owner });

    const ownerB = callerFor(b.owner);
    const attended = { count: 1, unattended: false, loadCapacity: null, runSeconds: null };
    await ownerB.stations.create({ studioId: b.studio.id, station: { name: "Bench", kind: "SOLDER_BENCH", ...attended } });
    await ownerB.stations.create({ studioId: b.studio.id, station: { name: "Barrel", kind: "TUMBLER", count: 1, unattended: true, loadCapacity: 50, runSeconds: 3600 } });
    const wireMm = await ownerB.materials.create({ studioId: b.studio.id, material: { name: "round WIRE 20ga", category: "METAL", alloy: null, gauge: "20", unit: "MILLIMETER", unitCostCents: 2, reorderPointMilli: 0 }, openingStockMilli: 100_000 });
    const loop = (await ownerB.order.orderableVariants({ studioId: b.studio.id })).find((v) => v.designName === "Wire loop")!;
    await ownerB.order.create({ studioId: b.studio.id, order: { kind: "CUSTOMER", customerName: "C", notes: "", lines: [{ variantId: loop.variantId, quantity: 3, dueDate: inDays(9) }] } });
    await planNow(ownerB, b.studio.id);

    const list = await ownerB.planning.cutList({ studioId: b.studio.id, ...wideRange() });
    // 2.5 in = 63.5 mm per piece; 3 pieces = 190.5 mm of the 100 mm on hand -> 90.5 mm short.
    expect(list.materials).toEqual([
      expect.objectContaining({ materialId: wireMm.id, unit: "MILLIMETER", cuts: [{ quantityMilli: 63_500, pieces: 3 }], requiredMilli: 190_500, onHandMilli: 100_000, shortageMilli: 90_500 }),
    ]);
  });
});
