import "server-only";
import { Prisma } from "~/generated/prisma/client";

// The studio-time rules of ~/server/time-zone for PostgreSQL, where a query must apply them row by row
// (PostgreSQL has the same tz database). Timestamp columns hold UTC without a zone.

/** The studio-local day (a `date`) of a UTC `timestamp` column or expression; the zone a name or an SQL expression. */
export function sqlLocalDay(column: Prisma.Sql, timeZone: string | Prisma.Sql): Prisma.Sql {
  return Prisma.sql`((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone})::date`;
}

/** The last instant (23:59:59.999 local) of a local day (a `date` expression), as a UTC `timestamp`: due dates. */
export function sqlEndOfLocalDay(day: Prisma.Sql, timeZone: string): Prisma.Sql {
  return Prisma.sql`((((${day}) + 1)::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC') - interval '1 millisecond'`;
}

/**
 * An instant as the text of a UTC `timestamp` ("2026-11-25 18:30:00.000"), to compare with the columns as
 * `${sqlTimestamp(at)}::timestamp`: a `timestamptz` parameter would not be index-friendly under RLS.
 */
export function sqlTimestamp(at: Date): string {
  return at.toISOString().slice(0, 23).replace("T", " ");
}
