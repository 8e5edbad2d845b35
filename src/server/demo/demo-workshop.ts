import { addDays, studioToday } from "~/server/time-zone";
import type { createCaller } from "~/server/trpc/root";

// The demo studio's workshop: stations, materials, designs whose steps share batch families, a few orders,
// and a first plan. Everything goes through the same procedures as the UI, so it is validated the same way:
// in-process for the seeds (seed-demo-content.ts), over HTTP for the browser tests' own studios (e2e/studio.ts).
// No server-only imports at run time here, so the browser tests can load it.

export type StudioApi = ReturnType<typeof createCaller>;

const minutes = (value: number) => Math.round(value * 60);
const grams = (value: number) => Math.round(value * 1000);

/** Fills `studioId` with the demo workshop as the caller behind `api` (an owner); `runPlanner` runs the queued plan. */
export async function fillDemoWorkshop(api: StudioApi, studioId: string, runPlanner: () => Promise<unknown>) {
  const s = { studioId };

  const station = async (name: string, kind: "SOLDER_BENCH" | "STAMPING" | "TUMBLER" | "PICKLE" | "POLISHING" | "OTHER", extra: { unattended?: boolean; loadCapacity?: number; runSeconds?: number } = {}) =>
    api.stations.create({ ...s, station: { name, kind, count: 1, unattended: extra.unattended ?? false, loadCapacity: extra.loadCapacity ?? null, runSeconds: extra.runSeconds ?? null } });
  const bench = await station("Cutting & sawing bench", "OTHER");
  const stamping = await station("Stamping block", "STAMPING");
  const solder = await station("Solder bench", "SOLDER_BENCH");
  const pickle = await station("Pickle pot", "PICKLE", { unattended: true, loadCapacity: 40, runSeconds: minutes(10) });
  const tumbler = await station("Rotary tumbler", "TUMBLER", { unattended: true, loadCapacity: 60, runSeconds: minutes(120) });
  const polish = await station("Polishing motor", "POLISHING");

  const material = async (name: string, category: "METAL" | "FINDING" | "CHAIN", unit: "GRAM" | "PIECE" | "CENTIMETER", costCents: number, stock: number, alloy: string | null = null, gauge: string | null = null) =>
    api.materials.create({ ...s, material: { name, category, alloy, gauge, unit, unitCostCents: costCents, reorderPointMilli: Math.round(stock * 250) }, openingStockMilli: Math.round(stock * 1000) });
  const sheet22 = await material("Sterling sheet 22ga", "METAL", "GRAM", 120, 400, "Sterling 925", "22");
  const wire18 = await material("Sterling wire 18ga", "METAL", "GRAM", 115, 150, "Sterling 925", "18");
  const solderWire = await material("Hard solder wire", "METAL", "GRAM", 350, 20, "Silver solder", null);
  const jumpRings = await material("Jump rings 5mm", "FINDING", "PIECE", 12, 300);
  const earWires = await material("French ear wires", "FINDING", "PIECE", 35, 80);
  const chain = await material("Cable chain 1.5mm", "CHAIN", "CENTIMETER", 9, 2000);

  const catalogs = await api.catalog.list(s);
  const catalogId = catalogs.find((catalog) => catalog.own)?.id ?? (await api.catalog.create({ ...s, catalog: { name: "Core collection", description: "" } })).id;

  const step = (name: string, stationId: string, setupMin: number, perPieceMin: number, family: string | null, unattendedRunMin: number | null = null) => ({
    name,
    stationId,
    setupSeconds: minutes(setupMin),
    secondsPerPiece: minutes(perPieceMin),
    batchable: family !== null,
    batchFamily: family,
    maxBatchSize: family ? 30 : null,
    unattendedRunSeconds: unattendedRunMin ? minutes(unattendedRunMin) : null,
  });
  const finishing = [
    step("Pickle", pickle.id, 2, 0.2, "pickle", 10),
    step("Tumble", tumbler.id, 5, 0.2, "tumble", 120),
    step("Polish", polish.id, 10, 2, "polish-sterling"),
  ];
  // A BOM line is used at its routing step (default: the first, where metal is cut): findings where they go on.
  const design = async (name: string, sku: string, variants: { name: string; bom: { materialId: string; quantityMilli: number; stepPosition?: number }[] }[], steps: ReturnType<typeof step>[]) =>
    api.catalog.designs.create({
      ...s,
      design: {
        name, sku, description: "", photoUrl: null, catalogIds: [catalogId], steps,
        variants: variants.map((v) => ({ ...v, bom: v.bom.map((line) => ({ ...line, stepPosition: line.stepPosition ?? null })), overrides: [] })),
      },
    });

  const disc = await design(
    "Stamped initial disc necklace",
    "DISC",
    [
      { name: "16in", bom: [{ materialId: sheet22.id, quantityMilli: grams(1.6) }, { materialId: jumpRings.id, quantityMilli: 2000, stepPosition: 2 }, { materialId: chain.id, quantityMilli: 41_000 }] },
      { name: "18in", bom: [{ materialId: sheet22.id, quantityMilli: grams(1.6) }, { materialId: jumpRings.id, quantityMilli: 2000, stepPosition: 2 }, { materialId: chain.id, quantityMilli: 46_000 }] },
    ],
    [step("Cut discs (22ga sterling)", bench.id, 15, 1.5, "cut-22ga-sterling"), step("Stamp letters", stamping.id, 10, 3, "stamping"), step("Solder jump ring", solder.id, 12, 2.5, "hard-solder"), ...finishing],
  );
  const hoops = await design(
    "Hammered hoop earrings",
    "HOOP",
    [{ name: "Small", bom: [{ materialId: wire18.id, quantityMilli: grams(1.8) }, { materialId: solderWire.id, quantityMilli: grams(0.05), stepPosition: 1 }] }],
    [step("Cut wire", bench.id, 10, 1, "cut-18ga-sterling"), step("Solder hoop closed", solder.id, 12, 3, "hard-solder"), step("Hammer texture", stamping.id, 5, 2, "stamping"), ...finishing],
  );
  const drops = await design(
    "Sterling drop earrings",
    "DROP",
    [{ name: "Pair", bom: [{ materialId: sheet22.id, quantityMilli: grams(2.2) }, { materialId: earWires.id, quantityMilli: 2000, stepPosition: 4 }, { materialId: solderWire.id, quantityMilli: grams(0.04), stepPosition: 1 }] }],
    [step("Cut drops (22ga sterling)", bench.id, 15, 2, "cut-22ga-sterling"), step("Solder bails", solder.id, 12, 3, "hard-solder"), ...finishing],
  );

  const variants = await api.order.orderableVariants(s);
  const variantId = (designId: string, name: string) => {
    const found = variants.find((v) => v.designId === designId && v.variantName === name);
    if (!found) throw new Error(`Demo variant ${name} of ${designId} not found`);
    return found.variantId;
  };
  // Due days are days in the studio's zone.
  const { timeZone } = await api.studio.get(s);
  const due = (days: number) => addDays(studioToday(timeZone), days);
  await api.order.create({ ...s, order: { kind: "CUSTOMER", customerName: "Maya Lopez", notes: "Initials M + J", lines: [{ variantId: variantId(disc.id, "18in"), quantity: 2, dueDate: due(5) }] } });
  await api.order.create({
    ...s,
    order: {
      kind: "WHOLESALE",
      customerName: "The Little Gallery",
      notes: "",
      lines: [
        { variantId: variantId(hoops.id, "Small"), quantity: 12, dueDate: due(12) },
        { variantId: variantId(drops.id, "Pair"), quantity: 8, dueDate: due(12) },
        { variantId: variantId(disc.id, "16in"), quantity: 6, dueDate: due(12) },
      ],
    },
  });
  await api.order.create({ ...s, order: { kind: "RESTOCK", customerName: "Market stock", notes: "", lines: [{ variantId: variantId(drops.id, "Pair"), quantity: 10, dueDate: due(20) }] } });

  await api.planning.requestPlan(s);
  await runPlanner();
  return {
    api,
    catalogId,
    stations: { bench: bench.id, stamping: stamping.id, solder: solder.id, pickle: pickle.id, tumbler: tumbler.id, polish: polish.id },
    materials: { sheet22: sheet22.id, wire18: wire18.id, solderWire: solderWire.id, jumpRings: jumpRings.id, earWires: earWires.id, chain: chain.id },
  };
}

export type DemoContent = Awaited<ReturnType<typeof fillDemoWorkshop>>;
