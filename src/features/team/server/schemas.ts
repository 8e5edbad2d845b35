import { z } from "zod";
import { emailSchema, tokenSchema } from "~/features/auth/server/schemas";

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
