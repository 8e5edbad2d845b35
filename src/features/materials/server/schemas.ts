import { z } from "zod";
import { MATERIAL_CATEGORIES, MATERIAL_UNITS } from "~/lib/units";
import { expectedVersionSchema, idSchema as id, nameSchema as name, nonNegativeInt, optionalText } from "~/lib/inputs";

// API inputs use the canonical units (see ~/lib/units.ts): cents and milli-units.

export const materialFields = z.object({
  name,
  category: z.enum(MATERIAL_CATEGORIES),
  alloy: optionalText(60).nullable(),
  gauge: optionalText(30).nullable(),
  unit: z.enum(MATERIAL_UNITS),
  unitCostCents: nonNegativeInt("Unit cost"),
  reorderPointMilli: nonNegativeInt("Reorder point"),
});
export type MaterialFields = z.infer<typeof materialFields>;

export const createMaterialInput = z.object({ material: materialFields, openingStockMilli: nonNegativeInt("Opening stock").default(0) });
export const updateMaterialInput = z.object({ id, expectedVersion: expectedVersionSchema, material: materialFields });
export const listMaterialsInput = z.object({ search: optionalText(120).optional(), lowStockOnly: z.boolean().optional() });

export const recordMovementInput = z
  .object({
    materialId: id,
    kind: z.enum(["RECEIVE", "ADJUST", "CONSUME"]),
    // RECEIVE and CONSUME take a positive amount; ADJUST a signed one.
    quantityMilli: z.number().int().min(-2_000_000_000).max(2_000_000_000),
    unitCostCents: nonNegativeInt("Unit cost").nullable().optional(),
    note: optionalText(500).default(""),
  })
  .superRefine((movement, ctx) => {
    if (movement.quantityMilli === 0) ctx.addIssue({ code: "custom", path: ["quantityMilli"], message: "Enter a quantity other than zero" });
    if (movement.kind !== "ADJUST" && movement.quantityMilli < 0) {
      ctx.addIssue({ code: "custom", path: ["quantityMilli"], message: "Enter a positive quantity" });
    }
  });

// Services take (ctx, input) with these types.
export type CreateMaterialInput = z.infer<typeof createMaterialInput>;
export type UpdateMaterialInput = z.infer<typeof updateMaterialInput>;
export type ListMaterialsInput = z.infer<typeof listMaterialsInput>;
export type RecordMovementInput = z.infer<typeof recordMovementInput>;
