import { z } from "zod";
import { STATION_KINDS } from "~/lib/units";
import { expectedVersionSchema, idSchema as id, nameSchema as name, positiveInt } from "~/lib/inputs";

// API inputs use the canonical units (see ~/lib/units.ts): seconds.

export const stationFields = z
  .object({
    name,
    kind: z.enum(STATION_KINDS),
    count: positiveInt("Count").max(1000),
    unattended: z.boolean(),
    loadCapacity: positiveInt("Load capacity").nullable(),
    runSeconds: positiveInt("Run time").nullable(),
  })
  .superRefine((station, ctx) => {
    if (station.unattended && (station.loadCapacity === null || station.runSeconds === null)) {
      ctx.addIssue({ code: "custom", path: ["loadCapacity"], message: "Unattended stations need a load capacity and a run time" });
    }
  });
export type StationFields = z.infer<typeof stationFields>;

export const createStationInput = z.object({ station: stationFields });
export const updateStationInput = z.object({ id, expectedVersion: expectedVersionSchema, station: stationFields });

// Services take (ctx, input) with these types.
export type CreateStationInput = z.infer<typeof createStationInput>;
export type UpdateStationInput = z.infer<typeof updateStationInput>;
