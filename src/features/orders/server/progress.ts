import { notFound } from "~/server/errors";
import type { StudioContext } from "~/server/trpc/procedures";
import type { ByIdInput } from "~/lib/inputs";
import type { OrderIdsInput } from "./schemas";

// Where each order line stands: pieces done, scrapped and in batches at every step of its routing, when the
// plan finishes it, and whether that is late or at risk. Read in a few aggregate queries for many lines.

/** Less slack than this between planned completion and due date counts as at risk. */
export const AT_RISK_MS = 24 * 3_600_000;

export type StepProgress = { position: number; name: string; done: number; scrapped: number; inBatches: number };

export type LineOutlook = {
  orderLineId: string;
  quantity: number;
  steps: StepProgress[];
  /** Pieces done at the last step (finished pieces). */
  finished: number;
  /** End of the last batch holding the line's last step (null when none is planned). */
  plannedFinish: Date | null;
  /** Pieces the plan does not cover yet (e.g. remakes since the last plan). */
  unplanned: number;
  flag: "done" | "late" | "at-risk" | "on-track" | "not-planned";
};

type Line = { id: string; quantity: number; dueDate: Date; designVersionId: string; status: string };

async function lineOutlooks(ctx: Pick<StudioContext, "db" | "studio">, lines: Line[], now: Date): Promise<Map<string, LineOutlook>> {
  const { db, studio: { id: studioId } } = ctx;
  const out = new Map<string, LineOutlook>();
  if (lines.length === 0) return out;
  const ids = lines.map((l) => l.id);
  const steps = await db.routingStep.findMany({
    where: { designVersionId: { in: [...new Set(lines.map((l) => l.designVersionId))] } },
    orderBy: [{ designVersionId: "asc" }, { position: "asc" }],
    select: { designVersionId: true, position: true, name: true },
  });
  const progress = await db.batchItemProgress.groupBy({
    by: ["orderLineId", "stepPosition"],
    where: { studioId, orderLineId: { in: ids } },
    _sum: { piecesDone: true, piecesScrapped: true },
  });
  // Pieces still in planned or started batches (less what those report), and the last batch end per step.
  const planned = await db.$queryRaw<Array<{ orderLineId: string; stepPosition: number; open: number; lastEnd: Date | null }>>`
    SELECT bi."orderLineId", bi."stepPosition",
           COALESCE(SUM(bi."pieces" - COALESCE(p."piecesDone", 0) - COALESCE(p."piecesScrapped", 0)) FILTER (WHERE b."status" IN ('PLANNED', 'STARTED')), 0)::int AS "open",
           MAX(b."endAt") AS "lastEnd"
      FROM "BatchItem" bi
      JOIN "Batch" b ON b."id" = bi."batchId" AND b."studioId" = bi."studioId"
      LEFT JOIN "BatchItemProgress" p ON p."batchItemId" = bi."id" AND p."studioId" = bi."studioId"
     WHERE bi."studioId" = ${studioId} AND bi."orderLineId" = ANY(${ids})
     GROUP BY bi."orderLineId", bi."stepPosition"`;
  const at = (line: string, step: number) => `${line}#${step}`;
  const sums = new Map(progress.map((p) => [at(p.orderLineId, p.stepPosition), { done: p._sum.piecesDone ?? 0, scrapped: p._sum.piecesScrapped ?? 0 }]));
  const open = new Map(planned.map((p) => [at(p.orderLineId, p.stepPosition), p]));
  for (const line of lines) {
    const routing = steps.filter((s) => s.designVersionId === line.designVersionId);
    const stepRows = routing.map((s): StepProgress => {
      const k = at(line.id, s.position);
      return { position: s.position, name: s.name, done: sums.get(k)?.done ?? 0, scrapped: sums.get(k)?.scrapped ?? 0, inBatches: Math.max(0, open.get(k)?.open ?? 0) };
    });
    const last = stepRows[stepRows.length - 1];
    const finished = last?.done ?? 0;
    const lastPlan = last ? open.get(at(line.id, last.position)) : undefined;
    const plannedFinish = lastPlan?.lastEnd ?? null;
    const unplanned = last ? Math.max(0, line.quantity - finished - last.inBatches) : 0;
    let flag: LineOutlook["flag"];
    if (line.status === "DONE" || (last && finished >= line.quantity)) flag = "done";
    else if (line.status === "CANCELLED") flag = "on-track";
    else if ((plannedFinish && plannedFinish > line.dueDate) || line.dueDate < now) flag = "late";
    else if (!plannedFinish || !last) flag = "not-planned";
    else if (unplanned > 0 || plannedFinish.getTime() > line.dueDate.getTime() - AT_RISK_MS) flag = "at-risk";
    else flag = "on-track";
    out.set(line.id, { orderLineId: line.id, quantity: line.quantity, steps: stepRows, finished, plannedFinish, unplanned, flag });
  }
  return out;
}

const FLAG_ORDER: Record<LineOutlook["flag"], number> = { late: 0, "at-risk": 1, "not-planned": 2, "on-track": 3, done: 4 };

const lineSelect = { id: true, quantity: true, dueDate: true, designVersionId: true, status: true } as const;

/** One order's lines: pieces at each step, planned finish, flag, and the remakes of scrapped pieces. */
export async function orderProgress(ctx: StudioContext, input: ByIdInput, now = new Date()) {
  const orderId = input.id;
  const studioId = ctx.studio.id;
  const order = await ctx.db.order.findFirst({ where: { id: orderId, studioId }, select: { id: true, status: true, lines: { select: lineSelect, orderBy: { position: "asc" } } } });
  if (!order) throw notFound("Order");
  const outlooks = await lineOutlooks(ctx, order.lines, now);
  const remakes = await ctx.db.remake.findMany({
    where: { studioId, orderLineId: { in: order.lines.map((l) => l.id) } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true, orderLineId: true, stepName: true, stepPosition: true, reason: true, pieces: true, reportedById: true, createdAt: true, benchEventId: true,
      batchItems: { select: { pieces: true, stepPosition: true, batch: { select: { id: true, stepName: true, startAt: true, status: true } } } },
    },
  });
  const people = await ctx.db.membership.findMany({ where: { studioId, userId: { in: remakes.map((r) => r.reportedById) } }, select: { userId: true, user: { select: { name: true } } } });
  return {
    orderId: order.id,
    status: order.status,
    lines: order.lines.map((line) => ({
      ...outlooks.get(line.id)!,
      remakes: remakes
        .filter((r) => r.orderLineId === line.id)
        .map(({ batchItems, reportedById, ...r }) => ({
          ...r,
          reportedBy: people.find((p) => p.userId === reportedById)?.user.name ?? "A former member",
          // Where the remade pieces are on the plan (first step first).
          planned: batchItems
            .sort((a, b) => a.stepPosition - b.stepPosition || a.batch.startAt.getTime() - b.batch.startAt.getTime())
            .map((item) => ({ batchId: item.batch.id, stepName: item.batch.stepName, startAt: item.batch.startAt, status: item.batch.status, pieces: item.pieces })),
        })),
    })),
  };
}

/** For the order list: finished pieces of all pieces, and each order's most urgent line flag. */
export async function ordersOutlook(ctx: Pick<StudioContext, "db" | "studio">, input: OrderIdsInput, now = new Date()) {
  const orderIds = input.ids;
  const studioId = ctx.studio.id;
  const ids = [...new Set(orderIds)];
  if ((await ctx.db.order.count({ where: { studioId, id: { in: ids } } })) !== ids.length) {
    throw notFound("Order");
  }
  const lines = await ctx.db.orderLine.findMany({ where: { studioId, orderId: { in: orderIds } }, select: { ...lineSelect, orderId: true } });
  const outlooks = await lineOutlooks(ctx, lines, now);
  const byOrder = new Map<string, { finished: number; pieces: number; flag: LineOutlook["flag"] }>();
  for (const line of lines) {
    const outlook = outlooks.get(line.id)!;
    const entry = byOrder.get(line.orderId) ?? { finished: 0, pieces: 0, flag: "done" as LineOutlook["flag"] };
    entry.finished += Math.min(line.quantity, outlook.finished);
    entry.pieces += line.quantity;
    if (line.status !== "CANCELLED" && FLAG_ORDER[outlook.flag] < FLAG_ORDER[entry.flag]) entry.flag = outlook.flag;
    byOrder.set(line.orderId, entry);
  }
  return Object.fromEntries(byOrder);
}
