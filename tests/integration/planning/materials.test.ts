import { describe, expect, it } from "vitest";
import { callerFor } from "../../helpers/caller";
import { addMember, makeStudio } from "../../helpers/factories";
import { dueIn, planNow, planningWorld, wideRange } from "./fixtures";

// Materials per step (issue 13 item 8): a BOM line is used at the step that needs it. The cut list holds
// what is cut before the first step (no findings), a batch sheet what its step uses, and completing a batch
// consumes its step's materials for the pieces that went through it. Family batches are named after all
// the steps they hold.

async function studioWithTwoDesigns() {
  const { studio, owner } = await makeStudio();
  const assistant = await addMember(studio.id, "ASSISTANT");
  const api = callerFor(owner);
  const s = { studioId: studio.id };
  const station = (name: string, kind: "OTHER" | "SOLDER_BENCH" | "POLISHING") =>
    api.stations.create({ ...s, station: { name, kind, count: 1, unattended: false, loadCapacity: null, runSeconds: null } });
  const [bench, solder, polish] = [await station("Bench", "OTHER"), await station("Solder bench", "SOLDER_BENCH"), await station("Polisher", "POLISHING")];
  const wire = await api.materials.create({ ...s, material: { name: "Wire 18ga", category: "METAL", alloy: "925", gauge: "18", unit: "GRAM", unitCostCents: 100, reorderPointMilli: 0 }, openingStockMilli: 100_000 });
  const rings = await api.materials.create({ ...s, material: { name: "Jump rings", category: "FINDING", alloy: null, gauge: null, unit: "PIECE", unitCostCents: 10, reorderPointMilli: 0 }, openingStockMilli: 50_000 });
  const catalogs = await api.catalog.list(s);
  const catalogId = catalogs.find((c) => c.own)?.id ?? (await api.catalog.create({ ...s, catalog: { name: "Core", description: "" } })).id;
  const step = (name: string, stationId: string, family: string | null) => ({
    name, stationId, setupSeconds: 600, secondsPerPiece: 120, batchable: family !== null, batchFamily: family, maxBatchSize: null, unattendedRunSeconds: null,
  });
  const design = (name: string, sku: string, solderStep: string, bom: Array<{ materialId: string; quantityMilli: number; stepPosition: number | null }>) =>
    api.catalog.designs.create({
      ...s,
      design: {
        name, sku, description: "", photoUrl: null, catalogIds: [catalogId],
        variants: [{ name: "One", bom, overrides: [] }],
        steps: [step("Cut", bench.id, "cut"), step(solderStep, solder.id, "hard-solder"), step("Polish", polish.id, "polish")],
      },
    });
  await design("Pendant", "PEND", "Solder jump ring", [{ materialId: wire.id, quantityMilli: 2_000, stepPosition: null }, { materialId: rings.id, quantityMilli: 1_000, stepPosition: 1 }]);
  await design("Ring", "RING", "Solder seam", [{ materialId: wire.id, quantityMilli: 3_000, stepPosition: 0 }]);
  const variants = await api.order.orderableVariants(s);
  const order = await api.order.create({
    ...s,
    order: {
      kind: "CUSTOMER", customerName: "Ana", notes: "",
      lines: [
        { variantId: variants.find((v) => v.designName === "Pendant")!.variantId, quantity: 4, dueDate: dueIn(5) },
        { variantId: variants.find((v) => v.designName === "Ring")!.variantId, quantity: 3, dueDate: dueIn(5) },
      ],
    },
  });
  await planNow(api, studio.id);
  const batches = (await api.planning.currentPlan({ ...s, ...wideRange() })).batches;
  return { studio, owner, assistant, api, s, wire, rings, order, batches };
}

describe("materials per step", () => {
  it("lists only what is cut on the cut list, each step's materials on its sheet, and names family batches after all their steps", async () => {
    const w = await studioWithTwoDesigns();
    const cut = await w.api.planning.cutList({ ...w.s, ...wideRange() });
    // 4 × 2 g + 3 × 3 g of wire; the jump rings are soldered on later, not cut.
    expect(cut.materials.map((m) => [m.name, m.requiredMilli])).toEqual([["Wire 18ga", 17_000]]);
    const solder = w.batches.find((b) => b.family === "hard-solder")!;
    expect(solder.stepName).toBe("Solder jump ring / Solder seam");
    const sheet = await w.api.planning.batchSheet({ ...w.s, batchId: solder.id });
    expect(sheet.materials.map((m) => [m.name, m.requiredMilli])).toEqual([["Jump rings", 4_000]]);
  });

  it("consumes each step's materials when its batch completes, for the pieces that went through it, with a readable ledger note", async () => {
    const w = await studioWithTwoDesigns();
    const me = callerFor(w.assistant);
    const complete = async (batchId: string, done: number, scrapped: number) => {
      const work = await me.bench.claim({ ...w.s, batchId });
      await me.bench.report({ ...w.s, batchId, piecesDone: done, piecesScrapped: scrapped, ...(scrapped ? { scrapReason: "Cracked" } : {}) });
      await me.bench.complete({ ...w.s, batchId, expectedVersion: work.version });
    };
    const stock = async () => Object.fromEntries((await w.api.materials.list({ ...w.s })).map((m) => [m.name, m.onHandMilli]));
    await complete(w.batches.find((b) => b.family === "cut")!.id, 7, 0);
    expect(await stock()).toMatchObject({ "Wire 18ga": 100_000 - 17_000, "Jump rings": 50_000 });
    // One pendant scrapped at soldering: its jump ring was used too; the ring design uses none.
    await complete(w.batches.find((b) => b.family === "hard-solder")!.id, 6, 1);
    expect(await stock()).toMatchObject({ "Wire 18ga": 83_000, "Jump rings": 46_000 });
    const { movements } = await w.api.materials.get({ ...w.s, id: w.rings.id });
    expect(movements.find((m) => m.kind === "CONSUME")!.note).toBe(`Solder jump ring / Solder seam: 7 pieces for order #${w.order.number}, completed by ${w.assistant.name}`);
  });

  it("computes the cut list for the first step: BOM × pieces per material and per piece, with shortage", async () => {
    const world = await planningWorld({ size6: 6, size9: 4 });
    await planNow(world.caller, world.studio.id);
    const { studio, caller } = world;
    const list = await caller.planning.cutList({ studioId: studio.id, ...wideRange() });
    // Size 6: 2 g each × 6, Size 9: 3 g each × 4 = 24 g of the fixture's 18ga wire (100 g on hand).
    expect(list.materials).toHaveLength(1);
    expect(list.materials[0]).toMatchObject({ alloy: "925", gauge: "18", unit: "GRAM", requiredMilli: 24_000, onHandMilli: 100_000, shortageMilli: 0 });
    // Per piece: 4 pieces take 3 g each, 6 pieces 2 g each.
    expect(list.materials[0]!.cuts).toEqual([{ quantityMilli: 3_000, pieces: 4 }, { quantityMilli: 2_000, pieces: 6 }]);
    expect(list.designs.map((d) => [d.variant, d.pieces])).toEqual([
      ["Size 6", 6],
      ["Size 9", 4],
    ]);
    const big = await planningWorld({ size6: 20, size9: 30 });
    await planNow(big.caller, big.studio.id);
    const bigList = await big.caller.planning.cutList({ studioId: big.studio.id, ...wideRange() });
    // 20 × 2 g + 30 × 3 g = 130 g needed, 100 g on hand -> 30 g short.
    expect(bigList.materials[0]).toMatchObject({ requiredMilli: 130_000, shortageMilli: 30_000 });

    const batch = (await caller.planning.currentPlan({ studioId: studio.id, ...wideRange() })).batches.find((b) => b.stepName === "Solder join")!;
    const sheet = await caller.planning.batchSheet({ studioId: studio.id, batchId: batch.id });
    expect(sheet.batch.items.reduce((s, i) => s + i.pieces, 0)).toBe(10);
    expect(sheet.routings[0]!.steps.map((s) => s.name)).toEqual(["Solder join", "Tumble"]);
    expect(sheet.materials[0]!.requiredMilli).toBe(24_000);
  });
});
