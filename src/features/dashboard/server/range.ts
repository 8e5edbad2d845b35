import { Prisma } from "~/generated/prisma/client";
import type { DashboardRange } from "../schemas";

/**
 * SQL bounds of an inclusive day range in the studio's time zone, as UTC timestamps comparable with the
 * `timestamp(3)` columns (which hold UTC): [start of `from`, start of the day after `to`).
 */
export function rangeBounds(range: DashboardRange, timeZone: string) {
  return {
    lo: Prisma.sql`((${range.from}::date)::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC'`,
    hi: Prisma.sql`((${range.to}::date + 1)::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC'`,
  };
}

/** The studio-local day of a UTC timestamp column. */
export function localDay(column: Prisma.Sql, timeZone: string) {
  return Prisma.sql`((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone})::date`;
}
