import { z } from "zod";
import { emailSchema, tokenSchema } from "~/features/auth/server/schemas";
import { dayRangeFields } from "~/features/studios/server/schemas";
import { workingHoursSchema } from "~/features/studios/working-hours";
import { expectedVersionSchema, idSchema } from "~/lib/inputs";

/** Roles that can be given by invitation or role change; ownership moves only by transfer. */
export const ASSIGNABLE_ROLES = ["ADMIN", "ASSISTANT"] as const;
export const assignableRole = z.enum(ASSIGNABLE_ROLES, { message: "Choose admin or assistant" });

export const inviteInput = z.object({ email: emailSchema, role: assignableRole });
export const invitationIdInput = z.object({ invitationId: idSchema });
export const changeRoleInput = z.object({
  membershipId: idSchema,
  role: assignableRole,
  expectedVersion: expectedVersionSchema,
});
export const membershipIdInput = z.object({ membershipId: idSchema });
export const acceptInviteInput = z.object({ token: tokenSchema });

/** A person's own hours (null = the studio's) and skills (limited = only the listed stations; none = not planned). */
export const availabilityInput = z.object({
  membershipId: idSchema,
  expectedVersion: expectedVersionSchema,
  workingHours: workingHoursSchema.nullable(),
  skills: z.object({ limited: z.boolean(), stationIds: z.array(idSchema).max(200) }),
});
export const timeOffInput = z.object({ membershipId: idSchema, range: dayRangeFields, note: z.string().trim().max(120, { message: "Use at most 120 characters" }).default("") });
export const timeOffIdInput = z.object({ timeOffId: idSchema });

// Services take (ctx, input) with these types.
export type InviteInput = z.infer<typeof inviteInput>;
export type InvitationIdInput = z.infer<typeof invitationIdInput>;
export type ChangeRoleInput = z.infer<typeof changeRoleInput>;
export type MembershipIdInput = z.infer<typeof membershipIdInput>;
export type AcceptInviteInput = z.infer<typeof acceptInviteInput>;
export type AvailabilityInput = z.infer<typeof availabilityInput>;
export type TimeOffInput = z.infer<typeof timeOffInput>;
export type TimeOffIdInput = z.infer<typeof timeOffIdInput>;
