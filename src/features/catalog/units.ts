// Units used across the catalog (server and UI). No server-only imports here.
//
// - Money: integer cents.
// - Material quantities (on hand, reorder point, BOM quantity, stock movements): integer milli-units of the
//   material's own unit, e.g. 1.25 g = 1250, 3 pieces = 3000. Integers keep sums exact in PostgreSQL and JS.
// - Durations (setup, per piece, unattended run): integer seconds; forms show minutes.

export const MATERIAL_UNITS = ["GRAM", "PENNYWEIGHT", "TROY_OUNCE", "MILLIMETER", "CENTIMETER", "PIECE", "CARAT"] as const;
export type MaterialUnitName = (typeof MATERIAL_UNITS)[number];

export const UNIT_LABELS: Record<MaterialUnitName, string> = {
  GRAM: "g",
  PENNYWEIGHT: "dwt",
  TROY_OUNCE: "ozt",
  MILLIMETER: "mm",
  CENTIMETER: "cm",
  PIECE: "pcs",
  CARAT: "ct",
};

export const MATERIAL_CATEGORIES = ["METAL", "FINDING", "CHAIN", "STONE", "OTHER"] as const;
export const CATEGORY_LABELS: Record<(typeof MATERIAL_CATEGORIES)[number], string> = {
  METAL: "Metal sheet / wire",
  FINDING: "Findings",
  CHAIN: "Chain",
  STONE: "Stones",
  OTHER: "Other",
};

export const STATION_KINDS = ["SOLDER_BENCH", "STAMPING", "ROLLING_MILL", "TUMBLER", "PICKLE", "POLISHING", "FLEX_SHAFT", "OTHER"] as const;
export type StationKindName = (typeof STATION_KINDS)[number];
export const STATION_KIND_LABELS: Record<StationKindName, string> = {
  SOLDER_BENCH: "Solder bench",
  STAMPING: "Stamping block",
  ROLLING_MILL: "Rolling mill",
  TUMBLER: "Tumbler",
  PICKLE: "Pickle pot",
  POLISHING: "Polishing motor",
  FLEX_SHAFT: "Flex shaft",
  OTHER: "Other",
};

export const MILLI = 1000;

/** 1.25 -> 1250. Rounds to the nearest milli-unit. */
export function toMilli(quantity: number): number {
  return Math.round(quantity * MILLI);
}

export function fromMilli(milli: number): number {
  return milli / MILLI;
}

export function formatQuantity(milli: number, unit: MaterialUnitName): string {
  return `${fromMilli(milli).toLocaleString("en-US", { maximumFractionDigits: 3 })} ${UNIT_LABELS[unit]}`;
}

export function formatCents(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}$${Math.floor(abs / 100).toLocaleString("en-US")}.${String(abs % 100).padStart(2, "0")}`;
}

/** "12.5" (dollars) -> 1250 cents. */
export function dollarsToCents(dollars: number): number {
  return Math.round(dollars * 100);
}

export function minutesToSeconds(minutes: number): number {
  return Math.round(minutes * 60);
}

export function secondsToMinutes(seconds: number): number {
  return Math.round((seconds / 60) * 100) / 100;
}
