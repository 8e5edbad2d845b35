import { assertPlanActive } from "~/server/billing/plan-limits";
import type { StudioContext } from "~/server/trpc/procedures";
import { missingOrStale, notFound, uniqueOr } from "~/server/errors";
import type { StationFields, UpdateStationInput } from "./schemas";
import type { ArchiveInput } from "./schemas";

const stationSelect = {
  id: true,
  name: true,
  kind: true,
  count: true,
  unattended: true,
  loadCapacity: true,
  runSeconds: true,
  archivedAt: true,
  version: true,
} as const;

function machineFields(station: StationFields) {
  // Attended stations carry no load capacity or run time.
  return station.unattended ? station : { ...station, loadCapacity: null, runSeconds: null };
}

export function listStations(ctx: StudioContext) {
  return ctx.db.station.findMany({
    where: { studioId: ctx.studio.id },
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: stationSelect,
  });
}

export async function createStation(ctx: StudioContext, station: StationFields) {
  await assertPlanActive(ctx);
  return uniqueOr(
    ctx.db.station.create({ data: { ...machineFields(station), studioId: ctx.studio.id }, select: stationSelect }),
    `A station named "${station.name}" already exists.`,
  );
}

export async function updateStation(ctx: StudioContext, input: UpdateStationInput) {
  const { count } = await uniqueOr(
    ctx.db.station.updateMany({
      where: { id: input.id, studioId: ctx.studio.id, version: input.expectedVersion },
      data: { ...machineFields(input.station), version: { increment: 1 } },
    }),
    `A station named "${input.station.name}" already exists.`,
  );
  if (count === 0) await missingOrStale(ctx.db.station.count({ where: { id: input.id, studioId: ctx.studio.id } }), "station", "Station");
  return ctx.db.station.findFirstOrThrow({ where: { id: input.id, studioId: ctx.studio.id }, select: stationSelect });
}

/** Archived stations stay on past versions' routing but cannot be chosen for new steps. */
export async function setStationArchived(ctx: StudioContext, input: ArchiveInput) {
  const { id, archived } = input;
  const { count } = await ctx.db.station.updateMany({
    where: { id, studioId: ctx.studio.id },
    data: { archivedAt: archived ? new Date() : null, version: { increment: 1 } },
  });
  if (count === 0) throw notFound("Station");
  return { id, archived };
}
