import { TRPCError } from "@trpc/server";
import { overridesSchema } from "~/features/catalog/overrides";
import { workingHoursSchema } from "~/features/studios/working-hours";
import type { TenantDb } from "~/server/db";
import type { DesignInput, PlannedBatch, StationInput, StudioProblem } from "~/server/scheduling";
import { UNLOAD_MINUTES } from "../batch-timing";
import { fitPeopleToStations, loadPeople } from "./people";

export type StepRef = { routingStepId: string; stepName: string; family: string | null };

/** What the planner needs plus the lookups the saver needs to turn engine output back into rows. */
export type LoadedProblem = {
  problem: StudioProblem;
  /** orderLineId -> its routing, by step index. */
  stepsByLine: Map<string, StepRef[]>;
  /** Engine order-line id of a remake -> the order line it remakes (order lines map to themselves). */
  unitLine: Map<string, string>;
  /** Ids and versions of the kept batches: the plan is only saved if they did not change. */
  fixedFingerprint: string;
  fixedIds: string[];
  lineCount: number;
  /** Open order lines left out because they are due after `dueBy` (the plan's planning horizon). */
  beyondHorizon: number;
};

type Station = { id: string; name: string; kind: string; count: number; unattended: boolean; loadCapacity: number | null; runSeconds: number | null };

/**
 * A shared design's steps name the owner's stations: use this studio's station of the same kind (preferring
 * the same name), or the same name when no kind matches.
 */
export function mapStation(step: { stationId: string; stationName: string; stationKind: string; studioId: string }, own: Station[], studioId: string): Station | undefined {
  if (step.studioId === studioId) return own.find((s) => s.id === step.stationId);
  const sameKind = own.filter((s) => s.kind === step.stationKind);
  return sameKind.find((s) => s.name === step.stationName) ?? sameKind[0] ?? own.find((s) => s.name === step.stationName);
}

const minutes = (seconds: number) => seconds / 60;

export const fingerprint = (batches: Array<{ id: string; version: number }>) =>
  [...batches].sort((a, b) => a.id.localeCompare(b.id)).map((b) => `${b.id}:${b.version}`).join(",");

const keptSelect = {
  id: true, stationId: true, stationUnit: true, personId: true, family: true, pieces: true, setupMinutes: true, workMinutes: true,
  startAt: true, endAt: true, runStartAt: true, runEndAt: true, unloadAt: true, locked: true, status: true, version: true, stepName: true,
  items: {
    select: {
      orderLineId: true, stepPosition: true, routingStepId: true, pieces: true, remakeId: true,
      orderLine: { select: { orderId: true } }, progress: { select: { piecesDone: true, piecesScrapped: true } },
    },
  },
} as const;

/**
 * Batches the planner keeps where they are: pinned ones still ahead (a pin whose start has passed without
 * anyone starting it is stale and re-planned), started ones, and done ones that still matter (those of open
 * order lines, and those ending after the horizon start). Done batches of finished lines — a studio's whole
 * history — are left out. The engine plans every line's remaining work per step around these.
 */
export async function loadKeptBatches(db: TenantDb, studioId: string, horizonStart: Date) {
  return db.batch.findMany({
    where: {
      studioId,
      OR: [
        { status: "PLANNED", locked: true, startAt: { gte: horizonStart } },
        { status: "STARTED" },
        { status: "DONE", endAt: { gt: horizonStart } },
        { status: "DONE", items: { some: { orderLine: { status: "OPEN" } } } },
      ],
    },
    select: keptSelect,
  });
}

/** Pinned batches the next plan will not keep because their start has passed: the board names them. */
export async function stalePins(db: TenantDb, studioId: string, horizonStart: Date) {
  return db.batch.findMany({
    where: { studioId, status: "PLANNED", locked: true, startAt: { lt: horizonStart } },
    select: { id: true, stepName: true, startAt: true },
  });
}

type Kept = Awaited<ReturnType<typeof loadKeptBatches>>[number];

/** A kept batch as the engine sees it: items per planning unit (an order line, or a remake of one). */
function keptForEngine(b: Kept, minuteOf: (date: Date) => number): PlannedBatch {
  const start = minuteOf(b.startAt);
  const end = minuteOf(b.endAt);
  const machine = b.runStartAt && b.runEndAt && b.unloadAt;
  return {
    id: b.id,
    family: b.family,
    stationId: b.stationId,
    stationUnit: b.stationUnit,
    personId: b.personId,
    items: b.items.map((item) => {
      const p = item.progress;
      // A done batch passed on what was reported; pieces never reported are planned again at its step.
      const pieces = b.status === "DONE" && p ? p.piecesDone + p.piecesScrapped : item.pieces;
      return {
        orderLineId: item.remakeId ?? item.orderLineId, orderId: item.orderLine.orderId, designId: item.orderLineId,
        stepIndex: item.stepPosition, stepId: item.routingStepId, pieces, ...(p?.piecesScrapped ? { scrapped: p.piecesScrapped } : {}),
      };
    }).filter((item) => item.pieces > 0),
    pieces: b.pieces,
    setupMinutes: b.setupMinutes,
    workMinutes: b.workMinutes,
    start,
    end,
    // The person loads and unloads a machine; the machine runs alone in between.
    personSegments: machine ? [{ start, end: minuteOf(b.runStartAt!) }, { start: minuteOf(b.unloadAt!), end }] : [{ start, end }],
    ...(machine ? { run: { start: minuteOf(b.runStartAt!), end: minuteOf(b.runEndAt!) } } : {}),
    status: b.status === "PLANNED" ? "locked" : b.status === "DONE" ? "done" : "started",
  };
}

export async function loadProblem(
  db: TenantDb,
  studioId: string,
  horizonStart: Date,
  options: { timeLimitMs: number; /** Only lines due by then (the billing plan's horizon). */ dueBy?: Date },
): Promise<LoadedProblem> {
  const studio = await db.studio.findFirstOrThrow({ where: { id: studioId }, select: { timeZone: true, workingHours: true } });
  const shifts = workingHoursSchema.parse(studio.workingHours);
  const open = { studioId, status: "OPEN" as const, order: { status: { in: ["OPEN" as const, "IN_PRODUCTION" as const] } } };
  const beyondHorizon = options.dueBy ? await db.orderLine.count({ where: { ...open, dueDate: { gt: options.dueBy } } }) : 0;
  const lines = await db.orderLine.findMany({
    where: { ...open, ...(options.dueBy ? { dueDate: { lte: options.dueBy } } : {}) },
    select: { id: true, orderId: true, designVersionId: true, variantId: true, designName: true, quantity: true, dueDate: true },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
  });
  const versionIds = [...new Set(lines.map((l) => l.designVersionId))];
  const steps = await db.routingStep.findMany({
    where: { designVersionId: { in: versionIds } },
    orderBy: [{ designVersionId: "asc" }, { position: "asc" }],
    select: {
      id: true, studioId: true, designVersionId: true, position: true, name: true, stationId: true, stationName: true, stationKind: true,
      setupSeconds: true, secondsPerPiece: true, batchable: true, batchFamily: true, maxBatchSize: true,
    },
  });
  const variants = await db.designVariant.findMany({ where: { id: { in: [...new Set(lines.map((l) => l.variantId))] } }, select: { id: true, overrides: true } });
  const overridesOf = new Map(variants.map((v) => [v.id, overridesSchema.parse(v.overrides)]));
  const stations = await db.station.findMany({
    where: { studioId, archivedAt: null },
    select: { id: true, name: true, kind: true, count: true, unattended: true, loadCapacity: true, runSeconds: true },
  });

  const stepsByVersion = new Map<string, typeof steps>();
  for (const step of steps) stepsByVersion.set(step.designVersionId, [...(stepsByVersion.get(step.designVersionId) ?? []), step]);

  const unmapped = new Set<string>();
  const usedStations = new Map<string, Station>();
  const designs: DesignInput[] = [];
  const stepsByLine = new Map<string, StepRef[]>();
  const plannable = lines.filter((line) => (stepsByVersion.get(line.designVersionId)?.length ?? 0) > 0);
  for (const line of plannable) {
    const routing = stepsByVersion.get(line.designVersionId)!;
    const overrides = overridesOf.get(line.variantId) ?? [];
    const refs: StepRef[] = [];
    const design: DesignInput = { id: line.id, name: line.designName, routing: [] };
    for (const step of routing) {
      const station = mapStation(step, stations, studioId);
      if (!station) {
        unmapped.add(`${line.designName} — step ${step.position + 1} "${step.name}" needs a station like "${step.stationName}" (${step.stationKind.toLowerCase().replace(/_/g, " ")})`);
        continue;
      }
      usedStations.set(station.id, station);
      // Batchable steps share batches by family (or across lines of the same design step); the others stay per line.
      const family = step.batchable ? (step.batchFamily ?? `${step.designVersionId}#${step.position}`) : null;
      const perPiece = overrides.find((o) => o.step === step.position)?.secondsPerPiece ?? step.secondsPerPiece;
      design.routing.push({
        stepId: step.id,
        name: step.name,
        stationId: station.id,
        setupMinutes: minutes(step.setupSeconds),
        minutesPerPiece: minutes(perPiece),
        ...(family ? { family } : {}),
        ...(step.maxBatchSize ? { maxBatchSize: step.maxBatchSize } : {}),
      });
      refs.push({ routingStepId: step.id, stepName: step.name, family });
    }
    designs.push(design);
    stepsByLine.set(line.id, refs);
  }
  if (unmapped.size) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: `Some steps have no matching station in this studio: ${[...unmapped].join("; ")}. Add a station of that kind, then plan again.`,
    });
  }

  const fixed = await loadKeptBatches(db, studioId, horizonStart);
  const minuteOf = (date: Date) => Math.round((date.getTime() - horizonStart.getTime()) / 60_000);
  const previous: PlannedBatch[] = fixed.map((b) => keptForEngine(b, minuteOf));
  // Pieces to remake for scrapped ones: each remake is planned through the whole routing as a unit of its own.
  const remakes = await db.remake.findMany({
    where: { studioId, orderLineId: { in: plannable.map((l) => l.id) } },
    orderBy: { createdAt: "asc" },
    select: { id: true, orderLineId: true, pieces: true },
  });
  for (const b of fixed) {
    const station = stations.find((s) => s.id === b.stationId);
    if (station) usedStations.set(station.id, station);
  }

  const stationInputs: StationInput[] = [...usedStations.values()].map((s) => ({
    id: s.id,
    name: s.name,
    count: s.count,
    ...(s.unattended && s.loadCapacity && s.runSeconds
      ? { unattended: { capacity: s.loadCapacity, runMinutes: Math.ceil(s.runSeconds / 60), unloadMinutes: UNLOAD_MINUTES } }
      : {}),
  }));
  // Each person's own hours, days off and skills (see people.ts), on the studio's clock.
  const people = fitPeopleToStations(
    await loadPeople(db, studioId, { timeZone: studio.timeZone, horizonStart, studioHours: shifts, calendarOf: (weekly, daysOff) => ({ weekly, daysOff, timeZone: studio.timeZone }) }),
    stationInputs,
  );
  return {
    problem: {
      horizonStart: horizonStart.toISOString(),
      stations: stationInputs,
      people,
      designs,
      orderLines: [
        ...plannable.map((line) => ({
          id: line.id, orderId: line.orderId, designId: line.id, variantId: line.variantId, quantity: line.quantity, dueAt: line.dueDate.toISOString(),
        })),
        ...remakes.map((remake) => {
          const line = plannable.find((l) => l.id === remake.orderLineId)!;
          return { id: remake.id, orderId: line.orderId, designId: line.id, variantId: line.variantId, quantity: remake.pieces, dueAt: line.dueDate.toISOString() };
        }),
      ],
      previousPlan: { batches: previous },
      options: { timeLimitMs: options.timeLimitMs, seed: 1 },
    },
    stepsByLine,
    unitLine: new Map(remakes.map((r) => [r.id, r.orderLineId])),
    fixedFingerprint: fingerprint(fixed),
    fixedIds: fixed.map((b) => b.id),
    lineCount: plannable.length,
    beyondHorizon,
  };
}
