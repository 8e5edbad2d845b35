import { z } from "zod";
import { moneyToCents, minutesToSeconds, toMilli } from "~/lib/units";

// Form values in the units people think in (minutes, grams, pieces); converted to API units on submit.

const num = (label: string) => z.number({ message: `Enter ${label}` }).min(0, { message: `${label} cannot be negative` });
const optionalPositive = (label: string) => z.number().int({ message: `${label} must be a whole number` }).min(1, { message: `${label} must be at least 1` }).nullable();

export const stepValues = z
  .object({
    name: z.string().trim().min(1, { message: "Name the step" }),
    stationId: z.string().min(1, { message: "Choose a station" }),
    setupMinutes: num("setup minutes"),
    minutesPerPiece: num("minutes per piece"),
    batchable: z.boolean(),
    batchFamily: z.string().trim(),
    maxBatchSize: optionalPositive("Max batch size"),
    unattendedMinutes: z.number().positive({ message: "Run time must be positive" }).nullable(),
  })
  .superRefine((step, ctx) => {
    if (step.batchable && !step.batchFamily) ctx.addIssue({ code: "custom", path: ["batchFamily"], message: "Batchable steps need a batch family" });
  });

export const variantValues = z.object({
  // Per-step time overrides are kept as they are (edited through CSV or the API).
  overrides: z.array(z.object({ step: z.number(), secondsPerPiece: z.number() })),
  name: z.string().trim().min(1, { message: "Name the variant" }).max(120, { message: "Use at most 120 characters" }),
  // Empty: made from the design SKU and the variant name when saved.
  sku: z.string().trim().max(60, { message: "Use at most 60 characters" }).regex(/^[A-Za-z0-9._-]*$/, { message: "Use letters, digits, dot, dash or underscore" }),
  bom: z.array(
    z.object({
      materialId: z.string().min(1, { message: "Choose a material" }),
      quantity: z.number({ message: "Enter a quantity" }).positive({ message: "Quantity must be more than 0" }),
      // The routing step that uses it (null = the first step).
      stepPosition: z.number().int().min(0).nullable(),
    }),
  ),
});

export const designValues = z.object({
  name: z.string().trim().min(1, { message: "Enter a name" }).max(120, { message: "Use at most 120 characters" }),
  sku: z.string().trim().min(1, { message: "Enter a SKU" }).max(40, { message: "Use at most 40 characters" }).regex(/^[A-Za-z0-9._-]+$/, { message: "Use letters, digits, dot, dash or underscore" }),
  description: z.string().max(4000),
  photoUrl: z.union([z.literal(""), z.string().trim().url({ message: "Enter a full https:// address" }).startsWith("https://", { message: "Use an https:// address" })]),
  catalogIds: z.array(z.string()).min(1, { message: "Choose at least one catalog" }),
  steps: z.array(stepValues).min(1, { message: "Add at least one routing step" }),
  variants: z.array(variantValues).min(1, { message: "Add at least one variant" }),
});
export type DesignValues = z.infer<typeof designValues>;

export const emptyStep: DesignValues["steps"][number] = {
  name: "",
  stationId: "",
  setupMinutes: 0,
  minutesPerPiece: 1,
  batchable: false,
  batchFamily: "",
  maxBatchSize: null,
  unattendedMinutes: null,
};

export function toApiDesign(values: DesignValues) {
  return {
    name: values.name,
    sku: values.sku,
    description: values.description,
    photoUrl: values.photoUrl || null,
    catalogIds: values.catalogIds,
    steps: values.steps.map((step) => ({
      name: step.name,
      stationId: step.stationId,
      setupSeconds: minutesToSeconds(step.setupMinutes),
      secondsPerPiece: minutesToSeconds(step.minutesPerPiece),
      batchable: step.batchable,
      batchFamily: step.batchable ? step.batchFamily : null,
      maxBatchSize: step.maxBatchSize,
      unattendedRunSeconds: step.unattendedMinutes === null ? null : minutesToSeconds(step.unattendedMinutes),
    })),
    variants: values.variants.map((variant) => ({
      name: variant.name,
      sku: variant.sku,
      overrides: variant.overrides,
      bom: variant.bom.map((line) => ({ materialId: line.materialId, quantityMilli: toMilli(line.quantity), stepPosition: line.stepPosition })),
    })),
  };
}

/** Empty inputs become null for optional numbers. */
export { moneyToCents };
