import { z } from "zod";
import { expectedVersionSchema, idSchema as id, nameSchema as name, nonNegativeInt, optionalText, positiveInt } from "~/lib/inputs";

// API inputs use the canonical units (see ~/lib/units.ts): cents, milli-units, seconds.

export const catalogIdInput = z.object({ catalogId: id });

export const catalogFields = z.object({ name, description: optionalText(1000).default("") });
export const createCatalogInput = z.object({ catalog: catalogFields });
export const updateCatalogInput = z.object({ id, expectedVersion: expectedVersionSchema, catalog: catalogFields });

export const shareCatalogInput = z.object({
  catalogId: id,
  // The target studio's address (slug) or its owner's email.
  target: z.string().trim().toLowerCase().min(3, { message: "Enter a studio address or an owner's email" }).max(200),
});
export const shareIdInput = z.object({ shareId: id });

// stepPosition: the routing step that uses the material (null = the first step, where metal is cut).
export const bomLineInput = z.object({ materialId: id, quantityMilli: positiveInt("Quantity"), stepPosition: z.number().int().min(0).max(49).nullable().default(null) });
export const overrideInput = z.object({ step: z.number().int().min(0), secondsPerPiece: nonNegativeInt("Override") });
export const skuSchema = z.string().trim().min(1, { message: "Enter a SKU" }).max(40, { message: "Use at most 40 characters" }).regex(/^[A-Za-z0-9._-]+$/, { message: "Use letters, digits, dot, dash or underscore" });
export const variantSkuSchema = z.string().trim().max(60, { message: "Use at most 60 characters" }).regex(/^[A-Za-z0-9._-]*$/, { message: "Use letters, digits, dot, dash or underscore" });
export const variantInput = z.object({
  name: name,
  // Empty or missing: made from the design SKU and the variant name (see ../variant-skus.ts).
  sku: variantSkuSchema.optional(),
  bom: z.array(bomLineInput).max(50),
  overrides: z.array(overrideInput).max(50).default([]),
});
export const stepInput = z
  .object({
    name,
    stationId: id,
    setupSeconds: nonNegativeInt("Setup time"),
    secondsPerPiece: nonNegativeInt("Time per piece"),
    batchable: z.boolean(),
    batchFamily: optionalText(80).nullable(),
    maxBatchSize: positiveInt("Max batch size").nullable(),
    unattendedRunSeconds: positiveInt("Unattended run time").nullable(),
  })
  .superRefine((step, ctx) => {
    if (step.batchable && !step.batchFamily) {
      ctx.addIssue({ code: "custom", path: ["batchFamily"], message: "Batchable steps need a batch family" });
    }
  });

const photoUrl = z
  .string()
  .trim()
  .max(1000)
  .url({ message: "Enter a full https:// address" })
  .refine((url) => url.startsWith("https://"), { message: "Use an https:// address" })
  .nullable();

export const designFields = z.object({
  name,
  sku: skuSchema,
  description: optionalText(4000).default(""),
  photoUrl,
  catalogIds: z.array(id).min(1, { message: "Choose at least one catalog" }).max(20),
  variants: z.array(variantInput).min(1, { message: "Add at least one variant" }).max(200, { message: "At most 200 variants" }),
  steps: z.array(stepInput).min(1, { message: "Add at least one routing step" }).max(50),
});
export type DesignFields = z.infer<typeof designFields>;

export const createDesignInput = z.object({ design: designFields });
export const updateDesignInput = z.object({ id, expectedVersion: expectedVersionSchema.min(1), design: designFields });
export const listDesignsInput = z.object({
  search: optionalText(120).optional(),
  catalogId: id.optional(),
  scope: z.enum(["all", "own", "shared"]).default("all"),
});
export const getVersionInput = z.object({ versionId: id });
export type GetVersionInput = z.infer<typeof getVersionInput>;
// The sharer's station id / material key -> one of ours, or "new". Left out: the suggested match.
const forkChoices = z.record(z.string().max(200), z.string().min(1).max(64)).refine((r) => Object.keys(r).length <= 100, { message: "Too many choices" });
export const forkDesignInput = z.object({ id, catalogId: id, sku: skuSchema, stations: forkChoices.optional(), materials: forkChoices.optional() });

export const costingInput = z.object({
  labourRateCents: nonNegativeInt("Labour rate").max(10_000_00),
  costingBatchSize: positiveInt("Typical batch size").max(10_000),
});

// Services take (ctx, input) with these types.
export type CatalogIdInput = z.infer<typeof catalogIdInput>;
export type CreateCatalogInput = z.infer<typeof createCatalogInput>;
export type UpdateCatalogInput = z.infer<typeof updateCatalogInput>;
export type ShareCatalogInput = z.infer<typeof shareCatalogInput>;
export type ShareIdInput = z.infer<typeof shareIdInput>;
export type BomLineInput = z.infer<typeof bomLineInput>;
export type OverrideInput = z.infer<typeof overrideInput>;
export type VariantInput = z.infer<typeof variantInput>;
export type StepInput = z.infer<typeof stepInput>;
export type CreateDesignInput = z.infer<typeof createDesignInput>;
export type UpdateDesignInput = z.infer<typeof updateDesignInput>;
export type ListDesignsInput = z.infer<typeof listDesignsInput>;
export type ForkDesignInput = z.infer<typeof forkDesignInput>;
export type CostingInput = z.infer<typeof costingInput>;
