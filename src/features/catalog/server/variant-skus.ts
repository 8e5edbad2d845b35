import { TRPCError } from "@trpc/server";
import { suggestVariantSku } from "../variant-skus";
import type { CatalogCtx } from "./access";
import type { DesignFields } from "./schemas";

type Content = Pick<DesignFields, "sku" | "variants">;

/**
 * The SKU of each variant about to be published, per design: the one given, or one made from the design SKU
 * and the variant name. Refuses two variants of a design with one SKU, two designs published together with
 * one variant SKU, and a SKU a variant of another of the studio's current designs already uses (order
 * imports could not tell them apart). One query however many designs (a CSV import publishes hundreds).
 */
export async function resolveVariantSkus(ctx: CatalogCtx, designs: Array<{ designId: string; content: Content }>): Promise<string[][]> {
  const owner = new Map<string, string>();
  const skus = designs.map(({ content }) => {
    const list = content.variants.map((variant) => variant.sku?.trim() || suggestVariantSku(content.sku, variant.name));
    const seen = new Map<string, number>();
    list.forEach((sku, index) => {
      const first = seen.get(sku.toLowerCase());
      if (first !== undefined) {
        const where = designs.length > 1 ? `${content.sku}: variants` : "Variants";
        throw new TRPCError({ code: "BAD_REQUEST", message: `${where} ${first + 1} and ${index + 1} have the same SKU ${sku}. Give each variant its own SKU.` });
      }
      seen.set(sku.toLowerCase(), index);
      const other = owner.get(sku.toLowerCase());
      if (other !== undefined) throw new TRPCError({ code: "BAD_REQUEST", message: `${other} and ${content.sku} both have a variant with the SKU ${sku}. Give each variant its own SKU.` });
      owner.set(sku.toLowerCase(), content.sku);
    });
    return list;
  });
  const clashes = await ctx.db.$queryRaw<Array<{ sku: string; name: string }>>`
    SELECT v."sku", d."name" FROM "DesignVariant" v
      JOIN unnest(${[...owner.keys()]}::text[]) AS wanted("sku") ON wanted."sku" = lower(v."sku")
      JOIN "DesignVersion" dv ON dv."id" = v."designVersionId" AND dv."studioId" = v."studioId"
      JOIN "Design" d ON d."id" = dv."designId" AND d."studioId" = dv."studioId" AND d."version" = dv."number"
      LEFT JOIN unnest(${designs.map((d) => d.designId)}::text[]) AS publishing("id") ON publishing."id" = d."id"
     WHERE v."studioId" = ${ctx.studio.id} AND d."archivedAt" IS NULL AND publishing."id" IS NULL
     LIMIT 1`;
  const clash = clashes[0];
  if (clash) {
    throw new TRPCError({ code: "CONFLICT", message: `The SKU ${clash.sku} is already used by a variant of "${clash.name}". Give this variant another SKU.` });
  }
  return skus;
}
