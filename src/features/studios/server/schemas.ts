import { z } from "zod";
import { isValidTimeZone, workingHoursSchema } from "../working-hours";

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

export const createStudioInput = z.object({
  name: studioNameSchema,
  slug: slugSchema,
  timeZone: timeZoneSchema,
  workingHours: workingHoursSchema,
});
export type CreateStudioInput = z.infer<typeof createStudioInput>;

export const updateStudioInput = z.object({
  expectedVersion: z.number().int().min(0),
  name: studioNameSchema,
  timeZone: timeZoneSchema,
  workingHours: workingHoursSchema,
});

export const studioEventsInput = z.object({
  topics: z.array(z.string().min(1).max(60)).max(10).default([]),
});
