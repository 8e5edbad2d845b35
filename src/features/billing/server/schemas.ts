import { z } from "zod";
import { PLAN_KEYS } from "~/server/billing/plans";

export const checkoutInput = z.object({ studioId: z.string().min(1), plan: z.enum(PLAN_KEYS) });
