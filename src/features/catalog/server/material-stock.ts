import { TRPCError } from "@trpc/server";
import { assertPlanActive } from "~/server/billing/plan-limits";
import { UNIT_LABELS } from "../units";
import { missingOrStale, notFound, uniqueOr } from "~/server/errors";
import type { CreateMaterialInput, ListMaterialsInput, RecordMovementInput, UpdateMaterialInput } from "./schemas";
import type { StudioContext } from "~/server/trpc/procedures";

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

export async function getMaterial(ctx: StudioContext, id: string) {
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
    `A material named "${input.material.name}" already exists.`,
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
  return getMaterial(ctx, material.id);
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
  const { count } = await uniqueOr(
    ctx.db.material.updateMany({
      where: { id: input.id, studioId: ctx.studio.id, version: input.expectedVersion },
      data: { ...input.material, version: { increment: 1 } },
    }),
    `A material named "${input.material.name}" already exists.`,
  );
  if (count === 0) await missingOrStale(ctx.db.material.count({ where: { id: input.id, studioId: ctx.studio.id } }), "material", "Material");
  return getMaterial(ctx, input.id);
}

type Movement = RecordMovementInput;

/**
 * Appends one ledger row and moves the on-hand balance by the same amount, in the request's transaction.
 * The balance update is an atomic increment guarded against going negative, so racing consumers cannot
 * oversell stock; a receive with a cost updates the material's current unit cost.
 */
export async function appendMovement(ctx: StudioContext, movement: Movement) {
  const delta = movement.kind === "CONSUME" ? -Math.abs(movement.quantityMilli) : movement.quantityMilli;
  const updated = await ctx.db.material.updateMany({
    where: { id: movement.materialId, studioId: ctx.studio.id, ...(delta < 0 ? { onHandMilli: { gte: -delta } } : {}) },
    data: {
      onHandMilli: { increment: delta },
      ...(movement.kind === "RECEIVE" && movement.unitCostCents != null ? { unitCostCents: movement.unitCostCents } : {}),
    },
  });
  if (updated.count === 0) {
    const exists = await ctx.db.material.count({ where: { id: movement.materialId, studioId: ctx.studio.id } });
    if (!exists) throw notFound("Material");
    throw new TRPCError({ code: "BAD_REQUEST", message: "Not enough stock on hand for that change." });
  }
  const material = await ctx.db.material.findFirstOrThrow({
    where: { id: movement.materialId, studioId: ctx.studio.id },
    select: { onHandMilli: true },
  });
  return ctx.db.stockMovement.create({
    data: {
      studioId: ctx.studio.id,
      materialId: movement.materialId,
      kind: movement.kind,
      quantityMilli: delta,
      balanceAfterMilli: material.onHandMilli,
      unitCostCents: movement.unitCostCents ?? null,
      note: movement.note ?? "",
      createdById: ctx.user.id,
    },
    select: { id: true, kind: true, quantityMilli: true, balanceAfterMilli: true, createdAt: true },
  });
}
