import { TRPCError } from "@trpc/server";
import { assertWithinPlanningHorizon } from "~/server/billing/plan-limits";
import { byStudio } from "~/server/db";
import { publishStudioEvent } from "~/server/realtime/events";
import type { StudioContext } from "~/server/trpc/procedures";
import { attendedOf, timeBatch } from "../batch-timing";
import type { OpenBatch, OpenItem } from "../reflow";
import type { LockBatchInput, MergeBatchesInput, MoveBatchInput, ResizeBatchInput, SplitBatchInput } from "./schemas";
import { refreshFigures } from "./figures";
import { applyRules, editableBatch, loadPlanState, lockPlan, staleBatch, timesOf, writeChanges, type Pin } from "./plan-state";
import { notFound } from "~/server/errors";

// Board edits. Each first locks the studio's plan row (SELECT … FOR UPDATE), as saving a plan does, so an edit
// and a save never interleave: an edit made while a plan is being saved waits for it, then finds its batch
// replaced (NOT_FOUND) or changed (CONFLICT); a save after an edit sees it and refuses a plan made without it.
// Moves, splits, merges and resizes load the open plan, apply the edit through the shared rules (reflow.ts:
// working time, machine runs, precedence; later batches move along or the edit is refused), write back what
// changed with version checks, refresh the plan's figures and tell everyone watching. The batches a person
// edits are pinned with the reason, so the next plan keeps them; the rest stays free.

const pinOf = (ctx: StudioContext, reason: Pin["reason"]): Pin => ({ reason, byId: ctx.user.id, at: new Date() });

async function finishEdit(ctx: StudioContext, kind: "move" | "split" | "merge" | "resize", batchId: string, moved: string[]) {
  await refreshFigures(ctx.db, ctx.studio.id);
  await publishStudioEvent(ctx.db, { studioId: ctx.studio.id, topic: "plan.edited", data: { kind, batchId, moved: moved.length } });
  return moved;
}

/**
 * Moves a batch to a new start (and optionally another person), keeping its working time and machine run.
 * It must start in working hours, not overlap that person's other work or a full station, and not start
 * before its pieces finish the step before; batches of later steps that would then start too early move
 * later with it (unless pinned or started: then the move is refused, saying which).
 */
export async function moveBatch(ctx: StudioContext, input: MoveBatchInput) {
  const { state } = await loadPlanState(ctx, input.startAt);
  const batch = await editableBatch(ctx, state, input.batchId, input.expectedVersion);
  const personId = input.personId ?? batch.personId;
  const member = await ctx.db.membership.findFirst({ where: byStudio(ctx.studio.id, { userId: personId }), select: { id: true } });
  if (!member) throw new TRPCError({ code: "NOT_FOUND", message: "That person is not a member of this studio." });
  // The billing plan's horizon counts from when the plan was made (or now, whichever is later).
  const plan = await ctx.db.plan.findFirst({ where: byStudio(ctx.studio.id), select: { horizonStart: true } });
  await assertWithinPlanningHorizon(ctx, input.startAt, new Date(Math.max(Date.now(), plan?.horizonStart.getTime() ?? 0)));
  const machine = state.station(batch).machine;
  if (!state.works(personId, batch.stationId)) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `That person does not work at ${state.station(batch).name}. Their stations are set on the Team page.` });
  }
  const timing = timeBatch(state.clockOf(personId), input.startAt.getTime(), attendedOf(batch.workMinutes, machine), machine);
  if (!timing) throw new TRPCError({ code: "BAD_REQUEST", message: "The batch would not fit inside that person's working hours at that time." });
  const moving = { ...batch, personId };
  const clash = state.clash(moving, timing);
  if (clash) {
    const who = clash.with.personId === personId ? "this person's" : "the station's";
    throw new TRPCError({ code: "CONFLICT", message: `That overlaps ${who} batch “${clash.with.stepName}”.` });
  }
  Object.assign(batch, timing, { personId, stationUnit: state.freeUnit(moving, timing) });
  state.changed.add(batch.id);
  applyRules(() => state.settle([batch]));
  const moved = await writeChanges(ctx, state, new Map([[batch.id, pinOf(ctx, "MOVED")]]));
  await finishEdit(ctx, "move", batch.id, moved);
  return { id: batch.id, startAt: new Date(batch.startAt), endAt: new Date(batch.endAt), personId, locked: true, moved };
}

/** Pins or unpins one batch. Pinned batches are kept by the next plan; the board says why each is pinned. */
export async function setBatchLocked(ctx: StudioContext, input: LockBatchInput) {
  await lockPlan(ctx.db, ctx.studio.id);
  const batch = await ctx.db.batch.findFirst({ where: byStudio(ctx.studio.id, { id: input.batchId }), select: { id: true } });
  if (!batch) throw notFound("Batch");
  const pin = input.locked ? { locked: true, pinReason: "PINNED" as const, pinnedById: ctx.user.id, pinnedAt: new Date() } : { locked: false, pinReason: null, pinnedById: null, pinnedAt: null };
  const updated = await ctx.db.batch.updateMany({
    where: byStudio(ctx.studio.id, { id: batch.id, version: input.expectedVersion }),
    data: { ...pin, version: { increment: 1 } },
  });
  if (updated.count === 0) throw staleBatch();
  await publishStudioEvent(ctx.db, { studioId: ctx.studio.id, topic: "plan.edited", data: { kind: input.locked ? "pin" : "unpin", batchId: batch.id } });
  return { id: batch.id, locked: input.locked };
}

/** Unpins every planned batch, so the next plan may place everything not started again. */
export async function unpinAll(ctx: StudioContext) {
  await lockPlan(ctx.db, ctx.studio.id);
  const { count } = await ctx.db.batch.updateMany({
    where: byStudio(ctx.studio.id, { locked: true, status: "PLANNED" as const }),
    data: { locked: false, pinReason: null, pinnedById: null, pinnedAt: null, version: { increment: 1 } },
  });
  if (count > 0) await publishStudioEvent(ctx.db, { studioId: ctx.studio.id, topic: "plan.edited", data: { kind: "unpin-all", count } });
  return { unpinned: count };
}

/**
 * Splits `pieces` off the end of a batch into a new batch at the first free time after it (same person and
 * station, its own setup; a machine load gets its own run). Items are taken from the last order lines first;
 * a line may be divided between the two batches. Both are pinned.
 */
export async function splitBatch(ctx: StudioContext, input: SplitBatchInput) {
  const { state } = await loadPlanState(ctx);
  const batch = await editableBatch(ctx, state, input.batchId, input.expectedVersion);
  if (input.pieces >= batch.pieces) throw new TRPCError({ code: "BAD_REQUEST", message: `Split off fewer than the batch's ${batch.pieces} pieces.` });
  const originalIds = new Set(batch.items.map((item) => item.id));
  const keep: OpenItem[] = [];
  const split: OpenItem[] = [];
  let remaining = input.pieces;
  for (const item of [...batch.items].reverse()) {
    const take = Math.min(item.pieces, remaining);
    remaining -= take;
    // A whole item moves to the new batch; a divided one keeps its row here and gets a new row there.
    if (take === item.pieces) split.unshift(item);
    else {
      keep.unshift({ ...item, pieces: item.pieces - take });
      if (take > 0) split.unshift({ ...item, id: crypto.randomUUID(), pieces: take });
    }
  }
  const created: OpenBatch = { ...batch, id: crypto.randomUUID(), version: 0, items: split, locked: true };
  applyRules(() => {
    state.retime(batch, batch.startAt, keep);
    state.batches.set(created.id, created);
    state.placeFrom(created, batch.endAt);
    state.retime(created, created.startAt, split);
    state.settle([batch, created]);
  });
  const moved = await writeChanges(ctx, state, new Map([[batch.id, pinOf(ctx, "SPLIT")]]), new Set([created.id]));
  const source = await ctx.db.batch.findFirstOrThrow({ where: byStudio(ctx.studio.id, { id: batch.id }), select: { planId: true, stepName: true, family: true, stationId: true } });
  await ctx.db.batch.create({
    data: {
      id: created.id, studioId: ctx.studio.id, planId: source.planId, stationId: source.stationId, stationUnit: created.stationUnit, personId: created.personId,
      stepName: source.stepName, family: source.family, pieces: created.pieces, setupMinutes: created.setupMinutes, workMinutes: created.workMinutes,
      ...timesOf(created), locked: true, pinReason: "SPLIT", pinnedById: ctx.user.id, pinnedAt: new Date(),
    },
  });
  for (const item of split) {
    if (originalIds.has(item.id)) {
      await ctx.db.batchItem.updateMany({ where: byStudio(ctx.studio.id, { id: item.id }), data: { batchId: created.id } });
    } else {
      await ctx.db.batchItem.create({
        data: { id: item.id, studioId: ctx.studio.id, batchId: created.id, orderLineId: item.orderLineId, stepPosition: item.stepPosition, routingStepId: item.routingStepId, remakeId: item.remakeId, pieces: item.pieces },
      });
    }
  }
  for (const item of keep) await ctx.db.batchItem.updateMany({ where: byStudio(ctx.studio.id, { id: item.id }), data: { pieces: item.pieces } });
  await finishEdit(ctx, "split", batch.id, moved);
  return { id: batch.id, newBatchId: created.id, moved };
}

/**
 * Merges another batch of the same step family at the same station into this one: one setup instead of
 * two, at this batch's start, retimed for all the pieces (a machine keeps one run for the load). Refused
 * when the load is too big for the machine or the steps' batch limit, or when the other batch's pieces are
 * not ready by this start; later batches move along if the merged batch runs longer.
 */
export async function mergeBatches(ctx: StudioContext, input: MergeBatchesInput) {
  if (input.batchId === input.otherBatchId) throw new TRPCError({ code: "BAD_REQUEST", message: "Pick two different batches." });
  const { state } = await loadPlanState(ctx);
  const batch = await editableBatch(ctx, state, input.batchId, input.expectedVersion);
  const other = await editableBatch(ctx, state, input.otherBatchId, input.otherExpectedVersion);
  const rows = await ctx.db.batch.findMany({ where: byStudio(ctx.studio.id, { id: { in: [batch.id, other.id] } }), select: { id: true, family: true } });
  const family = (id: string) => rows.find((r) => r.id === id)?.family ?? null;
  const sameFamily = family(batch.id) !== null ? family(batch.id) === family(other.id) : family(other.id) === null && batch.stepName === other.stepName;
  if (batch.stationId !== other.stationId || !sameFamily) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Only batches of the same step family at the same station can be merged." });
  }
  const items = [...batch.items, ...other.items];
  const pieces = items.reduce((sum, item) => sum + item.pieces, 0);
  const cap = state.capacityFor(batch, items);
  if (pieces > cap) throw new TRPCError({ code: "BAD_REQUEST", message: `Together they hold ${pieces} pieces; one batch of this step holds at most ${cap}.` });
  state.batches.delete(other.id);
  applyRules(() => {
    state.retime(batch, batch.startAt, items);
    state.settle([batch]);
  });
  const removed = await ctx.db.batch.updateMany({ where: byStudio(ctx.studio.id, { id: other.id, version: input.otherExpectedVersion }), data: { version: { increment: 1 } } });
  if (removed.count === 0) throw staleBatch();
  await ctx.db.batchItem.updateMany({ where: byStudio(ctx.studio.id, { batchId: other.id }), data: { batchId: batch.id } });
  await ctx.db.batch.deleteMany({ where: byStudio(ctx.studio.id, { id: other.id }) });
  const moved = await writeChanges(ctx, state, new Map([[batch.id, pinOf(ctx, "MERGED")]]));
  await finishEdit(ctx, "merge", batch.id, moved);
  return { id: batch.id, removedBatchId: other.id, moved };
}

/**
 * Sets how long a batch takes (the person's working minutes: all of it, or loading a machine, whose run
 * and unload stay as they are). Later batches it now runs into move later; the batch is pinned.
 */
export async function resizeBatch(ctx: StudioContext, input: ResizeBatchInput) {
  const { state } = await loadPlanState(ctx);
  const batch = await editableBatch(ctx, state, input.batchId, input.expectedVersion);
  if (input.minutes < batch.setupMinutes) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `The setup alone takes ${batch.setupMinutes} minutes.` });
  }
  const machine = state.station(batch).machine;
  const timing = timeBatch(state.clockOf(batch.personId), batch.startAt, input.minutes, machine);
  if (!timing) throw new TRPCError({ code: "BAD_REQUEST", message: "That no longer fits inside the studio's working hours." });
  Object.assign(batch, timing, { workMinutes: input.minutes + (machine?.unloadMinutes ?? 0) });
  state.changed.add(batch.id);
  applyRules(() => state.settle([batch]));
  const moved = await writeChanges(ctx, state, new Map([[batch.id, pinOf(ctx, "RESIZED")]]));
  await finishEdit(ctx, "resize", batch.id, moved);
  return { id: batch.id, startAt: new Date(batch.startAt), endAt: new Date(batch.endAt), moved };
}
