import type { StudioContext } from "~/server/trpc/procedures";
import { permissionsFor } from "~/server/authz/permissions";
import { Prisma } from "~/generated/prisma/client";
import { publishStudioEvent } from "~/server/realtime/events";
import { sqlEndOfLocalDay, sqlLocalDay } from "~/server/time-zone-sql";
import { workingHoursSchema } from "../working-hours";
import type { UpdateStudioInput } from "./schemas";
import { notFound, staleEdit } from "~/server/errors";

export async function getStudio(ctx: StudioContext) {
  const studio = await ctx.db.studio.findFirst({
    where: { id: ctx.studio.id },
    select: {
      id: true, name: true, slug: true, timeZone: true, workingHours: true, currency: true, locale: true, unitSystem: true, version: true, createdAt: true,
      _count: { select: { memberships: true } },
    },
  });
  if (!studio) throw notFound("Studio");
  const { _count, ...fields } = studio;
  const memberCount = _count.memberships;
  return {
    ...fields,
    workingHours: workingHoursSchema.catch([]).parse(studio.workingHours),
    memberCount,
    role: ctx.role,
    permissions: permissionsFor(ctx.role),
  };
}

export async function updateStudio(ctx: StudioContext, input: UpdateStudioInput) {
  const { count } = await ctx.db.studio.updateMany({
    where: { id: ctx.studio.id, version: input.expectedVersion },
    data: {
      name: input.name,
      timeZone: input.timeZone,
      workingHours: input.workingHours,
      ...(input.currency ? { currency: input.currency } : {}),
      ...(input.locale ? { locale: input.locale } : {}),
      ...(input.unitSystem ? { unitSystem: input.unitSystem } : {}),
      version: { increment: 1 },
    },
  });
  if (count === 0) throw staleEdit("studio's settings");
  if (input.timeZone !== ctx.studio.timeZone) await keepDueDays(ctx, ctx.studio.timeZone, input.timeZone);
  await publishStudioEvent(ctx.db, { studioId: ctx.studio.id, topic: "studio.updated", data: { by: ctx.membershipId } });
  return getStudio(ctx);
}

/**
 * A due date means the end of a day in the studio's zone. When the zone changes, every order line keeps its
 * due day: its due instant moves to the end of that day in the new zone.
 */
async function keepDueDays(ctx: StudioContext, from: string, to: string) {
  const dueDay = sqlLocalDay(Prisma.sql`"dueDate"`, from);
  await ctx.db.$executeRaw`UPDATE "OrderLine" SET "dueDate" = ${sqlEndOfLocalDay(dueDay, to)} WHERE "studioId" = ${ctx.studio.id}`;
}
