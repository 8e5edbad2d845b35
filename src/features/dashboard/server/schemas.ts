import { z } from "zod";
import { localDaySchema, studioIdInput } from "~/lib/inputs";
import { addDays, daysBetween, studioToday } from "~/server/time-zone";

export const MAX_RANGE_DAYS = 366;
export const DEFAULT_RANGE_DAYS = 30;

export type DashboardRange = { from: string; to: string };

/** Why an inclusive day range cannot be shown, or null. Shared by the page and the procedures. */
export function rangeError({ from, to }: DashboardRange): string | null {
  const span = daysBetween(from, to) + 1;
  if (span < 1) return "The range must start on or before its end.";
  if (span > MAX_RANGE_DAYS) return `The range can cover at most ${MAX_RANGE_DAYS} days.`;
  return null;
}

/** Inclusive day range, in the studio's time zone. Both omitted: the last 30 days. At most 366 days. */
export const dashboardInput = studioIdInput
  .extend({ from: localDaySchema.optional(), to: localDaySchema.optional() })
  .superRefine((input, ctx) => {
    // With a default end ("today") the span is checked once the studio's zone is known (resolveRange).
    const error = input.from && input.to ? rangeError({ from: input.from, to: input.to }) : null;
    if (error) ctx.addIssue({ code: "custom", message: error, path: ["from"] });
  });

/** Fills in the defaults in the studio's zone: `to` is the studio's today, `from` is 29 days before `to`. */
export function resolveRange(input: { from?: string; to?: string }, timeZone: string, now = new Date()): DashboardRange {
  const to = input.to ?? studioToday(timeZone, now);
  const from = input.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  return { from, to };
}

// Services take (ctx, input) with these types.
export type DashboardInput = z.infer<typeof dashboardInput>;
