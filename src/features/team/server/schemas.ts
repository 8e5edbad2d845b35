import { z } from "zod";
import { emailSchema, tokenSchema } from "~/features/auth/server/schemas";
import { dayRangeFields } from "~/features/studios/server/schemas";
import { workingHoursSchema } from "~/features/studios/working-hours";

/** Roles that can be given by invitation or role change; ownership moves only by transfer. */
export const ASSIGNABLE_ROLES = ["ADMIN", "ASSISTANT"] as const;
export const assignableRole = z.enum(ASSIGNABLE_ROLES, { message: "Choose admin or assistant" });

export const inviteInput = z.object({ email: emailSchema, role: assignableRole });
export const invitationIdInput = z.object({ invitationId: z.string().min(1) });
export const changeRoleInput = z.object({
  membershipId: z.string().min(1),
  role: assignableRole,
  expectedVersion: z.number().int().min(0),
});
export const membershipIdInput = z.object({ membershipId: z.string().min(1) });
export const acceptInviteInput = z.object({ token: tokenSchema });

/** A person's own hours (null = the studio's) and skills (limited = only the listed stations; none = not planned). */
export const availabilityInput = z.object({
  membershipId: z.string().min(1),
  expectedVersion: z.number().int().min(0),
  workingHours: workingHoursSchema.nullable(),
  skills: z.object({ limited: z.boolean(), stationIds: z.array(z.string().min(1).max(64)).max(200) }),
});
export const timeOffInput = z.object({ membershipId: z.string().min(1), range: dayRangeFields, note: z.string().trim().max(120, { message: "Use at most 120 characters" }).default("") });
export const timeOffIdInput = z.object({ timeOffId: z.string().min(1) });
