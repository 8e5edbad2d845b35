import { TRPCError } from "@trpc/server";
import type { BatchWork, BenchEventKind, Prisma } from "~/generated/prisma/client";
import { notFound, staleEdit } from "~/server/errors";
import { publishStudioEvents } from "~/server/realtime/events";
import type { StudioContext } from "~/server/trpc/procedures";

export async function memberName(ctx: StudioContext, userId: string | null): Promise<string> {
  if (!userId) return "nobody";
  if (userId === ctx.user.id) return "you";
  const member = await ctx.db.membership.findFirst({
    where: { studioId: ctx.studio.id, userId },
    select: { user: { select: { name: true } } },
  });
  return member?.user.name ?? "a former member";
}

/** What bench actions answer about a batch's work: its state, tallies, claimer and timer (explicit, not the row). */
export const workSelect = {
  id: true, batchId: true, status: true, pieces: true, piecesDone: true, piecesScrapped: true, claimedById: true, claimedAt: true,
  runningSince: true, accumulatedSeconds: true, completedAt: true, version: true,
} satisfies Prisma.BatchWorkSelect;
export type WorkState = Prisma.BatchWorkGetPayload<{ select: typeof workSelect }>;

/** The batch's work row, or NOT_FOUND (no such batch here) / BAD_REQUEST (nobody has claimed it yet). */
export async function findWork(ctx: StudioContext, batchId: string): Promise<WorkState> {
  const work = await ctx.db.batchWork.findFirst({ where: { studioId: ctx.studio.id, batchId }, select: workSelect });
  if (work) return work;
  const batch = await ctx.db.batch.count({ where: { id: batchId, studioId: ctx.studio.id } });
  if (!batch) throw notFound("Batch");
  throw new TRPCError({ code: "BAD_REQUEST", message: "Claim this batch first." });
}

/** Locks the batch's work row until the end of the request's transaction; reports on one batch queue here. */
export async function lockWork(ctx: StudioContext, batchId: string): Promise<WorkState> {
  const [work] = await ctx.db.$queryRaw<BatchWork[]>`
    SELECT * FROM "BatchWork" WHERE "studioId" = ${ctx.studio.id} AND "batchId" = ${batchId} FOR UPDATE`;
  return work ?? findWork(ctx, batchId);
}

/** Why a versioned bench action did not apply: explained from the row as it is now. */
export async function explainRefusal(ctx: StudioContext, batchId: string, expectedVersion: number, allowed: string[]): Promise<never> {
  const work = await findWork(ctx, batchId);
  if (work.claimedById && work.claimedById !== ctx.user.id) {
    throw new TRPCError({ code: "CONFLICT", message: `This batch is claimed by ${await memberName(ctx, work.claimedById)}.` });
  }
  if (work.version !== expectedVersion) {
    throw staleEdit("batch", "It has been reloaded: check it and try again.");
  }
  if (!work.claimedById) throw new TRPCError({ code: "BAD_REQUEST", message: "Claim this batch first." });
  throw new TRPCError({
    code: "BAD_REQUEST",
    message: `The batch is ${work.status.toLowerCase()}; this needs it ${allowed.map((s) => s.toLowerCase()).join(" or ")}.`,
  });
}

/** Appends to the audit trail and announces the change, in the request's transaction (sent on commit). */
export async function recordAndAnnounce(
  ctx: StudioContext,
  batchId: string,
  kind: BenchEventKind,
  report: { piecesDone?: number; piecesScrapped?: number; scrapReason?: string | null } = {},
) {
  const event = await ctx.db.benchEvent.create({
    select: { id: true, createdAt: true },
    data: {
      studioId: ctx.studio.id,
      batchId,
      userId: ctx.user.id,
      kind,
      piecesDone: report.piecesDone ?? 0,
      piecesScrapped: report.piecesScrapped ?? 0,
      scrapReason: report.scrapReason ?? null,
    },
  });
  // "bench.batch" for bench views, "batch.progress" for the plan board and the dashboard: one round trip.
  const data = { batchId, kind };
  await publishStudioEvents(ctx.db, [
    { studioId: ctx.studio.id, topic: "bench.batch", data },
    { studioId: ctx.studio.id, topic: "batch.progress", data },
  ]);
  return event;
}

export function elapsedSeconds(since: Date | null, now: Date): number {
  return since ? Math.max(0, Math.round((now.getTime() - since.getTime()) / 1000)) : 0;
}
