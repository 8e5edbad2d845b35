import { TRPCError } from "@trpc/server";
import { notFound } from "~/server/errors";
import type { StudioContext } from "~/server/trpc/procedures";
import type { RecordMovementInput } from "./schemas";

// The stock ledger: append-only movements, each moving the material's on-hand balance by the same amount.

/**
 * Appends one ledger row and moves the on-hand balance by the same amount, in the request's transaction.
 * The balance update is an atomic increment guarded against going negative, so racing consumers cannot
 * oversell stock; a receive with a cost updates the material's current unit cost.
 */
export async function appendMovement(ctx: StudioContext, movement: RecordMovementInput) {
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
