import { TRPCError } from "@trpc/server";
import type { z } from "zod";
import { workingHoursSchema } from "~/features/studios/working-hours";
import { assertWithinPlanningHorizon } from "~/server/billing/plan-limits";
import { byStudio } from "~/server/db";
import type { StudioContext } from "~/server/trpc/procedures";
import { endOfWork, workingTimeBetween } from "../calendar";
import type { lockBatchInput, mergeBatchesInput, moveBatchInput, splitBatchInput } from "../schemas";

const notFound = () => new TRPCError({ code: "NOT_FOUND", message: "Batch not found." });
const stale = () => new TRPCError({ code: "CONFLICT", message: "Someone else changed this batch since you opened it. Reload the board." });

async function loadBatch(ctx: StudioContext, batchId: string) {
  const batch = await ctx.db.batch.findFirst({ where: byStudio(ctx.studio.id, { id: batchId }), include: { items: true } });
  if (!batch) throw notFound();
  return batch;
}

function assertMovable(batch: { status: string }) {
  if (batch.status !== "PLANNED") throw new TRPCError({ code: "BAD_REQUEST", message: "Started or finished batches cannot be changed." });
}

/** Version-checked update: count 0 -> CONFLICT (the batch exists, someone changed it first). */
async function updateVersioned(ctx: StudioContext, id: string, expectedVersion: number, data: Record<string, unknown>) {
  const updated = await ctx.db.batch.updateMany({
    where: byStudio(ctx.studio.id, { id, version: expectedVersion }),
    data: { ...data, version: { increment: 1 } },
  });
  if (updated.count === 0) throw stale();
}

/**
 * Moves a batch to a new start (and optionally another person), keeping its working time. It must start in
 * working hours (running on into the next working intervals if need be) and not overlap that person's other
 * batches. A moved batch is locked so the next plan keeps it.
 */
export async function moveBatch(ctx: StudioContext, input: z.infer<typeof moveBatchInput>) {
  const batch = await loadBatch(ctx, input.batchId);
  if (batch.version !== input.expectedVersion) throw stale();
  assertMovable(batch);
  const personId = input.personId ?? batch.personId;
  const member = await ctx.db.membership.findFirst({ where: byStudio(ctx.studio.id, { userId: personId }), select: { id: true } });
  if (!member) throw new TRPCError({ code: "NOT_FOUND", message: "That person is not a member of this studio." });
  const startAt = input.startAt;
  await assertWithinPlanningHorizon(ctx, startAt);
  const studio = await ctx.db.studio.findFirstOrThrow({ where: { id: ctx.studio.id }, select: { timeZone: true, workingHours: true } });
  const shifts = workingHoursSchema.parse(studio.workingHours);
  // The batch keeps its working time, not its clock span: one planned from 16:00 to 10:00 the next morning
  // holds three working hours, and moved to 09:00 it ends at 12:00.
  const workMs = workingTimeBetween(shifts, studio.timeZone, batch.startAt, batch.endAt) || batch.endAt.getTime() - batch.startAt.getTime();
  const endAt = endOfWork(shifts, studio.timeZone, startAt, workMs);
  if (!endAt) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "The batch would not fit inside the studio's working hours at that time." });
  }
  const clash = await ctx.db.batch.findFirst({
    where: byStudio(ctx.studio.id, { personId, id: { not: batch.id }, startAt: { lt: endAt }, endAt: { gt: startAt } }),
    select: { stepName: true, startAt: true },
  });
  if (clash) throw new TRPCError({ code: "CONFLICT", message: `That overlaps another batch of this person ("${clash.stepName}").` });
  await updateVersioned(ctx, batch.id, input.expectedVersion, { startAt, endAt, personId, locked: true });
  return { id: batch.id, startAt, endAt, personId, locked: true };
}

export async function setBatchLocked(ctx: StudioContext, input: z.infer<typeof lockBatchInput>) {
  const batch = await loadBatch(ctx, input.batchId);
  await updateVersioned(ctx, batch.id, input.expectedVersion, { locked: input.locked });
  return { id: batch.id, locked: input.locked };
}

function perPieceMinutes(batch: { workMinutes: number; setupMinutes: number; pieces: number }) {
  return batch.pieces > 0 ? Math.max(0, batch.workMinutes - batch.setupMinutes) / batch.pieces : 0;
}

/**
 * Splits `pieces` off the end of a batch into a new batch right after it (same person and station, its own
 * setup). Items are taken from the last order lines first; a line may be divided between the two batches.
 */
export async function splitBatch(ctx: StudioContext, input: z.infer<typeof splitBatchInput>) {
  const batch = await loadBatch(ctx, input.batchId);
  if (batch.version !== input.expectedVersion) throw stale();
  assertMovable(batch);
  if (input.pieces >= batch.pieces) throw new TRPCError({ code: "BAD_REQUEST", message: `Split off fewer than the batch's ${batch.pieces} pieces.` });
  const rate = perPieceMinutes(batch);
  const keepPieces = batch.pieces - input.pieces;
  const keepWork = Math.ceil(batch.setupMinutes + rate * keepPieces);
  const newWork = Math.ceil(batch.setupMinutes + rate * input.pieces);
  const keepEnd = new Date(batch.startAt.getTime() + keepWork * 60_000);
  await updateVersioned(ctx, batch.id, input.expectedVersion, { pieces: keepPieces, workMinutes: keepWork, endAt: keepEnd });

  const newId = crypto.randomUUID();
  await ctx.db.batch.create({
    data: {
      id: newId, studioId: ctx.studio.id, planId: batch.planId, stationId: batch.stationId, stationUnit: batch.stationUnit, personId: batch.personId,
      stepName: batch.stepName, family: batch.family, pieces: input.pieces, setupMinutes: batch.setupMinutes, workMinutes: newWork,
      startAt: keepEnd, endAt: new Date(keepEnd.getTime() + newWork * 60_000), locked: batch.locked,
    },
  });
  let remaining = input.pieces;
  for (const item of [...batch.items].reverse()) {
    if (remaining === 0) break;
    const take = Math.min(item.pieces, remaining);
    remaining -= take;
    if (take === item.pieces) await ctx.db.batchItem.updateMany({ where: byStudio(ctx.studio.id, { id: item.id }), data: { batchId: newId } });
    else {
      await ctx.db.batchItem.updateMany({ where: byStudio(ctx.studio.id, { id: item.id }), data: { pieces: item.pieces - take } });
      await ctx.db.batchItem.create({
        data: { studioId: ctx.studio.id, batchId: newId, orderLineId: item.orderLineId, stepPosition: item.stepPosition, routingStepId: item.routingStepId, pieces: take },
      });
    }
  }
  return { id: batch.id, newBatchId: newId };
}

/** Merges another batch of the same step family at the same station into this one: one setup instead of two. */
export async function mergeBatches(ctx: StudioContext, input: z.infer<typeof mergeBatchesInput>) {
  if (input.batchId === input.otherBatchId) throw new TRPCError({ code: "BAD_REQUEST", message: "Pick two different batches." });
  const batch = await loadBatch(ctx, input.batchId);
  const other = await loadBatch(ctx, input.otherBatchId);
  if (batch.version !== input.expectedVersion || other.version !== input.otherExpectedVersion) throw stale();
  assertMovable(batch);
  assertMovable(other);
  const sameFamily = batch.family !== null ? batch.family === other.family : other.family === null && batch.stepName === other.stepName;
  if (batch.stationId !== other.stationId || !sameFamily) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Only batches of the same step family at the same station can be merged." });
  }
  const work = batch.workMinutes + other.workMinutes - other.setupMinutes;
  const setup = Math.max(batch.setupMinutes, other.setupMinutes);
  await updateVersioned(ctx, batch.id, input.expectedVersion, {
    pieces: batch.pieces + other.pieces,
    setupMinutes: setup,
    workMinutes: work,
    endAt: new Date(batch.startAt.getTime() + work * 60_000),
    locked: batch.locked || other.locked,
  });
  const removed = await ctx.db.batch.updateMany({ where: byStudio(ctx.studio.id, { id: other.id, version: input.otherExpectedVersion }), data: { version: { increment: 1 } } });
  if (removed.count === 0) throw stale();
  await ctx.db.batchItem.updateMany({ where: byStudio(ctx.studio.id, { batchId: other.id }), data: { batchId: batch.id } });
  await ctx.db.batch.deleteMany({ where: byStudio(ctx.studio.id, { id: other.id }) });
  return { id: batch.id, removedBatchId: other.id };
}
