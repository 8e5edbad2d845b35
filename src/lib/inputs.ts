import { z } from "zod";
import { isDay } from "~/server/time-zone";

// The zod pieces every feature's inputs share (each feature's schemas.ts builds on them). Used by forms on the
// client too: no server-only imports here.

/** A row id in an input (the studio scope still checks that it is this studio's). */
export const idSchema = z.string().min(1).max(64);

/** The version of a row the caller read; a write against an older one is refused with CONFLICT. */
export const expectedVersionSchema = z.number().int().min(0);

/** A studio-local day "YYYY-MM-DD" (a date input's value), a real calendar day. */
export const localDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Pick a date" }).refine(isDay, { message: "Not a real date" });

/** The studio a studio procedure acts in (studioProcedure's input; the membership check answers NOT_FOUND). */
export const studioIdInput = z.object({ studioId: z.string().min(1) });

export const byIdInput = z.object({ id: idSchema });
export type ByIdInput = z.infer<typeof byIdInput>;

/** Archive or bring back a row (a station, a design). */
export const archiveInput = byIdInput.extend({ archived: z.boolean() });
export type ArchiveInput = z.infer<typeof archiveInput>;

// Field pieces with the messages people read under form fields and in 400 answers.
export const nameSchema = z.string().trim().min(1, { message: "Enter a name" }).max(120, { message: "Use at most 120 characters" });
export const optionalText = (max: number) => z.string().trim().max(max, { message: `Use at most ${max} characters` });
export const nonNegativeInt = (label: string) =>
  z.number({ message: `${label} must be a number` }).int({ message: `${label} must be a whole number` }).min(0, { message: `${label} cannot be negative` }).max(2_000_000_000, { message: `${label} is too large` });
export const positiveInt = (label: string) => nonNegativeInt(label).min(1, { message: `${label} must be at least 1` });
