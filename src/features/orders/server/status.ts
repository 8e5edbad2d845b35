import { publishStudioEvent } from "~/server/realtime/events";
import type { StudioContext } from "~/server/trpc/procedures";

// An order's status follows the work: OPEN until the bench starts on one of its lines, IN_PRODUCTION while
// pieces are being made, DONE once every line has its pieces through the last step. Each change bumps the
// order's version, so someone editing the order meanwhile gets a CONFLICT instead of overwriting it.

/** The order lines the bench has just worked on (claimed, or reported pieces of). */
export type WorkedLinesInput = { lineIds: string[] };

/** Orders of these lines still OPEN become IN_PRODUCTION. */
export async function markInProduction(ctx: StudioContext, input: WorkedLinesInput): Promise<number> {
  const { db, studio: { id: studioId } } = ctx;
  const { lineIds } = input;
  if (lineIds.length === 0) return 0;
  const changed = await db.order.updateMany({
    where: { studioId, status: "OPEN", lines: { some: { id: { in: lineIds } } } },
    data: { status: "IN_PRODUCTION", version: { increment: 1 } },
  });
  if (changed.count > 0) await publishStudioEvent(db, { studioId, topic: "order.status", data: { status: "IN_PRODUCTION", count: changed.count } });
  return changed.count;
}

/**
 * Lines with all their pieces done at the last step become DONE, and their orders DONE once no line is
 * still open. Returns the orders finished.
 */
export async function finishDoneLines(ctx: StudioContext, input: WorkedLinesInput): Promise<string[]> {
  const { db, studio: { id: studioId } } = ctx;
  const { lineIds } = input;
  if (lineIds.length === 0) return [];
  const done = await db.$queryRaw<Array<{ id: string; orderId: string }>>`
    SELECT l."id", l."orderId"
      FROM "OrderLine" l
     WHERE l."studioId" = ${studioId} AND l."id" = ANY(${lineIds}) AND l."status" = 'OPEN'
       AND l."quantity" <= (
         SELECT COALESCE(SUM(p."piecesDone"), 0) FROM "BatchItemProgress" p
          WHERE p."studioId" = l."studioId" AND p."orderLineId" = l."id"
            AND p."stepPosition" = (SELECT MAX(rs."position") FROM "RoutingStep" rs WHERE rs."designVersionId" = l."designVersionId"))`;
  if (done.length === 0) return [];
  await db.orderLine.updateMany({ where: { studioId, id: { in: done.map((l) => l.id) } }, data: { status: "DONE" } });
  const orderIds = [...new Set(done.map((l) => l.orderId))];
  const finished = await db.order.findMany({
    where: { studioId, id: { in: orderIds }, status: { in: ["OPEN", "IN_PRODUCTION"] }, lines: { none: { status: "OPEN" } } },
    select: { id: true },
  });
  if (finished.length > 0) {
    await db.order.updateMany({ where: { studioId, id: { in: finished.map((o) => o.id) } }, data: { status: "DONE", version: { increment: 1 } } });
  }
  await publishStudioEvent(db, { studioId, topic: "order.status", data: { status: "DONE", lines: done.length, orders: finished.length } });
  return finished.map((o) => o.id);
}
