import { assertPlanActive } from "~/server/billing/plan-limits";
import type { StudioContext } from "~/server/trpc/procedures";
import { notFound, uniqueOr, updateVersioned } from "~/server/errors";
import type { ArchiveInput } from "~/lib/inputs";
import type { CreateStationInput, StationFields, UpdateStationInput } from "./schemas";

/** What the stations page and the pickers read: no timestamps or studio id. */
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

const duplicateName = (station: StationFields) => `A station named "${station.name}" already exists.`;

export function listStations(ctx: StudioContext) {
  return ctx.db.station.findMany({
    where: { studioId: ctx.studio.id },
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: stationSelect,
  });
}

export async function createStation(ctx: StudioContext, input: CreateStationInput) {
  await assertPlanActive(ctx);
  return uniqueOr(
    ctx.db.station.create({ data: { ...machineFields(input.station), studioId: ctx.studio.id }, select: stationSelect }),
    duplicateName(input.station),
  );
}

export async function updateStation(ctx: StudioContext, input: UpdateStationInput) {
  const row = { id: input.id, studioId: ctx.studio.id };
  await updateVersioned(ctx.db.station, { ...row, expectedVersion: input.expectedVersion }, machineFields(input.station), {
    what: "station",
    label: "Station",
    duplicate: duplicateName(input.station),
  });
  return ctx.db.station.findFirstOrThrow({ where: row, select: stationSelect });
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
