import { TRPCError } from "@trpc/server";
import { pinDesignVersion } from "~/features/catalog/server/version-pins";
import { replanAfterOrderChange } from "~/features/planning/server/runs";
import { recordAudit, type AuditChange } from "~/server/audit";
import { byStudio } from "~/server/db";
import { notFound, staleEdit } from "~/server/errors";
import { type UpdateOrderInput, dayFromDate, dueDateFromDay } from "./schemas";
import { assertDueDaysNotPast } from "./due-dates";
import { resolveVariants } from "./orderable";
import type { StudioContext } from "~/server/trpc/procedures";

/**
 * Pieces of each line the plan can no longer take back: in started or finished batches, or in batches someone
 * locked on the board. Per line, the most at any one routing step.
 */
export async function committedPieces(ctx: StudioContext, lineIds: string[]): Promise<Map<string, number>> {
  if (lineIds.length === 0) return new Map();
  const items = await ctx.db.batchItem.findMany({
    where: byStudio(ctx.studio.id, {
      orderLineId: { in: lineIds },
      batch: { OR: [{ locked: true }, { status: { in: ["STARTED" as const, "DONE" as const] } }] },
    }),
    select: { orderLineId: true, stepPosition: true, pieces: true },
  });
  const perStep = new Map<string, number>();
  for (const item of items) {
    const key = `${item.orderLineId}#${item.stepPosition}`;
    perStep.set(key, (perStep.get(key) ?? 0) + item.pieces);
  }
  const result = new Map<string, number>();
  for (const [key, pieces] of perStep) {
    const lineId = key.slice(0, key.lastIndexOf("#"));
    result.set(lineId, Math.max(result.get(lineId) ?? 0, pieces));
  }
  return result;
}

const lineLabel = (position: number, line: { designName: string; variantName: string }) => `Line ${position + 1} (${line.designName} — ${line.variantName})`;

/**
 * Changes an open order: customer, kind, notes and its lines (variant, quantity, due date; add and remove).
 * Work already done or pinned is protected: a line with pieces in started, finished or locked batches keeps its
 * variant, cannot be removed, and cannot drop below those pieces. Due dates may not move into the past. The
 * change is audited, and a studio with a plan gets a re-plan queued so the board follows.
 */
export async function updateOrder(ctx: StudioContext, input: UpdateOrderInput, now: Date = new Date()) {
  const studioId = ctx.studio.id;
  const tz = ctx.studio.timeZone;
  const order = await ctx.db.order.findFirst({
    where: byStudio(studioId, { id: input.id }),
    select: {
      id: true, number: true, status: true, version: true, kind: true, customerName: true, notes: true,
      lines: { orderBy: { position: "asc" }, select: { id: true, position: true, variantId: true, designName: true, variantName: true, quantity: true, dueDate: true, status: true } },
    },
  });
  if (!order) throw notFound("Order");
  if (order.version !== input.expectedVersion) throw staleEdit("order");
  if (order.status === "DONE" || order.status === "CANCELLED") {
    throw new TRPCError({ code: "BAD_REQUEST", message: `This order is ${order.status === "DONE" ? "done" : "cancelled"}. Reopen it before changing it.` });
  }

  const open = new Map(order.lines.filter((line) => line.status === "OPEN").map((line) => [line.id, line]));
  const keptIds = input.order.lines.flatMap((line) => (line.id ? [line.id] : []));
  if (new Set(keptIds).size !== keptIds.length) throw new TRPCError({ code: "BAD_REQUEST", message: "The same order line appears twice." });
  if (keptIds.some((id) => !open.has(id))) throw notFound("Order line");
  const committed = await committedPieces(ctx, [...open.keys()]);
  const changes: AuditChange[] = [];

  const removed = [...open.values()].filter((line) => !keptIds.includes(line.id));
  for (const line of removed) {
    const pieces = committed.get(line.id) ?? 0;
    if (pieces > 0) {
      throw new TRPCError({ code: "BAD_REQUEST", message: `${lineLabel(line.position, line)} has ${pieces} pieces in started or locked batches, so it cannot be removed. Unlock its batches on the plan board first.` });
    }
    changes.push({ field: `${lineLabel(line.position, line)}`, from: `${line.quantity} pcs`, to: "removed" });
  }

  const dueChecks: Array<{ day: string; label: string }> = [];
  const variantIds: string[] = [];
  input.order.lines.forEach((line, index) => {
    const before = line.id ? open.get(line.id)! : null;
    const label = before ? lineLabel(before.position, before) : `New line ${index + 1}`;
    if (!before || dayFromDate(before.dueDate, tz) !== line.dueDate) dueChecks.push({ day: line.dueDate, label });
    if (!before || before.variantId !== line.variantId) variantIds.push(line.variantId);
    if (!before) return;
    const pieces = committed.get(before.id) ?? 0;
    if (before.variantId !== line.variantId && pieces > 0) {
      throw new TRPCError({ code: "BAD_REQUEST", message: `${label} is already in production (${pieces} pieces), so its design variant cannot change. Add a new line instead.` });
    }
    if (line.quantity < pieces) {
      throw new TRPCError({ code: "BAD_REQUEST", message: `${label}: ${pieces} pieces are already in started or locked batches, so the quantity cannot go below ${pieces}.` });
    }
  });
  assertDueDaysNotPast(dueChecks, ctx.studio.timeZone, now);
  const variants = await resolveVariants(ctx, variantIds);
  for (const versionId of new Set([...variants.values()].filter((v) => !v.own).map((v) => v.designVersionId))) await pinDesignVersion(ctx, { versionId });

  const header = { kind: input.order.kind, customerName: input.order.customerName, notes: input.order.notes };
  const updated = await ctx.db.order.updateMany({
    where: byStudio(studioId, { id: order.id, version: input.expectedVersion }),
    data: { ...header, version: { increment: 1 } },
  });
  if (updated.count === 0) throw staleEdit("order");
  if (header.customerName !== order.customerName) changes.push({ field: "Customer", from: order.customerName || "—", to: header.customerName || "—" });
  if (header.kind !== order.kind) changes.push({ field: "Kind", from: order.kind.toLowerCase(), to: header.kind.toLowerCase() });
  if (header.notes !== order.notes) changes.push({ field: "Notes", from: order.notes || "—", to: header.notes || "—" });

  let demandChanged = removed.length > 0;
  for (const line of removed) {
    const planned = await ctx.db.batchItem.count({ where: byStudio(studioId, { orderLineId: line.id }) });
    // A line the planner has seen stays as a cancelled row (its batch items are history); others just go.
    if (planned > 0) await ctx.db.orderLine.updateMany({ where: byStudio(studioId, { id: line.id }), data: { status: "CANCELLED" } });
    else await ctx.db.orderLine.deleteMany({ where: byStudio(studioId, { id: line.id }) });
  }
  let nextPosition = Math.max(-1, ...order.lines.map((line) => line.position)) + 1;
  for (const line of input.order.lines) {
    const before = line.id ? open.get(line.id)! : null;
    const variant = variants.get(line.variantId);
    const snapshot = variant
      ? { designVersionId: variant.designVersionId, variantId: variant.variantId, designName: variant.designName, variantName: variant.variantName, sku: variant.sku }
      : {};
    if (!before) {
      demandChanged = true;
      const position = nextPosition++;
      await ctx.db.orderLine.create({
        data: { studioId, orderId: order.id, position, ...(snapshot as Required<typeof snapshot>), quantity: line.quantity, dueDate: dueDateFromDay(line.dueDate, tz) },
      });
      changes.push({ field: lineLabel(position, variant!), from: null, to: `${line.quantity} pcs due ${line.dueDate}` });
      continue;
    }
    const label = lineLabel(before.position, before);
    const data: Record<string, unknown> = { ...snapshot };
    if (variant) changes.push({ field: `${label} variant`, from: before.variantName, to: variant.variantName });
    if (line.quantity !== before.quantity) {
      data.quantity = line.quantity;
      changes.push({ field: `${label} quantity`, from: String(before.quantity), to: String(line.quantity) });
    }
    if (dayFromDate(before.dueDate, tz) !== line.dueDate) {
      data.dueDate = dueDateFromDay(line.dueDate, tz);
      changes.push({ field: `${label} due`, from: dayFromDate(before.dueDate, tz), to: line.dueDate });
    }
    if (Object.keys(data).length === 0) continue;
    demandChanged = true;
    await ctx.db.orderLine.updateMany({ where: byStudio(studioId, { id: before.id }), data });
  }

  if (changes.length > 0) {
    await recordAudit(ctx, {
      entity: "order",
      entityId: order.id,
      action: "order.updated",
      summary: changes.map((c) => (c.from === null ? `Added ${c.field}: ${c.to}` : c.to === "removed" ? `Removed ${c.field}` : `${c.field}: ${c.from} → ${c.to}`)).join("; "),
      changes,
    });
  }
  const replan = demandChanged ? await replanAfterOrderChange(ctx) : "none";
  return { id: order.id, version: input.expectedVersion + 1, replan };
}
