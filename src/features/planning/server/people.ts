import { TRPCError } from "@trpc/server";
import { studioToday } from "~/server/time-zone";
import { expandDayRanges } from "~/features/studios/server/holidays";
import { workingHoursSchema, type WorkingInterval } from "~/features/studios/working-hours";
import type { TenantDb } from "~/server/db";
import type { PersonInput, WeeklyCalendar } from "~/server/scheduling";

/**
 * The studio's people as the engine sees them: each with their own weekly hours (or the studio's), days off
 * (their own plus the studio's holidays) and, when limited, the stations they can work at. `calendarOf` makes
 * the calendar from a weekly template (it knows the studio's time zone and offset).
 */
export async function loadPeople(
  db: TenantDb,
  studioId: string,
  options: { timeZone: string; horizonStart: Date; studioHours: WorkingInterval[]; calendarOf: (weekly: WorkingInterval[], daysOff: string[]) => WeeklyCalendar },
): Promise<Array<PersonInput & { name: string }>> {
  const from = studioToday(options.timeZone, options.horizonStart);
  const since = new Date(`${from}T00:00:00.000Z`);
  // One after the other: a transaction's connection runs one query at a time.
  const members = await db.membership.findMany({
    where: { studioId },
    orderBy: { createdAt: "asc" },
    select: {
      userId: true, workingHours: true, skillsLimited: true, user: { select: { name: true } },
      skills: { select: { stationId: true } },
      timeOff: { where: { lastDay: { gte: since } }, select: { firstDay: true, lastDay: true } },
    },
  });
  const holidays = await db.studioHoliday.findMany({ where: { studioId, lastDay: { gte: since } }, select: { firstDay: true, lastDay: true } });
  return members.map((m) => ({
    id: m.userId,
    name: m.user.name,
    calendar: options.calendarOf(
      m.workingHours === null ? options.studioHours : workingHoursSchema.catch([]).parse(m.workingHours),
      expandDayRanges([...holidays, ...m.timeOff], from),
    ),
    ...(m.skillsLimited ? { stationIds: m.skills.map((s) => s.stationId) } : {}),
  }));
}

/**
 * The engine only knows the stations this plan uses: skills are narrowed to those. Refuses a plan in which a
 * needed station has nobody who can work it, or nobody has working hours at all, with what to change.
 */
export function fitPeopleToStations<P extends PersonInput & { name: string }>(people: P[], stations: Array<{ id: string; name?: string }>): P[] {
  if (people.length === 0) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "The studio has nobody to plan work for." });
  if (people.every((p) => "weekly" in p.calendar && p.calendar.weekly.length === 0)) {
    throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Set the studio's working hours before planning." });
  }
  const known = new Set(stations.map((s) => s.id));
  const fitted = people.map((p) => (p.stationIds ? { ...p, stationIds: p.stationIds.filter((id) => known.has(id)) } : p));
  const uncovered = stations.filter((s) => !fitted.some((p) => !p.stationIds || p.stationIds.includes(s.id)));
  if (uncovered.length) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: `Nobody can work at ${uncovered.map((s) => `"${s.name ?? s.id}"`).join(", ")}. On the Team page, let someone work at ${uncovered.length === 1 ? "that station" : "those stations"}, then plan again.`,
    });
  }
  return fitted;
}
