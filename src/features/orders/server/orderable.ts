import { readableDesignWhere } from "~/features/catalog/server/access";
import type { StudioContext } from "~/server/trpc/procedures";
import { notFound } from "~/server/errors";

/** A variant of the current version of a design the studio may order: its own, or one shared with it. */
export type OrderableVariant = {
  variantId: string;
  variantName: string;
  designVersionId: string;
  designId: string;
  designName: string;
  designSku: string;
  sku: string;
  own: boolean;
};

/**
 * Variants of the current version of every unarchived design the studio can read (own + live shares), using
 * the catalog's where-builder so the sharing rule lives in one place.
 */
export async function listOrderableVariants(ctx: StudioContext): Promise<OrderableVariant[]> {
  const studioId = ctx.studio.id;
  const designs = await ctx.db.design.findMany({
    where: { archivedAt: null, ...readableDesignWhere(studioId) },
    select: { id: true, studioId: true, name: true, sku: true, version: true },
    orderBy: { name: "asc" },
    take: 2000,
  });
  if (designs.length === 0) return [];
  const versions = await ctx.db.designVersion.findMany({
    where: { OR: designs.map((d) => ({ designId: d.id, number: d.version })) },
    select: { id: true, designId: true, variants: { orderBy: { position: "asc" }, select: { id: true, name: true, sku: true } } },
  });
  const byDesign = new Map(versions.map((v) => [v.designId, v]));
  return designs.flatMap((design) => {
    const version = byDesign.get(design.id);
    if (!version) return [];
    return version.variants.map((variant) => ({
      variantId: variant.id,
      variantName: variant.name,
      designVersionId: version.id,
      designId: design.id,
      designName: design.name,
      designSku: design.sku,
      sku: variant.sku,
      own: design.studioId === studioId,
    }));
  });
}

/** Resolves variant ids to orderable variants; any id the studio cannot order -> NOT_FOUND. */
export async function resolveVariants(ctx: StudioContext, variantIds: string[]): Promise<Map<string, OrderableVariant>> {
  const studioId = ctx.studio.id;
  const unique = [...new Set(variantIds)];
  const rows = await ctx.db.designVariant.findMany({
    where: { id: { in: unique }, designVersion: { design: { archivedAt: null, ...readableDesignWhere(studioId) } } },
    select: {
      id: true,
      name: true,
      sku: true,
      designVersion: { select: { id: true, designId: true, name: true, sku: true, studioId: true } },
    },
  });
  const found = new Map<string, OrderableVariant>(
    rows.map((row) => [
      row.id,
      {
        variantId: row.id,
        variantName: row.name,
        designVersionId: row.designVersion.id,
        designId: row.designVersion.designId,
        designName: row.designVersion.name,
        designSku: row.designVersion.sku,
        sku: row.sku,
        own: row.designVersion.studioId === studioId,
      },
    ]),
  );
  const missing = unique.filter((variantId) => !found.has(variantId));
  if (missing.length) throw notFound("Design variant");
  return found;
}
