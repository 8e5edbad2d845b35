import { z } from "zod";

/** A variant's optional overrides of routing times: [{ step: <routing position>, secondsPerPiece }]. */
export const overridesSchema = z.array(z.object({ step: z.number().int().min(0), secondsPerPiece: z.number().int().min(0) })).catch([]);
