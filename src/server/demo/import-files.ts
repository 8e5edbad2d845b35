import Papa from "papaparse";
import { DESIGN_COLUMNS } from "~/features/catalog/csv-layout";
import { MATERIAL_COLUMNS } from "~/features/materials/csv-layout";
import { toCsv } from "~/lib/csv";

// CSV files at the documented maximum (5,000 rows) for the import benchmark and the all-or-nothing tests:
// materials, designs (variant and routing-step rows) and an Etsy "Sold Order Items" export.

export const IMPORT_MAX_ROWS = 5_000;

/** `rows` new materials named "<prefix> 1…", half in grams with stock on hand, half in pieces without. */
export function materialsFile(rows: number, prefix: string): string {
  return toCsv(
    MATERIAL_COLUMNS,
    Array.from({ length: rows }, (_, i) => ({
      name: `${prefix} ${i + 1}`,
      category: i % 2 ? "FINDING" : "METAL",
      alloy: "925",
      unit: i % 2 ? "pcs" : "g",
      unit_cost: (0.1 + (i % 50) / 10).toFixed(2),
      reorder_point: String(10 + (i % 40)),
      on_hand: i % 2 ? "" : String(100 + (i % 300)),
    })),
  );
}

export type DesignsFileOptions = { rows: number; prefix: string; stations: string[]; materials: string[]; variantsPerDesign?: number; stepsPerDesign?: number };

/**
 * Designs "<prefix>-1…", each with `variantsPerDesign` variant rows (SKU "<design>-V<n>", one material) and
 * `stepsPerDesign` routing-step rows over the given stations: as many whole designs as fit in `rows` rows.
 * Returns the file and the
 * variant SKUs it defines.
 */
export function designsFile(options: DesignsFileOptions): { csv: string; variantSkus: string[] } {
  const variants = options.variantsPerDesign ?? 4;
  const steps = options.stepsPerDesign ?? 6;
  const designs = Math.floor(options.rows / (variants + steps));
  const rows: Array<Partial<Record<(typeof DESIGN_COLUMNS)[number], string>>> = [];
  const variantSkus: string[] = [];
  for (let d = 1; d <= designs; d++) {
    const head = { sku: `${options.prefix}-${d}`, design_name: `${options.prefix} design ${d}`, catalogs: "Imported" };
    for (let v = 1; v <= variants; v++) {
      const sku = `${head.sku}-V${v}`;
      variantSkus.push(sku);
      rows.push({ ...head, variant: `Size ${v + 4}`, variant_sku: sku, material: options.materials[(d + v) % options.materials.length]!, quantity: String(1 + v) });
    }
    for (let s = 1; s <= steps; s++) {
      rows.push({
        ...head, step: String(s), step_name: `Step ${s}`, station: options.stations[(s - 1) % options.stations.length]!,
        setup_min: String(5 + s), min_per_piece: String(1 + (s % 3)), batch_family: `family-${s}`, max_batch: "20",
      });
    }
  }
  return { csv: toCsv(DESIGN_COLUMNS, rows), variantSkus };
}

/** An Etsy export of `rows` sold items, five per order ("<prefix>-1"…), over the given variant SKUs. */
export function etsyOrdersFile(rows: number, prefix: string, skus: string[]): string {
  return Papa.unparse({
    fields: ["Sale Date", "Item Name", "Buyer", "Quantity", "Price", "Order ID", "SKU"],
    data: Array.from({ length: rows }, (_, i) => ["03/01/30", `Item ${i + 1}`, `Buyer ${Math.floor(i / 5) + 1}`, String(1 + (i % 4)), "45.00", `${prefix}-${Math.floor(i / 5) + 1}`, skus[i % skus.length]!]),
  }, { newline: "\n" });
}
