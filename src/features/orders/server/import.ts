import { TRPCError } from "@trpc/server";
import { byStudio } from "~/server/db";
import { parseOrderCsv, type CsvFormat, type CsvRow } from "../csv-formats";
import { dueDateFromDay, type ImportInput } from "./schemas";
import { listOrderableVariants, type OrderableVariant } from "./orderable";
import { assertDueDaysNotPast } from "./due-dates";
import { createOrders } from "./orders";
import type { StudioContext } from "~/server/trpc/procedures";

/** A row of the file as read (csv-formats.ts), with what the import makes of it. */
export type PreviewRow = CsvRow & {
  variantId: string | null;
  match: string | null;
  /** Already imported earlier (same marketplace order id): skipped, not an error. */
  duplicate: boolean;
  error: string | null;
};

export type ImportPreview = {
  format: CsvFormat;
  rows: PreviewRow[];
  orderCount: number;
  newOrderCount: number;
  errorCount: number;
};

const normalise = (sku: string) => sku.trim().toLowerCase().replace(/\s+/g, "-");

/**
 * SKU -> variant: the variant's own SKU (case-insensitive, spaces read as dashes), or the design SKU alone when
 * the design has exactly one variant.
 */
function skuIndex(variants: OrderableVariant[]) {
  const index = new Map<string, OrderableVariant | "ambiguous">();
  const put = (key: string, variant: OrderableVariant) => {
    const existing = index.get(key);
    index.set(key, existing && existing !== variant ? "ambiguous" : variant);
  };
  for (const variant of variants) put(normalise(variant.sku), variant);
  const byDesign = new Map<string, OrderableVariant[]>();
  for (const variant of variants) byDesign.set(variant.designId, [...(byDesign.get(variant.designId) ?? []), variant]);
  for (const list of byDesign.values()) {
    const key = normalise(list[0]!.designSku);
    if (index.has(key)) continue;
    index.set(key, list.length === 1 ? list[0]! : "ambiguous");
  }
  return index;
}

/** Parses the file and checks every row against the catalog and earlier imports. Writes nothing. */
export async function previewImport(ctx: StudioContext, input: ImportInput): Promise<ImportPreview> {
  return (await checkImport(ctx, input)).preview;
}

/** The preview, and the orderable variants its rows matched (the commit creates the orders with them). */
async function checkImport(ctx: StudioContext, input: ImportInput): Promise<{ preview: ImportPreview; variants: Map<string, OrderableVariant> }> {
  const parsed = parseOrderCsv(input.csv);
  if (parsed.format === null) throw new TRPCError({ code: "BAD_REQUEST", message: parsed.error });
  if (parsed.rows.length === 0) throw new TRPCError({ code: "BAD_REQUEST", message: "The file has no order rows." });
  if (parsed.rows.length > 5000) throw new TRPCError({ code: "BAD_REQUEST", message: "Import at most 5,000 rows at a time." });
  assertDueDaysNotPast([{ day: input.dueDate, label: "Due date" }], ctx.studio.timeZone);

  const orderable = await listOrderableVariants(ctx);
  const index = skuIndex(orderable);
  const refs = [...new Set(parsed.rows.map((row) => row.orderRef).filter(Boolean))];
  const existing = await ctx.db.order.findMany({
    where: byStudio(ctx.studio.id, { source: parsed.format, externalRef: { in: refs } }),
    select: { externalRef: true },
  });
  const imported = new Set(existing.map((order) => order.externalRef));

  const rows = parsed.rows.map((row): PreviewRow => {
    const hit = row.sku ? index.get(normalise(row.sku)) : undefined;
    const variant = hit && hit !== "ambiguous" ? hit : null;
    let error: string | null = null;
    if (!row.orderRef) error = "Missing order id";
    else if (row.quantity === null || row.quantity < 1) error = "Quantity must be a whole number of at least 1";
    else if (!row.sku) error = "Missing SKU";
    else if (hit === "ambiguous") error = `SKU "${row.sku}" matches several variants: list each variant's own SKU in the shop`;
    else if (!variant) error = `Unknown SKU "${row.sku}"`;
    return {
      ...row,
      variantId: variant?.variantId ?? null,
      match: variant ? `${variant.designName} — ${variant.variantName}` : null,
      duplicate: imported.has(row.orderRef),
      error,
    };
  });
  const preview = {
    format: parsed.format,
    rows,
    orderCount: refs.length,
    newOrderCount: refs.filter((ref) => !imported.has(ref)).length,
    errorCount: rows.filter((row) => row.error).length,
  };
  return { preview, variants: new Map(orderable.map((variant) => [variant.variantId, variant])) };
}

/**
 * All or nothing: any row error refuses the whole file; otherwise every new marketplace order is created in
 * this one transaction. Orders imported before (same source and order id) are skipped, so re-importing the
 * same export is harmless.
 */
export async function commitImport(ctx: StudioContext, input: ImportInput) {
  const { preview, variants } = await checkImport(ctx, input);
  if (preview.errorCount > 0) {
    const first = preview.rows.filter((row) => row.error).slice(0, 5).map((row) => `row ${row.row}: ${row.error}`);
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `Nothing was imported: ${preview.errorCount} row${preview.errorCount === 1 ? "" : "s"} need fixing (${first.join("; ")}).`,
    });
  }
  const dueDate = dueDateFromDay(input.dueDate, ctx.studio.timeZone);
  const groups = new Map<string, typeof preview.rows>();
  for (const row of preview.rows) {
    if (row.duplicate) continue;
    groups.set(row.orderRef, [...(groups.get(row.orderRef) ?? []), row]);
  }
  const created = await createOrders(
    ctx,
    [...groups.entries()].map(([ref, rows]) => ({
      kind: input.kind,
      customerName: rows.find((row) => row.customerName)?.customerName ?? "",
      source: preview.format,
      externalRef: ref,
      lines: rows.map((row) => ({ variantId: row.variantId!, quantity: row.quantity!, dueDate })),
    })),
    variants,
  );
  return { created: created.length, skipped: preview.orderCount - created.length, orders: created };
}
