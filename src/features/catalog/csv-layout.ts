import { toCsv, type Parsed } from "~/lib/csv";

// The designs CSV layout (docs/catalog-csv.md), shared by the server and the import page. No server-only imports.
// Quantities are decimals in the material's unit, times are minutes.

export const DESIGN_COLUMNS = [
  "sku", "design_name", "description", "catalogs", "photo_url",
  "variant", "variant_sku", "material", "quantity", "overrides",
  "step", "step_name", "station", "setup_min", "min_per_piece", "batch_family", "max_batch", "unattended_min",
] as const;
export const DESIGN_REQUIRED = ["sku", "design_name", "variant", "material", "quantity", "step", "step_name", "station", "setup_min", "min_per_piece"] as const;

export const DESIGNS_TEMPLATE = toCsv(DESIGN_COLUMNS, [
  { sku: "RING-1", design_name: "Stacking ring", description: "A hammered band", catalogs: "Rings", variant: "Size 6", variant_sku: "RING-1-6", material: "Sterling wire 18ga", quantity: "2" },
  { sku: "RING-1", design_name: "Stacking ring", variant: "Size 9", variant_sku: "RING-1-9", material: "Sterling wire 18ga", quantity: "3", overrides: "1=6" },
  { sku: "RING-1", design_name: "Stacking ring", step: "1", step_name: "Solder join", station: "Solder bench", setup_min: "10", min_per_piece: "4", batch_family: "hard-solder", max_batch: "20" },
  { sku: "RING-1", design_name: "Stacking ring", step: "2", step_name: "Tumble", station: "Tumbler", setup_min: "5", min_per_piece: "0.5", batch_family: "tumble-steel", max_batch: "5", unattended_min: "120" },
]);

/** Overrides "1=6; 2=0.5" (routing step number = minutes per piece) -> [{ step: 0, secondsPerPiece: 360 }, …]. */
export function parseOverrides(raw: string): Parsed<{ stepNumber: number; secondsPerPiece: number }[]> {
  if (!raw) return { ok: true, value: [] };
  const result: { stepNumber: number; secondsPerPiece: number }[] = [];
  for (const part of raw.split(";").map((p) => p.trim()).filter(Boolean)) {
    const match = /^(\d+)\s*=\s*(\d+(?:\.\d+)?)$/.exec(part);
    if (!match) return { ok: false, error: `Overrides: "${part}" should look like 1=6 (step 1, 6 minutes per piece)` };
    result.push({ stepNumber: Number(match[1]), secondsPerPiece: Math.round(Number(match[2]) * 60) });
  }
  return { ok: true, value: result };
}
