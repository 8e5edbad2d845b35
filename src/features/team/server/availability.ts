import { dayOf, rangeData } from "~/features/studios/server/holidays";
import { hoursPerWeek, WEEKDAYS, workingHoursSchema } from "~/features/studios/working-hours";
import { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/server/audit";
import { byStudio } from "~/server/db";
import { notFound, staleEdit } from "~/server/errors";
import type { StudioContext } from "~/server/trpc/procedures";
import type { AvailabilityInput, TimeOffInput } from "./schemas";
import type { TimeOffIdInput } from "./schemas";

// A person's availability for the planner: their own weekly hours (or the studio's), the stations they can
// work at, and their days off. Admins and owners manage it; the change is audited per person.

function hoursText(hours: unknown): string {
  const parsed = workingHoursSchema.safeParse(hours);
  if (!parsed.success || hours === null) return "studio hours";
  const days = [...new Set(parsed.data.map((i) => i.weekday))].map((d) => WEEKDAYS[d]!.slice(0, 3)).join(", ");
  return `${hoursPerWeek(parsed.data)} h/week (${days || "no days"})`;
}

/** Each member's own hours, skills and days off from `today` on, keyed by membership id. */
export async function availabilityByMember(ctx: StudioContext, today: string) {
  const rows = await ctx.db.membership.findMany({
    where: { studioId: ctx.studio.id },
    select: {
      id: true, workingHours: true, skillsLimited: true,
      skills: { select: { stationId: true } },
      timeOff: { where: { lastDay: { gte: new Date(`${today}T00:00:00.000Z`) } }, orderBy: { firstDay: "asc" }, select: { id: true, firstDay: true, lastDay: true, note: true } },
    },
  });
  return new Map(
    rows.map((row) => [
      row.id,
      {
        workingHours: row.workingHours === null ? null : workingHoursSchema.catch([]).parse(row.workingHours),
        skillsLimited: row.skillsLimited,
        stationIds: row.skills.map((s) => s.stationId),
        timeOff: row.timeOff.map((t) => ({ id: t.id, firstDay: dayOf(t.firstDay), lastDay: dayOf(t.lastDay), note: t.note })),
      },
    ]),
  );
}

export async function updateAvailability(ctx: StudioContext, input: AvailabilityInput) {
  const studioId = ctx.studio.id;
  const member = await ctx.db.membership.findFirst({
    where: byStudio(studioId, { id: input.membershipId }),
    select: { id: true, version: true, workingHours: true, skillsLimited: true, skills: { select: { stationId: true } }, user: { select: { name: true } } },
  });
  if (!member) throw notFound("Member");
  const stationIds = input.skills.limited ? [...new Set(input.skills.stationIds)] : [];
  const stations = await ctx.db.station.findMany({ where: byStudio(studioId, { id: { in: stationIds } }), select: { id: true, name: true } });
  if (stations.length !== stationIds.length) throw notFound("Station");

  const { count } = await ctx.db.membership.updateMany({
    where: byStudio(studioId, { id: member.id, version: input.expectedVersion }),
    data: { workingHours: input.workingHours ?? Prisma.DbNull, skillsLimited: input.skills.limited, version: { increment: 1 } },
  });
  if (count === 0) throw staleEdit("person");
  await ctx.db.memberSkill.deleteMany({ where: byStudio(studioId, { membershipId: member.id, stationId: { notIn: stationIds } }) });
  await ctx.db.memberSkill.createMany({ data: stationIds.map((stationId) => ({ studioId, membershipId: member.id, stationId })), skipDuplicates: true });

  const skillsText = (limited: boolean, names: string[]) => (!limited ? "every station" : names.length ? names.sort().join(", ") : "no station (not planned)");
  const before = await ctx.db.station.findMany({ where: byStudio(studioId, { id: { in: member.skills.map((s) => s.stationId) } }), select: { name: true } });
  const changes = [
    { field: "Hours", from: hoursText(member.workingHours), to: hoursText(input.workingHours) },
    { field: "Stations", from: skillsText(member.skillsLimited, before.map((s) => s.name)), to: skillsText(input.skills.limited, stations.map((s) => s.name)) },
  ].filter((change) => change.from !== change.to);
  if (changes.length) {
    await recordAudit(ctx, {
      entity: "member",
      entityId: member.id,
      action: "member.availability",
      summary: `${member.user.name}: ${changes.map((c) => `${c.field.toLowerCase()} ${c.from} → ${c.to}`).join("; ")}`,
      changes,
    });
  }
  return { id: member.id, version: input.expectedVersion + 1 };
}

export async function addTimeOff(ctx: StudioContext, input: TimeOffInput) {
  const member = await ctx.db.membership.findFirst({ where: byStudio(ctx.studio.id, { id: input.membershipId }), select: { id: true, user: { select: { name: true } } } });
  if (!member) throw notFound("Member");
  const created = await ctx.db.memberTimeOff.create({
    data: { studioId: ctx.studio.id, membershipId: member.id, note: input.note, createdById: ctx.user.id, ...rangeData(input.range) },
    select: { id: true },
  });
  const span = input.range.firstDay === input.range.lastDay ? input.range.firstDay : `${input.range.firstDay} – ${input.range.lastDay}`;
  await recordAudit(ctx, { entity: "member", entityId: member.id, action: "member.time_off", summary: `${member.user.name}: day${span.includes("–") ? "s" : ""} off ${span}${input.note ? ` (${input.note})` : ""}` });
  return created;
}

export async function removeTimeOff(ctx: StudioContext, input: TimeOffIdInput) {
  const { timeOffId } = input;
  const row = await ctx.db.memberTimeOff.findFirst({ where: byStudio(ctx.studio.id, { id: timeOffId }), select: { id: true, membershipId: true, firstDay: true, lastDay: true } });
  if (!row) throw notFound("Day off");
  await ctx.db.memberTimeOff.deleteMany({ where: byStudio(ctx.studio.id, { id: row.id }) });
  await recordAudit(ctx, { entity: "member", entityId: row.membershipId, action: "member.time_off_removed", summary: `Removed days off ${dayOf(row.firstDay)} – ${dayOf(row.lastDay)}` });
  return { ok: true };
}
