// Variant SKUs (shared by the design form, the variant generator and the server). No server-only imports.
//
// A variant's SKU is what a shop lists it as, e.g. "RING-STERLING-7": order imports match on it. When a
// variant has none, it gets the design SKU plus a code per option of its name ("Sterling / 7" -> "-STERLING-7").

/** "Gold fill" -> "GOLDFILL", "16 in" -> "16IN", "7½" -> "7": letters and digits, upper case. */
export function skuCode(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9]/g, "")
    .toUpperCase()
    .slice(0, 12);
}

/** The options in a variant name: "Sterling / 16 in · Polished" -> ["Sterling", "16 in", "Polished"]. */
export function nameParts(name: string): string[] {
  return name.split(/\s*[/×,|·]\s*/).map((part) => part.trim()).filter(Boolean);
}

export function suggestVariantSku(designSku: string, variantName: string): string {
  const codes = nameParts(variantName).map(skuCode).filter(Boolean);
  return [designSku.trim(), ...codes].join("-").slice(0, 60);
}

export type VariantOption = { name: string; values: Array<{ label: string; code: string }> };

/**
 * Every combination of the options' values, in order (the first option varies slowest), e.g. metal × size ×
 * finish. Names join the labels with " / "; SKUs join the design SKU and the values' codes with "-".
 */
export function generateVariants(designSku: string, options: VariantOption[]): Array<{ name: string; sku: string }> {
  const used = options.filter((option) => option.values.length > 0);
  if (used.length === 0) return [];
  let combos: Array<Array<{ label: string; code: string }>> = [[]];
  for (const option of used) combos = combos.flatMap((combo) => option.values.map((value) => [...combo, value]));
  return combos.map((combo) => ({
    name: combo.map((value) => value.label).join(" / "),
    sku: [designSku.trim(), ...combo.map((value) => value.code || skuCode(value.label))].filter(Boolean).join("-").slice(0, 60),
  }));
}

/** "Sterling=SS, Gold fill=GF, Brass" -> values with codes (given after "=", else made from the label). */
export function parseOptionValues(text: string): Array<{ label: string; code: string }> {
  return text
    .split(/[,;\n]/)
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [label, code] = entry.split("=").map((part) => part.trim());
      return { label: label!, code: skuCode(code || label!) };
    })
    .filter((value) => value.label);
}
