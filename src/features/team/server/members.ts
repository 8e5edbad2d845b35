import { TRPCError } from "@trpc/server";
import { notFound, staleEdit } from "~/server/errors";
import { logger } from "~/server/logger";
import type { StudioContext } from "~/server/trpc/procedures";
import type { ChangeRoleInput, MembershipIdInput } from "./schemas";
import { studioToday } from "~/server/time-zone";
import { availabilityByMember } from "./availability";
import { lockStudio } from "./seats";

// Rules: exactly one owner per studio. Admins manage admins and assistants but never the owner; the
// owner's role changes only by transferring ownership, which only the owner can do. Every mutation
// locks the studio row first and re-checks with conditional updates, so racing admins cannot break them.

const ROLE_ORDER = { OWNER: 0, ADMIN: 1, ASSISTANT: 2 } as const;

export async function listMembers(ctx: StudioContext) {
  const rows = await ctx.db.membership.findMany({
    where: { studioId: ctx.studio.id },
    select: { id: true, role: true, version: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  const availability = await availabilityByMember(ctx, studioToday(ctx.studio.timeZone));
  return rows
    .map((row) => ({ ...row, isYou: row.user.id === ctx.user.id, availability: availability.get(row.id)! }))
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.user.name.localeCompare(b.user.name));
}

async function findMember(ctx: StudioContext, membershipId: string) {
  const member = await ctx.db.membership.findFirst({
    where: { id: membershipId, studioId: ctx.studio.id },
    select: { id: true, role: true, userId: true },
  });
  if (!member) throw notFound("Member");
  return member;
}

export async function changeRole(ctx: StudioContext, input: ChangeRoleInput) {
  await lockStudio(ctx);
  const member = await findMember(ctx, input.membershipId);
  if (member.role === "OWNER") {
    throw new TRPCError({ code: "FORBIDDEN", message: "The owner's role changes only by transferring ownership." });
  }
  const { count } = await ctx.db.membership.updateMany({
    where: { id: member.id, studioId: ctx.studio.id, version: input.expectedVersion, role: { not: "OWNER" } },
    data: { role: input.role, version: { increment: 1 } },
  });
  if (count === 0) throw staleEdit("person's role");
  logger.info("team.role_changed", { studioId: ctx.studio.id, membershipId: member.id, role: input.role, by: ctx.user.id });
  return { ok: true };
}

/** Takes effect at the removed person's next request: membership is read on every request. */
export async function removeMember(ctx: StudioContext, input: MembershipIdInput) {
  await lockStudio(ctx);
  const member = await findMember(ctx, input.membershipId);
  if (member.role === "OWNER") {
    throw new TRPCError({ code: "FORBIDDEN", message: "The owner cannot be removed. Transfer ownership first." });
  }
  const { count } = await ctx.db.membership.deleteMany({
    where: { id: member.id, studioId: ctx.studio.id, role: { not: "OWNER" } },
  });
  if (count === 0) throw notFound("Member");
  logger.info("team.member_removed", { studioId: ctx.studio.id, userId: member.userId, by: ctx.user.id });
  return { ok: true };
}

/** Owner only (permission members:transfer-ownership): the target becomes owner, the caller an admin. */
export async function transferOwnership(ctx: StudioContext, input: MembershipIdInput) {
  await lockStudio(ctx);
  const target = await findMember(ctx, input.membershipId);
  if (target.id === ctx.membershipId) throw new TRPCError({ code: "BAD_REQUEST", message: "You already own this studio." });
  const demoted = await ctx.db.membership.updateMany({
    where: { id: ctx.membershipId, studioId: ctx.studio.id, role: "OWNER" },
    data: { role: "ADMIN", version: { increment: 1 } },
  });
  if (demoted.count !== 1) throw new TRPCError({ code: "CONFLICT", message: "You are no longer the owner of this studio." });
  await ctx.db.membership.updateMany({
    where: { id: target.id, studioId: ctx.studio.id },
    data: { role: "OWNER", version: { increment: 1 } },
  });
  const owners = await ctx.db.membership.count({ where: { studioId: ctx.studio.id, role: "OWNER" } });
  if (owners !== 1) throw new Error(`Studio ${ctx.studio.id} would have ${owners} owners`);
  logger.info("team.ownership_transferred", { studioId: ctx.studio.id, from: ctx.user.id, to: target.userId });
  return { ok: true };
}
