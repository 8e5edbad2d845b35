import { TRPCError } from "@trpc/server";
import type { ByIdInput } from "~/lib/inputs";
import { UNIT_LABELS } from "~/lib/units";
import { assertPlanActive } from "~/server/billing/plan-limits";
import { notFound, uniqueOr, updateVersioned } from "~/server/errors";
import type { StudioContext } from "~/server/trpc/procedures";
import type { CreateMaterialInput, ListMaterialsInput, MaterialFields, UpdateMaterialInput } from "./schemas";
import { appendMovement } from "./stock-ledger";

/** What the materials page reads: no timestamps or studio id. */
export const materialSelect = {
  id: true,
  name: true,
  category: true,
  alloy: true,
  gauge: true,
  unit: true,
  onHandMilli: true,
  unitCostCents: true,
  reorderPointMilli: true,
  archivedAt: true,
  version: true,
} as const;

export async function listMaterials(ctx: StudioContext, input: ListMaterialsInput) {
  const rows = await ctx.db.material.findMany({
    where: {
      studioId: ctx.studio.id,
      ...(input.search
        ? {
            OR: [
              { name: { contains: input.search, mode: "insensitive" as const } },
              { alloy: { contains: input.search, mode: "insensitive" as const } },
            ],
          }
        : {}),
    },
    orderBy: { name: "asc" },
    select: materialSelect,
  });
  const withFlag = rows.map((row) => ({ ...row, lowStock: row.onHandMilli <= row.reorderPointMilli }));
  return input.lowStockOnly ? withFlag.filter((row) => row.lowStock) : withFlag;
}

const duplicateName = (material: MaterialFields) => `A material named "${material.name}" already exists.`;

/** A material with its latest 100 ledger rows. */
export async function getMaterial(ctx: StudioContext, input: ByIdInput) {
  const { id } = input;
  const material = await ctx.db.material.findFirst({ where: { id, studioId: ctx.studio.id }, select: materialSelect });
  if (!material) throw notFound("Material");
  const movements = await ctx.db.stockMovement.findMany({
    where: { materialId: id, studioId: ctx.studio.id },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, kind: true, quantityMilli: true, balanceAfterMilli: true, unitCostCents: true, note: true, createdAt: true },
  });
  return { ...material, movements };
}

export async function createMaterial(ctx: StudioContext, input: CreateMaterialInput) {
  await assertPlanActive(ctx);
  const material = await uniqueOr(
    ctx.db.material.create({ data: { ...input.material, studioId: ctx.studio.id }, select: materialSelect }),
    duplicateName(input.material),
  );
  if (input.openingStockMilli > 0) {
    await appendMovement(ctx, {
      materialId: material.id,
      kind: "RECEIVE",
      quantityMilli: input.openingStockMilli,
      unitCostCents: input.material.unitCostCents,
      note: "Opening stock",
    });
  }
  return getMaterial(ctx, { id: material.id });
}

export async function updateMaterial(ctx: StudioContext, input: UpdateMaterialInput) {
  const current = await ctx.db.material.findFirst({ where: { id: input.id, studioId: ctx.studio.id }, select: { unit: true, onHandMilli: true } });
  if (current && current.unit !== input.material.unit) {
    // Stock, the ledger and bills of materials are counted in the unit: it changes only while none exist.
    const movements = await ctx.db.stockMovement.count({ where: { materialId: input.id, studioId: ctx.studio.id } });
    const bomLines = await ctx.db.bomLine.count({ where: { materialId: input.id, studioId: ctx.studio.id } });
    if (current.onHandMilli !== 0 || movements > 0 || bomLines > 0) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: `This material's stock and designs are counted in ${UNIT_LABELS[current.unit]}, so its unit cannot change. Add a new material for the other unit.`,
      });
    }
  }
  await updateVersioned(ctx.db.material, { id: input.id, studioId: ctx.studio.id, expectedVersion: input.expectedVersion }, input.material, {
    what: "material",
    label: "Material",
    duplicate: duplicateName(input.material),
  });
  return getMaterial(ctx, { id: input.id });
}
