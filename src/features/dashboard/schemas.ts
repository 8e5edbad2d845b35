import { z } from "zod";

export const MAX_RANGE_DAYS = 366;
export const DEFAULT_RANGE_DAYS = 30;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a YYYY-MM-DD day").refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "Not a real day");

const dayMs = 86_400_000;
export const dayOf = (date: Date) => date.toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);

/** Inclusive day range, in the studio's time zone. Both omitted: the last 30 days. At most 366 days. */
export const dashboardInput = z
  .object({ studioId: z.string().min(1), from: day.optional(), to: day.optional() })
  .superRefine((input, ctx) => {
    const { from, to } = resolveRange(input);
    const span = daysBetween(from, to) + 1;
    if (span < 1) ctx.addIssue({ code: "custom", message: "The range must start on or before its end", path: ["from"] });
    if (span > MAX_RANGE_DAYS) ctx.addIssue({ code: "custom", message: `The range can cover at most ${MAX_RANGE_DAYS} days`, path: ["from"] });
  });

export type DashboardRange = { from: string; to: string };

/** Fills in the defaults: `to` is today, `from` is 29 days before `to`. */
export function resolveRange(input: { from?: string; to?: string }, now = new Date()): DashboardRange {
  const to = input.to ?? dayOf(now);
  const from = input.from ?? dayOf(new Date(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_RANGE_DAYS - 1) * dayMs));
  return { from, to };
}
