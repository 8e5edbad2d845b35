import type { PlanFigures } from "~/features/planning/server/save";
import type { StudioContext } from "~/server/trpc/procedures";
import type { DashboardInput, DashboardRange } from "./schemas";
import { addDays, dayOf, daysBetween, endOfStudioDay, studioToday } from "~/server/time-zone";
import { rangeBounds, studioRange } from "./range";

const LIST_LIMIT = 50;
const UPCOMING_DAYS = 14;

/**
 * On-time delivery over the range. A line is "completed" when its status is DONE (an admin marks the order
 * Done, which closes its open lines); its completion time is the order's updatedAt (the Done transition).
 * Completed lines count in the range when that time falls inside it. On time: completed at or before the
 * line's due date (the end of the due day in the studio's zone). rate = onTime / completed, null without completions.
 */
export async function onTimeDelivery(ctx: StudioContext, range: DashboardRange) {
  const { lo, hi } = rangeBounds(range, ctx.studio.timeZone);
  const [row] = await ctx.db.$queryRaw<Array<{ completed: number; onTime: number }>>`
    SELECT COUNT(*)::int AS "completed", COUNT(*) FILTER (WHERE o."updatedAt" <= ol."dueDate")::int AS "onTime"
      FROM "OrderLine" ol
      JOIN "Order" o ON o."studioId" = ol."studioId" AND o."id" = ol."orderId"
     WHERE ol."studioId" = ${ctx.studio.id} AND ol."status" = 'DONE' AND o."status" = 'DONE'
       AND o."updatedAt" >= ${lo} AND o."updatedAt" < ${hi}`;
  const completed = row?.completed ?? 0;
  const onTime = row?.onTime ?? 0;
  return { completed, onTime, rate: completed > 0 ? onTime / completed : null };
}

type LineRow = { id: string; orderId: string; orderNumber: number; customerName: string; designName: string; variantName: string; quantity: number; dueDate: Date };

const lineSelect = {
  id: true, orderId: true, designName: true, variantName: true, quantity: true, dueDate: true,
  order: { select: { number: true, customerName: true } },
} as const;

function toRow(line: { id: string; orderId: string; designName: string; variantName: string; quantity: number; dueDate: Date; order: { number: number; customerName: string } }): LineRow {
  return { id: line.id, orderId: line.orderId, orderNumber: line.order.number, customerName: line.order.customerName, designName: line.designName, variantName: line.variantName, quantity: line.quantity, dueDate: line.dueDate };
}

/**
 * Open order lines (status OPEN) whose due day has ended, most overdue first; and those due from now to the
 * end of the 14th studio-local day from today.
 */
export async function dueLines(ctx: StudioContext, now = new Date()) {
  const studioId = ctx.studio.id;
  const timeZone = ctx.studio.timeZone;
  const today = studioToday(timeZone, now);
  const soon = endOfStudioDay(timeZone, addDays(today, UPCOMING_DAYS));
  // Sequential: one request transaction runs one query at a time.
  const late = await ctx.db.orderLine.findMany({ where: { studioId, status: "OPEN", dueDate: { lt: now } }, select: lineSelect, orderBy: [{ dueDate: "asc" }, { id: "asc" }], take: LIST_LIMIT });
  const lateCount = await ctx.db.orderLine.count({ where: { studioId, status: "OPEN", dueDate: { lt: now } } });
  const upcoming = await ctx.db.orderLine.findMany({ where: { studioId, status: "OPEN", dueDate: { gte: now, lte: soon } }, select: lineSelect, orderBy: [{ dueDate: "asc" }, { id: "asc" }], take: LIST_LIMIT });
  // Studio-local days since the due day, at least 1.
  const daysLate = (due: Date) => Math.max(1, daysBetween(dayOf(timeZone, due), today));
  return { late: late.map((line) => ({ ...toRow(line), daysLate: daysLate(line.dueDate) })), lateCount, upcoming: upcoming.map(toRow) };
}

/** Active (not archived) materials with on-hand stock at or below their reorder point, emptiest first. */
export async function lowStock(ctx: StudioContext) {
  return ctx.db.$queryRaw<Array<{ id: string; name: string; unit: string; onHandMilli: number; reorderPointMilli: number }>>`
    SELECT "id", "name", "unit"::text AS "unit", "onHandMilli", "reorderPointMilli"
      FROM "Material"
     WHERE "studioId" = ${ctx.studio.id} AND "archivedAt" IS NULL AND "onHandMilli" <= "reorderPointMilli"
     ORDER BY "onHandMilli" - "reorderPointMilli", "name"
     LIMIT ${LIST_LIMIT}`;
}

/** Hours saved by batching in the current plan: naive setup hours (one order line at a time) - planned. */
export async function hoursSaved(ctx: StudioContext) {
  const plan = await ctx.db.plan.findFirst({ where: { studioId: ctx.studio.id }, select: { figures: true, updatedAt: true } });
  const figures = plan?.figures as Partial<PlanFigures> | undefined;
  if (!plan || !figures?.naive || !figures.planned) return null;
  const naive = figures.naive.setupHours;
  const planned = figures.planned.setupHours;
  return { naiveSetupHours: naive, plannedSetupHours: planned, savedHours: Math.round((naive - planned) * 100) / 100, planUpdatedAt: plan.updatedAt };
}

/** The dashboard's delivery figures: on-time delivery over the input's range, late and upcoming lines, low stock and hours saved. */
export async function deliveryFigures(ctx: StudioContext, input: DashboardInput) {
  const range = studioRange(input, ctx.studio.timeZone);
  return {
    range,
    onTime: await onTimeDelivery(ctx, range),
    ...(await dueLines(ctx)),
    lowStock: await lowStock(ctx),
    hoursSaved: await hoursSaved(ctx),
  };
}
