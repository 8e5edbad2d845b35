import { describe, expect, it } from "vitest";
import { generateVariants, parseOptionValues, suggestVariantSku } from "~/features/catalog/variant-skus";

describe("variant SKUs", () => {
  it("makes a clean SKU from the design SKU and the options of the variant name", () => {
    expect(suggestVariantSku("SL-HDN", "Sterling / 16 in")).toBe("SL-HDN-STERLING-16IN");
    expect(suggestVariantSku("RING-1", "Gold fill × 7 · Polished")).toBe("RING-1-GOLDFILL-7-POLISHED");
    expect(suggestVariantSku("RING-1", "")).toBe("RING-1");
  });

  it("reads option values with optional codes", () => {
    expect(parseOptionValues("Sterling=SS, Gold fill = GF ,Brass")).toEqual([
      { label: "Sterling", code: "SS" },
      { label: "Gold fill", code: "GF" },
      { label: "Brass", code: "BRASS" },
    ]);
  });

  it("generates every combination of metal × size × finish, first option slowest", () => {
    const variants = generateVariants("HOOP", [
      { name: "Metal", values: parseOptionValues("Sterling=SS, Gold fill=GF") },
      { name: "Size", values: parseOptionValues("S, M, L") },
      { name: "Finish", values: parseOptionValues("Polished=P, Hammered=H") },
    ]);
    expect(variants).toHaveLength(12);
    expect(variants.slice(0, 3)).toEqual([
      { name: "Sterling / S / Polished", sku: "HOOP-SS-S-P" },
      { name: "Sterling / S / Hammered", sku: "HOOP-SS-S-H" },
      { name: "Sterling / M / Polished", sku: "HOOP-SS-M-P" },
    ]);
    expect(new Set(variants.map((v) => v.sku)).size).toBe(12);
    expect(generateVariants("HOOP", [{ name: "Metal", values: [] }])).toEqual([]);
  });
});
