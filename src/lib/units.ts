// Units used across the app (server and UI): materials, stations, money and the studio's display format. No server-only imports here.
//
// - Money: integer cents.
// - Material quantities (on hand, reorder point, BOM quantity, stock movements): integer milli-units of the
//   material's own unit, e.g. 1.25 g = 1250, 3 pieces = 3000. Integers keep sums exact in PostgreSQL and JS.
// - Durations (setup, per piece, unattended run): integer seconds; forms show minutes.

export const MATERIAL_UNITS = ["GRAM", "PENNYWEIGHT", "TROY_OUNCE", "MILLIMETER", "CENTIMETER", "METER", "INCH", "FOOT", "PIECE", "CARAT"] as const;
export type MaterialUnitName = (typeof MATERIAL_UNITS)[number];

export const UNIT_LABELS: Record<MaterialUnitName, string> = {
  GRAM: "g",
  PENNYWEIGHT: "dwt",
  TROY_OUNCE: "ozt",
  MILLIMETER: "mm",
  CENTIMETER: "cm",
  METER: "m",
  INCH: "in",
  FOOT: "ft",
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

// --- conversions -------------------------------------------------------------------------------------------
//
// Exact: each unit is a whole number of a base unit (nanograms for mass, micrometres for length), since
// 1 dwt = 1.55517384 g and 1 ozt = 20 dwt = 31.1034768 g exactly (troy), and 1 in = 25.4 mm, 1 ft = 12 in.
// Converting milli-units multiplies in BigInt and rounds once, to the nearest milli-unit of the target.

export type Dimension = "mass" | "length" | "count" | "carat";
const BASE: Record<MaterialUnitName, [Dimension, bigint]> = {
  GRAM: ["mass", 1_000_000_000n],
  PENNYWEIGHT: ["mass", 1_555_173_840n],
  TROY_OUNCE: ["mass", 31_103_476_800n],
  MILLIMETER: ["length", 1_000n],
  CENTIMETER: ["length", 10_000n],
  METER: ["length", 1_000_000n],
  INCH: ["length", 25_400n],
  FOOT: ["length", 304_800n],
  PIECE: ["count", 1n],
  CARAT: ["carat", 1n],
};

export const dimensionOf = (unit: MaterialUnitName): Dimension => BASE[unit][0];
export const convertible = (from: MaterialUnitName, to: MaterialUnitName) => BASE[from][0] === BASE[to][0];

/** A quantity in milli-units of `from` as milli-units of `to` (same dimension), rounded half away from zero. */
export function convertMilli(milli: number, from: MaterialUnitName, to: MaterialUnitName): number {
  if (from === to) return milli;
  if (!convertible(from, to)) throw new Error(`Cannot convert ${UNIT_LABELS[from]} to ${UNIT_LABELS[to]}`);
  const [, a] = BASE[from];
  const [, b] = BASE[to];
  const magnitude = BigInt(Math.abs(Math.round(milli))) * a;
  const rounded = (magnitude * 2n + b) / (2n * b);
  return Number(rounded) * Math.sign(milli);
}

// --- display ------------------------------------------------------------------------------------------------

export const UNIT_SYSTEMS = ["METRIC", "IMPERIAL"] as const;
export type UnitSystemName = (typeof UNIT_SYSTEMS)[number];
export const UNIT_SYSTEM_LABELS: Record<UnitSystemName, string> = {
  METRIC: "Metric (mm, cm, m; troy weights in grams)",
  IMPERIAL: "Imperial (inches and feet)",
};

/** How a studio reads numbers: its currency and locale for money, its unit system for quantities. */
export type StudioFormat = { currency: string; locale: string; unitSystem: UnitSystemName };
export const DEFAULT_FORMAT: StudioFormat = { currency: "USD", locale: "en-US", unitSystem: "METRIC" };

/**
 * The unit a quantity is shown in. Lengths follow the studio's system (mm, cm, m or in, ft). A metric studio
 * reads troy weights in grams; grams stay grams everywhere (jewellers weigh in grams in both systems).
 */
export function displayUnit(unit: MaterialUnitName, system: UnitSystemName): MaterialUnitName {
  if (system === "METRIC") return ({ INCH: "MILLIMETER", FOOT: "METER", PENNYWEIGHT: "GRAM", TROY_OUNCE: "GRAM" } as const)[unit as "INCH"] ?? unit;
  return ({ MILLIMETER: "INCH", CENTIMETER: "INCH", METER: "FOOT" } as const)[unit as "METER"] ?? unit;
}

/** Units offered for new materials: grams, then the studio's system's lengths and weights, then the rest. */
export function unitsFor(system: UnitSystemName): MaterialUnitName[] {
  const first: MaterialUnitName[] = system === "METRIC" ? ["GRAM", "MILLIMETER", "CENTIMETER", "METER"] : ["GRAM", "INCH", "FOOT", "PENNYWEIGHT", "TROY_OUNCE"];
  return [...first, ...MATERIAL_UNITS.filter((u) => !first.includes(u))];
}

export function formatNumber(value: number, locale: string, maximumFractionDigits = 3): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value);
}

/**
 * "1,250.5 g" / "1.250,5 g": milli-units of `unit`, shown in the studio's unit system (converted exactly
 * when the stock unit is the other system's) with its locale's separators.
 */
export function formatQuantity(milli: number, unit: MaterialUnitName, format: StudioFormat = DEFAULT_FORMAT): string {
  const shown = displayUnit(unit, format.unitSystem);
  // Millimetres to a hundredth read naturally; everything else to the milli-unit it is stored in.
  const digits = shown === "MILLIMETER" ? 2 : 3;
  return `${formatNumber(fromMilli(convertMilli(milli, unit, shown)), format.locale, digits)} ${UNIT_LABELS[shown]}`;
}

/** Money in minor units (cents) as the studio writes it: "$1,234.50", "1.234,50 €", "£12.00". */
export function formatCents(cents: number, format: Pick<StudioFormat, "currency" | "locale"> = DEFAULT_FORMAT): string {
  return new Intl.NumberFormat(format.locale, { style: "currency", currency: format.currency }).format(cents / 100);
}

/** "$", "€", "CHF": for labels such as "Unit cost (€)". */
export function currencySymbol(format: Pick<StudioFormat, "currency" | "locale">): string {
  return new Intl.NumberFormat(format.locale, { style: "currency", currency: format.currency }).formatToParts(0).find((p) => p.type === "currency")?.value ?? format.currency;
}

/** "12.5" (in the studio's currency) -> 1250 minor units. */
export function moneyToCents(amount: number): number {
  return Math.round(amount * 100);
}

/** Gauge as typed: "22" reads "22 ga"; "22ga" or "0.6 mm" stay as they are. */
export function formatGauge(gauge: string): string {
  return /^\d+(\.\d+)?$/.test(gauge.trim()) ? `${gauge.trim()} ga` : gauge.trim();
}

export function minutesToSeconds(minutes: number): number {
  return Math.round(minutes * 60);
}

export function secondsToMinutes(seconds: number): number {
  return Math.round((seconds / 60) * 100) / 100;
}
