import "server-only";
import type { Prisma } from "~/generated/prisma/client";
import type { StudioContext } from "~/server/trpc/procedures";

// The studio's audit trail (AuditEvent, append-only for the app role): who changed what, in one line a
// person reads, written in the same transaction as the change it describes.

export type AuditChange = { field: string; from: string | null; to: string | null };
export type AuditEntity = "order" | "member" | "studio";

export async function recordAudit(
  ctx: StudioContext,
  event: { entity: AuditEntity; entityId: string; action: string; summary: string; changes?: AuditChange[] },
) {
  await ctx.db.auditEvent.create({
    data: {
      studioId: ctx.studio.id,
      entity: event.entity,
      entityId: event.entityId,
      action: event.action,
      userId: ctx.user.id,
      summary: event.summary,
      changes: (event.changes ?? []) as unknown as Prisma.InputJsonValue,
    },
  });
}

/** The newest events of one record, with the name of who made them (members can leave: then "someone"). */
export async function auditTrail(ctx: Pick<StudioContext, "db" | "studio">, entity: AuditEntity, entityId: string, take = 50) {
  const events = await ctx.db.auditEvent.findMany({
    where: { studioId: ctx.studio.id, entity, entityId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, action: true, summary: true, userId: true, createdAt: true },
  });
  const userIds = [...new Set(events.map((e) => e.userId).filter((id): id is string => id !== null))];
  const members = userIds.length
    ? await ctx.db.membership.findMany({ where: { studioId: ctx.studio.id, userId: { in: userIds } }, select: { userId: true, user: { select: { name: true } } } })
    : [];
  const names = new Map(members.map((m) => [m.userId, m.user.name]));
  return events.map(({ userId, ...event }) => ({ ...event, by: (userId && names.get(userId)) ?? "someone" }));
}
