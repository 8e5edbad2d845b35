import { systemDb } from "~/server/db";
import { router } from "~/server/trpc/init";
import { permittedProcedure, protectedProcedure } from "~/server/trpc/procedures";
import { acceptInvite } from "./accept-invite";
import { invite, listInvites, resendInvite, revokeInvite } from "./invitations";
import { changeRole, listMembers, removeMember, transferOwnership } from "./members";
import { addTimeOff, removeTimeOff, updateAvailability } from "./availability";
import { acceptInviteInput, availabilityInput, changeRoleInput, invitationIdInput, inviteInput, membershipIdInput, timeOffIdInput, timeOffInput } from "./schemas";

export const teamRouter = router({
  list: permittedProcedure("members:read").query(({ ctx }) => listMembers(ctx)),
  listInvites: permittedProcedure("members:manage").query(({ ctx }) => listInvites(ctx)),
  invite: permittedProcedure("members:manage").input(inviteInput).mutation(({ ctx, input }) => invite(ctx, input)),
  resendInvite: permittedProcedure("members:manage")
    .input(invitationIdInput)
    .mutation(({ ctx, input }) => resendInvite(ctx, input)),
  revokeInvite: permittedProcedure("members:manage")
    .input(invitationIdInput)
    .mutation(({ ctx, input }) => revokeInvite(ctx, input)),
  changeRole: permittedProcedure("members:manage").input(changeRoleInput).mutation(({ ctx, input }) => changeRole(ctx, input)),
  removeMember: permittedProcedure("members:manage")
    .input(membershipIdInput)
    .mutation(({ ctx, input }) => removeMember(ctx, input)),
  updateAvailability: permittedProcedure("members:manage").input(availabilityInput).mutation(({ ctx, input }) => updateAvailability(ctx, input)),
  addTimeOff: permittedProcedure("members:manage").input(timeOffInput).mutation(({ ctx, input }) => addTimeOff(ctx, input)),
  removeTimeOff: permittedProcedure("members:manage").input(timeOffIdInput).mutation(({ ctx, input }) => removeTimeOff(ctx, input)),
  transferOwnership: permittedProcedure("members:transfer-ownership")
    .input(membershipIdInput)
    .mutation(({ ctx, input }) => transferOwnership(ctx, input)),

  // Account-level: the invitee is not a member yet.
  acceptInvite: protectedProcedure
    .input(acceptInviteInput)
    .mutation(({ ctx, input }) => acceptInvite(systemDb(), ctx.user, input)),
});
