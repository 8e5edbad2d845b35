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
