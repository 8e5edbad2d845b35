import { z, type ZodError } from "zod";

// People read validation messages, on the server's 400 answers and under form fields alike. Two rules:
// - zod's built-in texts ("Too big: expected string to have <=120 characters") become sentences, for every
//   schema that does not name its own message (installed once per runtime by importing this module);
// - a field path ("lines.1.quantityMilli") becomes the words on the form ("Line 2 quantity").

function plural(n: number | bigint, word: string) {
  return `${n.toLocaleString("en-US")} ${word}${Number(n) === 1 ? "" : "s"}`;
}

z.config({
  customError: (issue) => {
    switch (issue.code) {
      case "too_big":
        if (issue.origin === "string") return `Use at most ${plural(issue.maximum, "character")}`;
        if (issue.origin === "array" || issue.origin === "set") return `At most ${plural(issue.maximum, "item")}`;
        return `At most ${Number(issue.maximum).toLocaleString("en-US")}`;
      case "too_small":
        if (issue.origin === "string") return Number(issue.minimum) <= 1 ? "Fill this in" : `Use at least ${plural(issue.minimum, "character")}`;
        if (issue.origin === "array" || issue.origin === "set") return Number(issue.minimum) <= 1 ? "Add at least one" : `Add at least ${issue.minimum}`;
        return `At least ${Number(issue.minimum).toLocaleString("en-US")}`;
      case "invalid_type":
        if (issue.input === undefined || issue.input === null) return "Fill this in";
        if (issue.expected === "number" || issue.expected === "int") return "Enter a number";
        return "Enter a valid value";
      case "invalid_format":
        if (issue.format === "email") return "Enter a valid email address";
        if (issue.format === "url") return "Enter a full address, starting with https://";
        return "Use the expected format";
      case "invalid_value":
        return "Choose one of the options";
      case "not_multiple_of":
        return `Use a multiple of ${String(issue.divisor)}`;
      case "unrecognized_keys":
        return "Remove the fields this form does not use";
      default:
        return undefined;
    }
  },
});

// What the forms call fields whose API names carry units or ids.
const FIELD_LABELS: Record<string, string> = {
  quantityMilli: "Quantity",
  openingStockMilli: "Opening stock",
  reorderPointMilli: "Reorder point",
  unitCostCents: "Unit cost",
  labourRateCents: "Labour rate",
  costingBatchSize: "Typical batch size",
  setupSeconds: "Setup time",
  secondsPerPiece: "Time per piece",
  runSeconds: "Run time",
  unattendedRunSeconds: "Unattended run time",
  loadCapacity: "Load capacity",
  maxBatchSize: "Max batch size",
  batchFamily: "Batch family",
  stationId: "Station",
  materialId: "Material",
  variantId: "Design variant",
  catalogIds: "Catalogs",
  workingHours: "Working hours",
  dueDate: "Due date",
  customerName: "Customer",
  photoUrl: "Photo address",
  firstDay: "First day",
  lastDay: "Last day",
  timeZone: "Time zone",
  unitSystem: "Units",
  sku: "SKU",
};
// Lists whose items a person counts: "lines.1" reads "Line 2".
const ITEM_LABELS: Record<string, string> = { lines: "Line", variants: "Variant", steps: "Step", bom: "Material", workingHours: "Hours row", overrides: "Override" };

function words(key: string): string {
  const bare = key.replace(/(Milli|Cents|Seconds|Ids?)$/, "");
  const spaced = bare.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

// Top-level wrappers of a procedure's input ({ order: {…} }): not part of what the form calls a field.
const WRAPPERS = new Set(["order", "design", "station", "material", "catalog"]);

/** ["lines", 1, "quantity"] -> "Line 2 quantity"; ["unitCostCents"] -> "Unit cost". */
export function fieldLabel(path: ReadonlyArray<PropertyKey>): string {
  const parts: string[] = [];
  path.forEach((segment, index) => {
    if (typeof segment === "number") {
      const list = path[index - 1];
      const item = typeof list === "string" ? ITEM_LABELS[list] : undefined;
      if (item) parts[parts.length - 1] = `${item} ${segment + 1}`;
      return;
    }
    const key = String(segment);
    if (index === 0 && WRAPPERS.has(key) && path.length > 1) return;
    const label = FIELD_LABELS[key] ?? words(key);
    // "Material 3 material" says it twice: the item already names the field.
    if (typeof path[index - 1] === "number" && parts[parts.length - 1]?.startsWith(`${label} `)) return;
    parts.push(label);
  });
  return parts.map((part, index) => (index === 0 ? part : part.charAt(0).toLowerCase() + part.slice(1))).join(" ");
}

/** One sentence per problem, led by the field's name unless the message already says it. */
export function humanIssues(error: ZodError): string {
  const lines = error.issues.map((issue) => {
    if (issue.path.length === 0) return issue.message;
    const label = fieldLabel(issue.path);
    const message = issue.message.toLowerCase();
    if (message.startsWith(label.toLowerCase())) return issue.message;
    // "Line 2 quantity" + "Quantity must be…" -> "Line 2: Quantity must be…"
    const words = label.split(" ");
    const field = words[words.length - 1]!.toLowerCase();
    if (words.length > 1 && message.startsWith(field)) return `${words.slice(0, -1).join(" ")}: ${issue.message}`;
    return `${label}: ${issue.message}`;
  });
  return [...new Set(lines)].slice(0, 5).join(". ");
}
