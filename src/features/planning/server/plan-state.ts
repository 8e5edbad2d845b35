import { TRPCError } from "@trpc/server";
import { overridesSchema } from "~/features/catalog/overrides";
import { workingHoursSchema } from "~/features/studios/working-hours";
import type { Prisma, PinReason } from "~/generated/prisma/client";
import type { TenantDb } from "~/server/db";
import { formatInZone } from "~/server/time-zone";
import { machineOf, StudioClock } from "../batch-timing";
import { loadPeople } from "./people";
import { PlanState, Refusal, type OpenBatch, type OpenItem, type RateOf, type StationInfo } from "../reflow";
import { notFound, staleEdit } from "~/server/errors";
import type { StudioContext } from "~/server/trpc/procedures";

// Loads the studio's open work into a PlanState for one board edit, and writes back what the edit changed.

const DAY = 86_400_000;

const batchSelect = {
  id: true, version: true, status: true, locked: true, personId: true, stationId: true, stationUnit: true, stepName: true, pieces: true,
  setupMinutes: true, workMinutes: true, startAt: true, endAt: true, runStartAt: true, runEndAt: true, unloadAt: true,
  items: {
    select: {
      id: true, orderLineId: true, stepPosition: true, pieces: true, routingStepId: true, remakeId: true,
      orderLine: { select: { variantId: true } },
      progress: { select: { piecesDone: true, piecesScrapped: true } },
    },
  },
} satisfies Prisma.BatchSelect;

type BatchRow = Prisma.BatchGetPayload<{ select: typeof batchSelect }>;

function toOpen(row: BatchRow): OpenBatch {
  const ms = (d: Date | null) => (d ? d.getTime() : null);
  return {
    ...row,
    startAt: row.startAt.getTime(),
    endAt: row.endAt.getTime(),
    runStartAt: ms(row.runStartAt),
    runEndAt: ms(row.runEndAt),
    unloadAt: ms(row.unloadAt),
    items: row.items.map((item): OpenItem => {
      const p = item.progress;
      // A done batch passed on what was reported; unreported pieces never went through it.
      const pieces = row.status === "DONE" && p ? p.piecesDone + p.piecesScrapped : item.pieces;
      return {
        id: item.id, orderLineId: item.orderLineId, stepPosition: item.stepPosition, routingStepId: item.routingStepId, remakeId: item.remakeId,
        variantId: item.orderLine.variantId, pieces, scrapped: p?.piecesScrapped ?? 0,
      };
    }),
  };
}

/** Setup and per-piece minutes of the items' routing steps, with the variants' overrides. */
async function loadRates(db: TenantDb, items: OpenItem[]): Promise<RateOf> {
  const steps = await db.routingStep.findMany({
    where: { id: { in: [...new Set(items.map((i) => i.routingStepId))] } },
    select: { id: true, position: true, setupSeconds: true, secondsPerPiece: true, maxBatchSize: true },
  });
  const variants = await db.designVariant.findMany({ where: { id: { in: [...new Set(items.map((i) => i.variantId))] } }, select: { id: true, overrides: true } });
  const stepById = new Map(steps.map((s) => [s.id, s]));
  const overrides = new Map(variants.map((v) => [v.id, overridesSchema.parse(v.overrides)]));
  return (item) => {
    const step = stepById.get(item.routingStepId);
    if (!step) return null;
    const perPiece = overrides.get(item.variantId)?.find((o) => o.step === step.position)?.secondsPerPiece ?? step.secondsPerPiece;
    return { setupMinutes: step.setupSeconds / 60, perPiece: perPiece / 60, maxBatchSize: step.maxBatchSize };
  };
}

/** Serialises board edits with each other and with saving a plan (which locks the same row). */
export async function lockPlan(db: TenantDb, studioId: string): Promise<void> {
  await db.$queryRaw`SELECT id FROM "Plan" WHERE "studioId" = ${studioId} FOR UPDATE`;
}

/**
 * The open (planned and started) batches, and the done ones of the same order lines, as a PlanState whose
 * clock covers them, `around` (an edit's target time) and the months after.
 */
export async function loadPlanState(ctx: StudioContext, around?: Date) {
  const studioId = ctx.studio.id;
  await lockPlan(ctx.db, studioId);
  const studio = await ctx.db.studio.findFirstOrThrow({ where: { id: studioId }, select: { timeZone: true, workingHours: true } });
  const shifts = workingHoursSchema.parse(studio.workingHours);
  const open = await ctx.db.batch.findMany({ where: { studioId, status: { in: ["PLANNED", "STARTED"] } }, select: batchSelect });
  const lineIds = [...new Set(open.flatMap((b) => b.items.map((i) => i.orderLineId)))];
  const done = lineIds.length
    ? await ctx.db.batch.findMany({ where: { studioId, status: "DONE", items: { some: { orderLineId: { in: lineIds } } } }, select: batchSelect })
    : [];
  const stationRows = await ctx.db.station.findMany({ where: { studioId }, select: { id: true, name: true, count: true, unattended: true, runSeconds: true, loadCapacity: true } });
  const stations = new Map<string, StationInfo>(
    stationRows.map((s) => [s.id, { name: s.name, count: s.count, machine: machineOf(s), capacity: s.unattended ? s.loadCapacity : null }]),
  );
  const batches = [...open, ...done].map(toOpen);
  const starts = [...open.map((b) => b.startAt.getTime()), ...(around ? [around.getTime()] : [])];
  const from = starts.length ? Math.min(...starts) : Date.now();
  const to = Math.max(from, ...open.map((b) => b.endAt.getTime()), ...(around ? [around.getTime()] : []));
  const days = Math.ceil((to - from) / DAY) + 120;
  const clock = new StudioClock(shifts, studio.timeZone, new Date(from), days);
  // Each person's own hours, days off and stations, as the planner uses them.
  const people = await loadPeople(ctx.db, studioId, {
    timeZone: studio.timeZone, horizonStart: new Date(from), studioHours: shifts,
    calendarOf: (weekly, daysOff) => ({ weekly, daysOff, timeZone: studio.timeZone }),
  });
  const personal = new Map(
    people.map((p) => {
      const calendar = p.calendar as { weekly: typeof shifts; daysOff?: string[] };
      return [p.id, { clock: new StudioClock(calendar.weekly, studio.timeZone, new Date(from), days, calendar.daysOff ?? []), stationIds: p.stationIds ?? null }];
    }),
  );
  const rateOf = await loadRates(ctx.db, batches.flatMap((b) => b.items));
  const state = new PlanState(batches, stations, clock, rateOf, (at) => formatInZone(studio.timeZone, new Date(at), "EEE d MMM, HH:mm"), personal);
  return { state, timeZone: studio.timeZone };
}

/** The batch to edit: not found -> NOT_FOUND, stale version -> CONFLICT, not planned any more -> BAD_REQUEST. */
export async function editableBatch(ctx: StudioContext, state: PlanState, batchId: string, expectedVersion: number): Promise<OpenBatch> {
  const batch = state.batches.get(batchId);
  if (!batch) {
    const exists = await ctx.db.batch.count({ where: { id: batchId, studioId: ctx.studio.id } });
    if (!exists) throw notFound("Batch");
  }
  if (!batch || batch.status !== "PLANNED") throw new TRPCError({ code: "BAD_REQUEST", message: "Started or finished batches cannot be changed." });
  if (batch.version !== expectedVersion) throw staleBatch();
  return batch;
}

export const staleBatch = () => staleEdit("batch", "Reload the board.");

/** Runs an edit on the state, turning a refused rule into a clear 4xx. */
export function applyRules(fn: () => void): void {
  try {
    fn();
  } catch (error) {
    if (error instanceof Refusal) throw new TRPCError({ code: error.code, message: error.message });
    throw error;
  }
}

export type Pin = { reason: PinReason; byId: string; at: Date };

/**
 * Writes every changed batch back with a version check (count 0 -> CONFLICT: someone changed it meanwhile;
 * the whole edit rolls back). `pins` pins the batches the person edited; batches pushed along stay unpinned.
 */
export async function writeChanges(ctx: StudioContext, state: PlanState, pins: Map<string, Pin>, created: ReadonlySet<string> = new Set()) {
  const studioId = ctx.studio.id;
  for (const id of state.changed) {
    if (created.has(id)) continue;
    const b = state.batches.get(id);
    if (!b) continue;
    const pin = pins.get(id);
    const updated = await ctx.db.batch.updateMany({
      where: { id, studioId, version: b.version },
      data: {
        ...timesOf(b), personId: b.personId, stationUnit: b.stationUnit, pieces: b.pieces, setupMinutes: b.setupMinutes, workMinutes: b.workMinutes,
        ...(pin ? { locked: true, pinReason: pin.reason, pinnedById: pin.byId, pinnedAt: pin.at } : {}),
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw staleBatch();
  }
  return [...state.changed].filter((id) => !pins.has(id) && !created.has(id));
}

export function timesOf(b: OpenBatch) {
  const date = (ms: number | null) => (ms === null ? null : new Date(ms));
  return { startAt: new Date(b.startAt), endAt: new Date(b.endAt), runStartAt: date(b.runStartAt), runEndAt: date(b.runEndAt), unloadAt: date(b.unloadAt) };
}
