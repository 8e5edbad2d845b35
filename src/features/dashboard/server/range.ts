import { TRPCError } from "@trpc/server";
import { Prisma } from "~/generated/prisma/client";
import { studioDayRange } from "~/server/time-zone";
import { sqlTimestamp } from "~/server/time-zone-sql";
import { rangeError, resolveRange, type DashboardRange } from "./schemas";

/** The request's range with its defaults in the studio's zone; a range that cannot be shown is a 400. */
export function studioRange(input: { from?: string; to?: string }, timeZone: string, now = new Date()): DashboardRange {
  const range = resolveRange(input, timeZone, now);
  const error = rangeError(range);
  if (error) throw new TRPCError({ code: "BAD_REQUEST", message: error });
  return range;
}

/**
 * SQL bounds of an inclusive day range in the studio's time zone, as UTC timestamps comparable with the
 * `timestamp(3)` columns (which hold UTC): [start of `from`, start of the day after `to`).
 */
export function rangeBounds(range: DashboardRange, timeZone: string) {
  const [lo, hi] = studioDayRange(timeZone, range.from, range.to);
  return { lo: Prisma.sql`${sqlTimestamp(lo)}::timestamp`, hi: Prisma.sql`${sqlTimestamp(hi)}::timestamp` };
}
