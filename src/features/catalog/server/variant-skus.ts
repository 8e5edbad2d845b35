import { TRPCError } from "@trpc/server";
import { suggestVariantSku } from "../variant-skus";
import type { DesignFields } from "./schemas";
import type { StudioContext } from "~/server/trpc/procedures";

/**
 * The SKU of each variant about to be published: the one given, or one made from the design SKU and the
 * variant name. Refuses two variants of the design with one SKU, and a SKU a variant of another of the
 * studio's current designs already uses (order imports could not tell them apart).
 */
export async function resolveVariantSkus(ctx: StudioContext, designId: string, content: Pick<DesignFields, "sku" | "variants">): Promise<string[]> {
  const skus = content.variants.map((variant) => variant.sku?.trim() || suggestVariantSku(content.sku, variant.name));
  const seen = new Map<string, number>();
  skus.forEach((sku, index) => {
    const first = seen.get(sku.toLowerCase());
    if (first !== undefined) {
      throw new TRPCError({ code: "BAD_REQUEST", message: `Variants ${first + 1} and ${index + 1} have the same SKU ${sku}. Give each variant its own SKU.` });
    }
    seen.set(sku.toLowerCase(), index);
  });
  const others = await ctx.db.designVariant.findMany({
    where: {
      studioId: ctx.studio.id,
      OR: skus.map((sku) => ({ sku: { equals: sku, mode: "insensitive" as const } })),
      designVersion: { designId: { not: designId }, design: { archivedAt: null } },
    },
    select: { sku: true, designVersion: { select: { number: true, design: { select: { name: true, version: true } } } } },
  });
  const clash = others.find((other) => other.designVersion.number === other.designVersion.design.version);
  if (clash) {
    throw new TRPCError({ code: "CONFLICT", message: `The SKU ${clash.sku} is already used by a variant of "${clash.designVersion.design.name}". Give this variant another SKU.` });
  }
  return skus;
}
