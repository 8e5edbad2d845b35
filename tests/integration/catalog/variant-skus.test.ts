import { describe, expect, it } from "vitest";
import { generateVariants, parseOptionValues } from "~/features/catalog/variant-skus";
import { callerFor } from "../../helpers/caller";
import { designInput, makeCatalogFixture, makeStudio } from "../../helpers/factories";
import { inDays } from "../orders/fixtures";

describe("variant SKUs", () => {
  it("stores each variant's SKU (given, or made from the design SKU and the name) and an edit keeps them", async () => {
    const { studio, owner } = await makeStudio();
    const f = await makeCatalogFixture(studio.id, owner);
    const caller = callerFor(owner);
    const design = await caller.catalog.designs.get({ studioId: studio.id, id: f.design.id });
    expect(design.current.variants.map((v) => v.sku)).toEqual([`${design.sku}-SIZE6`, `${design.sku}-SIZE9`]);

    const input = designInput({ catalogId: f.catalog.id, stationId: f.station.id, tumblerId: f.tumbler.id, materialId: f.material.id, sku: "HOOP" });
    const generated = generateVariants("HOOP", [
      { name: "Metal", values: parseOptionValues("Sterling=SS, Gold fill=GF") },
      { name: "Size", values: parseOptionValues("S, L") },
    ]);
    const hoop = await caller.catalog.designs.create({
      studioId: studio.id,
      design: { ...input, name: "Hoop", variants: generated.map((v) => ({ ...v, bom: [{ materialId: f.material.id, quantityMilli: 1500 }], overrides: [] })) },
    });
    const saved = await caller.catalog.designs.get({ studioId: studio.id, id: hoop.id });
    expect(saved.current.variants.map((v) => [v.name, v.sku])).toEqual([
      ["Sterling / S", "HOOP-SS-S"],
      ["Sterling / L", "HOOP-SS-L"],
      ["Gold fill / S", "HOOP-GF-S"],
      ["Gold fill / L", "HOOP-GF-L"],
    ]);
  });

  it("refuses two variants with one SKU, and a SKU another current design uses; an older version's SKU is free", async () => {
    const { studio, owner } = await makeStudio();
    const f = await makeCatalogFixture(studio.id, owner);
    const caller = callerFor(owner);
    const base = designInput({ catalogId: f.catalog.id, stationId: f.station.id, tumblerId: f.tumbler.id, materialId: f.material.id, sku: "EAR" });
    const twice = caller.catalog.designs.create({
      studioId: studio.id,
      design: { ...base, variants: [{ name: "A", sku: "EAR-X", bom: [], overrides: [] }, { name: "B", sku: "ear-x", bom: [], overrides: [] }] },
    });
    await expect(twice).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Variants 1 and 2 have the same SKU ear-x. Give each variant its own SKU." });
    const ringSku = (await caller.catalog.designs.get({ studioId: studio.id, id: f.design.id })).current.variants[0]!.sku;
    const taken = caller.catalog.designs.create({ studioId: studio.id, design: { ...base, variants: [{ name: "A", sku: "EAR-A", bom: [], overrides: [] }, { name: "B", sku: ringSku, bom: [], overrides: [] }] } });
    await expect(taken).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining('is already used by a variant of "Stacking ring"') });

    // Renaming the fixture's variant SKU in a new version frees the old SKU for another design.
    const ring = await caller.catalog.designs.get({ studioId: studio.id, id: f.design.id });
    const ringInput = designInput({ catalogId: f.catalog.id, stationId: f.station.id, tumblerId: f.tumbler.id, materialId: f.material.id, sku: ring.sku });
    await caller.catalog.designs.update({
      studioId: studio.id, id: ring.id, expectedVersion: ring.version,
      design: { ...ringInput, variants: ringInput.variants.map((v, i) => ({ ...v, sku: `RING-NEW-${i}` })) },
    });
    const freed = await caller.catalog.designs.create({ studioId: studio.id, design: { ...base, variants: [{ name: "A", sku: ring.current.variants[0]!.sku, bom: [], overrides: [] }] } });
    expect(freed.version).toBe(1);
  });

  it("imports a Shopify export whose line SKUs are the generated variant SKUs", async () => {
    const { studio, owner } = await makeStudio();
    const f = await makeCatalogFixture(studio.id, owner);
    const caller = callerFor(owner);
    const input = designInput({ catalogId: f.catalog.id, stationId: f.station.id, tumblerId: f.tumbler.id, materialId: f.material.id, sku: "CUFF" });
    const variants = generateVariants("CUFF", [{ name: "Metal", values: parseOptionValues("Sterling=SS, Brass=BR") }, { name: "Finish", values: parseOptionValues("Polished=P, Hammered=H") }]);
    await caller.catalog.designs.create({ studioId: studio.id, design: { ...input, name: "Cuff", variants: variants.map((v) => ({ ...v, bom: [], overrides: [] })) } });
    const csv = [
      "Name,Email,Financial Status,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name",
      "#1001,ana@example.test,paid,2026-11-20,2,Cuff - Sterling / Hammered,40,CUFF-SS-H,Ana",
      "#1001,,,,1,Cuff - Brass / Polished,30,cuff-br-p,",
    ].join("\n");
    const preview = await caller.order.importPreview({ studioId: studio.id, csv, dueDate: inDays(10), kind: "CUSTOMER" });
    expect(preview.rows.map((r) => [r.match, r.error])).toEqual([
      ["Cuff — Sterling / Hammered", null],
      ["Cuff — Brass / Polished", null],
    ]);
    const done = await caller.order.importCommit({ studioId: studio.id, csv, dueDate: inDays(10), kind: "CUSTOMER" });
    const order = await caller.order.get({ studioId: studio.id, id: done.orders[0]!.id });
    expect(order.lines.map((l) => [l.sku, l.quantity])).toEqual([["CUFF-SS-H", 2], ["CUFF-BR-P", 1]]);
  });
});
