import { TRPCError } from "@trpc/server";
import { pinDesignVersion } from "~/features/catalog/server/version-pins";
import type { OrderKind, OrderSource, OrderStatus } from "~/generated/prisma/client";
import { byStudio } from "~/server/db";
import { bulkInsert, type BulkColumn } from "~/server/db/bulk-insert";
import { notFound, uniqueOr, updateVersioned } from "~/server/errors";
import type { StudioContext } from "~/server/trpc/procedures";
import { replanAfterOrderChange } from "~/features/planning/server/runs";
import { auditTrail, recordAudit } from "~/server/audit";
import { type CreateOrderInput, type ListOrdersInput, ORDER_STATUS_LABELS, type SetOrderStatusInput, dueDateFromDay } from "./schemas";
import { assertDueDaysNotPast } from "./due-dates";
import { committedPieces } from "./order-edit";
import { resolveVariants, type OrderableVariant } from "./orderable";
import type { ByIdInput } from "~/lib/inputs";

export type NewOrder = {
  kind: OrderKind;
  customerName: string;
  notes?: string;
  source: OrderSource;
  externalRef?: string | null;
  lines: Array<{ variantId: string; quantity: number; dueDate: Date }>;
};

/** Next order number of the studio, serialised per studio by a transaction-scoped advisory lock. */
async function firstFreeOrderNumber(ctx: StudioContext): Promise<number> {
  await ctx.db.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`order-number:${ctx.studio.id}`}))::text AS locked`;
  const last = await ctx.db.order.aggregate({ where: byStudio(ctx.studio.id), _max: { number: true } });
  return (last._max.number ?? 0) + 1;
}

type LineVariant = Pick<OrderableVariant, "designVersionId" | "variantId" | "designName" | "variantName" | "sku">;

/** The copy of its variant an order line keeps (it reads the same after the design changes), as bulk columns. */
export function lineVariantColumns<R extends { variant: LineVariant }>(): Array<BulkColumn<R>> {
  return [
    { name: "designVersionId", type: "text", value: (l) => l.variant.designVersionId },
    { name: "variantId", type: "text", value: (l) => l.variant.variantId },
    { name: "designName", type: "text", value: (l) => l.variant.designName },
    { name: "variantName", type: "text", value: (l) => l.variant.variantName },
    { name: "sku", type: "text", value: (l) => l.variant.sku },
  ];
}

// Two imports of one marketplace export at the same time: the second one finds the orders taken.
const TAKEN_MEANWHILE = "Some of these orders were added at the same time by someone else. Preview the file again.";

/**
 * Creates orders with their lines in the request's transaction. Every variant must be orderable (own or a
 * live share); a shared design's version gets a DesignVersionUse so the order stays readable after a revoke.
 * `orderable`: the variants the caller has just read as orderable (an import's preview), else looked up.
 */
export async function createOrders(ctx: StudioContext, orders: NewOrder[], orderable?: Map<string, OrderableVariant>) {
  if (orders.length === 0) return [];
  const variants = orderable ?? (await resolveVariants(ctx, orders.flatMap((order) => order.lines.map((line) => line.variantId))));
  const shared = new Set([...variants.values()].filter((v) => !v.own).map((v) => v.designVersionId));
  for (const versionId of shared) await pinDesignVersion(ctx, { versionId });

  const first = await firstFreeOrderNumber(ctx);
  const rows = orders.map((order, index) => ({ id: crypto.randomUUID(), number: first + index, order }));
  const studioId = ctx.studio.id;
  const now = new Date();
  // One statement per table however many orders (a 5,000-row CSV import): see bulk-insert.ts.
  await uniqueOr(bulkInsert(ctx.db, "Order", [
    { name: "id", type: "text", value: (r) => r.id },
    { name: "studioId", type: "text", constant: studioId },
    { name: "number", type: "int", value: (r) => r.number },
    { name: "kind", type: '"OrderKind"', value: (r) => r.order.kind },
    { name: "customerName", type: "text", value: (r) => r.order.customerName },
    { name: "notes", type: "text", value: (r) => r.order.notes ?? "" },
    { name: "source", type: '"OrderSource"', value: (r) => r.order.source },
    { name: "externalRef", type: "text", value: (r) => r.order.externalRef ?? null },
    { name: "createdById", type: "text", constant: ctx.user.id },
    { name: "createdAt", type: "timestamp", constant: now },
    { name: "updatedAt", type: "timestamp", constant: now },
  ], rows), TAKEN_MEANWHILE);
  const lines = rows.flatMap((r) => r.order.lines.map((line, position) => ({ orderId: r.id, position, line, variant: variants.get(line.variantId)! })));
  await bulkInsert(ctx.db, "OrderLine", [
    { name: "id", type: "text", value: () => crypto.randomUUID() },
    { name: "studioId", type: "text", constant: studioId },
    { name: "orderId", type: "text", value: (l) => l.orderId },
    { name: "position", type: "int", value: (l) => l.position },
    ...lineVariantColumns(),
    { name: "quantity", type: "int", value: (l) => l.line.quantity },
    { name: "dueDate", type: "timestamp", value: (l) => l.line.dueDate },
    { name: "createdAt", type: "timestamp", constant: now },
  ], lines);
  return rows.map((r) => ({ id: r.id, number: r.number }));
}

export async function createManualOrder(ctx: StudioContext, input: CreateOrderInput, now: Date = new Date()) {
  const { order } = input;
  assertDueDaysNotPast(order.lines.map((line, index) => ({ day: line.dueDate, label: `Line ${index + 1}` })), ctx.studio.timeZone, now);
  const [created] = await createOrders(ctx, [
    {
      kind: order.kind,
      customerName: order.customerName,
      notes: order.notes,
      source: "MANUAL",
      lines: order.lines.map((line) => ({ variantId: line.variantId, quantity: line.quantity, dueDate: dueDateFromDay(line.dueDate, ctx.studio.timeZone) })),
    },
  ]);
  return created!;
}

export async function listOrders(ctx: StudioContext, input: ListOrdersInput) {
  const search = input.search?.trim();
  const asNumber = search && /^#?\d+$/.test(search) ? Number(search.replace("#", "")) : undefined;
  const orders = await ctx.db.order.findMany({
    where: {
      ...byStudio(ctx.studio.id),
      ...(input.status ? { status: input.status } : {}),
      ...(search
        ? {
            OR: [
              { customerName: { contains: search, mode: "insensitive" as const } },
              { externalRef: { contains: search, mode: "insensitive" as const } },
              { lines: { some: { OR: [{ designName: { contains: search, mode: "insensitive" as const } }, { sku: { contains: search, mode: "insensitive" as const } }] } } },
              ...(asNumber !== undefined ? [{ number: asNumber }] : []),
            ],
          }
        : {}),
    },
    orderBy: { number: "desc" },
    take: 300,
    select: {
      id: true, number: true, kind: true, customerName: true, source: true, externalRef: true, status: true, createdAt: true,
      lines: { select: { quantity: true, dueDate: true, status: true } },
    },
  });
  return orders.map(({ lines: all, ...order }) => {
    // Lines removed by an edit stay as cancelled rows for history; a cancelled order shows what it was.
    const lines = order.status === "CANCELLED" ? all : all.filter((line) => line.status !== "CANCELLED");
    return {
      ...order,
      lineCount: lines.length,
      pieces: lines.reduce((sum, line) => sum + line.quantity, 0),
      dueDate: lines.length ? new Date(Math.min(...lines.map((line) => line.dueDate.getTime()))) : null,
    };
  });
}

export async function getOrder(ctx: StudioContext, input: ByIdInput) {
  const { id } = input;
  const order = await ctx.db.order.findFirst({
    where: byStudio(ctx.studio.id, { id }),
    select: {
      id: true, number: true, kind: true, customerName: true, notes: true, source: true, externalRef: true, status: true,
      version: true, createdAt: true,
      lines: {
        orderBy: { position: "asc" },
        select: {
          id: true, position: true, designVersionId: true, variantId: true, designName: true, variantName: true, sku: true,
          quantity: true, dueDate: true, status: true,
          batchItems: { select: { pieces: true, stepPosition: true, batch: { select: { id: true, stepName: true, startAt: true, endAt: true, status: true } } } },
        },
      },
    },
  });
  if (!order) throw notFound("Order");
  const committed = await committedPieces(ctx, order.lines.map((line) => line.id));
  return {
    ...order,
    lines: order.lines.map((line) => ({ ...line, committedPieces: committed.get(line.id) ?? 0 })),
    history: await auditTrail(ctx, "order", order.id),
  };
}

const LINE_STATUS_FOR: Record<OrderStatus, "OPEN" | "DONE" | "CANCELLED" | null> = {
  OPEN: "OPEN",
  IN_PRODUCTION: null,
  DONE: "DONE",
  CANCELLED: "CANCELLED",
};

/**
 * Status change with the optimistic-lock version; cancelling or finishing closes the open lines too. A
 * cancelled order is reopened before anything else (it was never made, so it cannot be "done"). Audited;
 * a studio with a plan plans again so the board follows.
 */
export async function setOrderStatus(ctx: StudioContext, input: SetOrderStatusInput) {
  const current = await ctx.db.order.findFirst({ where: byStudio(ctx.studio.id, { id: input.id }), select: { status: true } });
  if (current?.status === "CANCELLED" && input.status !== "OPEN" && input.status !== "CANCELLED") {
    throw new TRPCError({ code: "BAD_REQUEST", message: "This order is cancelled. Reopen it first." });
  }
  await updateVersioned(ctx.db.order, { id: input.id, studioId: ctx.studio.id, expectedVersion: input.expectedVersion }, { status: input.status }, { what: "order", label: "Order" });
  const lineStatus = LINE_STATUS_FOR[input.status];
  if (lineStatus) {
    await ctx.db.orderLine.updateMany({
      where: byStudio(ctx.studio.id, { orderId: input.id, status: lineStatus === "OPEN" ? { not: "OPEN" as const } : ("OPEN" as const) }),
      data: { status: lineStatus },
    });
  }
  if (current && current.status !== input.status) {
    await recordAudit(ctx, {
      entity: "order",
      entityId: input.id,
      action: "order.status",
      summary: `Status: ${ORDER_STATUS_LABELS[current.status]} → ${ORDER_STATUS_LABELS[input.status]}`,
      changes: [{ field: "Status", from: current.status, to: input.status }],
    });
  }
  const replan = current && current.status !== input.status ? await replanAfterOrderChange(ctx) : "none";
  return { id: input.id, status: input.status, replan };
}
