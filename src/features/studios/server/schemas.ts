import { z } from "zod";
import { UNIT_SYSTEMS } from "~/lib/units";
import { isValidCurrency, isValidLocale } from "../studio-defaults";
import { isValidTimeZone, workingHoursSchema } from "../working-hours";
import { expectedVersionSchema, idSchema, localDaySchema } from "~/lib/inputs";
import { TOPIC_FILTERS } from "~/lib/live-topics";

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, { message: "Use at least 3 characters" })
  .max(40, { message: "Use at most 40 characters" })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: "Use lowercase letters, digits and single hyphens" });

export const timeZoneSchema = z.string().refine(isValidTimeZone, { message: "Unknown time zone" });

export const studioNameSchema = z
  .string()
  .trim()
  .min(2, { message: "Use at least 2 characters" })
  .max(80, { message: "Use at most 80 characters" });

export const currencySchema = z.string().trim().toUpperCase().refine(isValidCurrency, { message: "Choose a currency" });
export const localeSchema = z.string().trim().max(35).refine(isValidLocale, { message: "Choose a number format" });

export const createStudioInput = z.object({
  name: studioNameSchema,
  slug: slugSchema,
  timeZone: timeZoneSchema,
  workingHours: workingHoursSchema,
  // The browser's locale: with the time zone it picks the studio's currency, number format and units.
  locale: z.string().max(35).optional(),
});
export type CreateStudioInput = z.infer<typeof createStudioInput>;

export const updateStudioInput = z.object({
  expectedVersion: expectedVersionSchema,
  name: studioNameSchema,
  timeZone: timeZoneSchema,
  workingHours: workingHoursSchema,
  // Omitted: unchanged.
  currency: currencySchema.optional(),
  locale: localeSchema.optional(),
  unitSystem: z.enum(UNIT_SYSTEMS).optional(),
});

export const studioEventsInput = z.object({
  topics: z.array(z.enum(TOPIC_FILTERS)).max(10).default([]),
});

/** A span of local days, first to last inclusive, at most a year. */
export const dayRangeFields = z
  .object({ firstDay: localDaySchema, lastDay: localDaySchema })
  .refine((range) => range.firstDay <= range.lastDay, { message: "The last day must be on or after the first day", path: ["lastDay"] })
  .refine((range) => Date.parse(range.lastDay) - Date.parse(range.firstDay) <= 366 * 86_400_000, { message: "Choose at most a year", path: ["lastDay"] });
export type DayRange = z.infer<typeof dayRangeFields>;

export const addHolidayInput = z.object({ range: dayRangeFields, name: z.string().trim().min(1, { message: "Name the holiday" }).max(80, { message: "Use at most 80 characters" }) });
export const holidayIdInput = z.object({ holidayId: idSchema });

// Services take (ctx, input) with these types.
export type UpdateStudioInput = z.infer<typeof updateStudioInput>;
export type StudioEventsInput = z.infer<typeof studioEventsInput>;
export type AddHolidayInput = z.infer<typeof addHolidayInput>;
export type HolidayIdInput = z.infer<typeof holidayIdInput>;
