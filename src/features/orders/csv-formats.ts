import Papa from "papaparse";

// Marketplace order exports, detected by their headers. No server-only imports (the preview can run anywhere).
//
// Etsy "Sold Order Items": Sale Date, Item Name, Buyer, Quantity, Price, …, Order ID, …, SKU (one row per item).
// Shopify orders export: Name (#1001), Email, …, Created at, Lineitem quantity, Lineitem name, Lineitem sku,
// …, Billing Name (one row per line item; later rows of an order leave the order columns empty).

export type CsvFormat = "ETSY" | "SHOPIFY";

export type CsvRow = {
  /** 1-based data row number as a spreadsheet shows it (header = row 1). */
  row: number;
  orderRef: string;
  customerName: string;
  itemName: string;
  sku: string;
  quantity: number | null;
};

export type ParsedCsv = { format: CsvFormat; rows: CsvRow[] } | { format: null; error: string };

const ETSY_HEADERS = ["Sale Date", "Item Name", "Buyer", "Quantity", "Order ID", "SKU"];
const SHOPIFY_HEADERS = ["Name", "Lineitem quantity", "Lineitem name", "Lineitem sku"];

function quantityOf(value: string | undefined): number | null {
  const trimmed = (value ?? "").trim();
  if (!/^\d+$/.test(trimmed)) return null;
  return Number(trimmed);
}

export function parseOrderCsv(text: string): ParsedCsv {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (header) => header.trim(),
  });
  const headers = parsed.meta.fields ?? [];
  const has = (names: string[]) => names.every((name) => headers.includes(name));
  if (has(ETSY_HEADERS)) {
    return {
      format: "ETSY",
      rows: parsed.data.map((record, index) => ({
        row: index + 2,
        orderRef: (record["Order ID"] ?? "").trim(),
        customerName: (record["Buyer"] ?? record["Ship Name"] ?? "").trim(),
        itemName: (record["Item Name"] ?? "").trim(),
        sku: (record["SKU"] ?? "").trim(),
        quantity: quantityOf(record["Quantity"]),
      })),
    };
  }
  if (has(SHOPIFY_HEADERS)) {
    let currentRef = "";
    let currentCustomer = "";
    return {
      format: "SHOPIFY",
      rows: parsed.data.map((record, index) => {
        const ref = (record["Name"] ?? "").trim();
        if (ref && ref !== currentRef) {
          currentRef = ref;
          currentCustomer = (record["Billing Name"] || record["Shipping Name"] || record["Email"] || "").trim();
        }
        return {
          row: index + 2,
          orderRef: currentRef,
          customerName: currentCustomer,
          itemName: (record["Lineitem name"] ?? "").trim(),
          sku: (record["Lineitem sku"] ?? "").trim(),
          quantity: quantityOf(record["Lineitem quantity"]),
        };
      }),
    };
  }
  return {
    format: null,
    error: "This doesn't look like an Etsy \"Sold Order Items\" or a Shopify orders export (their column headers were not found).",
  };
}
