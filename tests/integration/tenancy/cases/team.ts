import { newToken } from "~/features/auth/server/tokens";
import { systemDb } from "~/server/db";
import { uniqueSuffix } from "../../../helpers/factories";
import type { Cast, IsolationCase } from "../cases";

const teamOf = (studioId: string) => async () => ({
  members: await systemDb().membership.findMany({ where: { studioId }, orderBy: { id: "asc" } }),
  invitations: await systemDb().invitation.findMany({ where: { studioId }, orderBy: { id: "asc" } }),
});

async function pendingInvitation(cast: Cast) {
  return systemDb().invitation.create({
    data: {
      studioId: cast.a.studio.id,
      email: `pending-${uniqueSuffix()}@example.test`,
      role: "ASSISTANT",
      tokenHash: newToken().tokenHash,
      expiresAt: new Date(Date.now() + 86_400_000),
      invitedById: cast.a.owner.id,
    },
  });
}

const membershipOf = (studioId: string, userId: string) =>
  systemDb().membership.findUniqueOrThrow({ where: { studioId_userId: { studioId, userId } } });

export const teamCases: Record<string, IsolationCase> = {
  "team.list": {
    arrange: async ({ a }) => ({ input: { studioId: a.studio.id }, recordInput: false, snapshot: teamOf(a.studio.id) }),
    call: (caller, input) => caller.team.list(input),
  },
  "team.listInvites": {
    arrange: async ({ a }) => ({ input: { studioId: a.studio.id }, recordInput: false, snapshot: teamOf(a.studio.id) }),
    call: (caller, input) => caller.team.listInvites(input),
  },
  "team.invite": {
    arrange: async ({ a }) => ({
      input: { studioId: a.studio.id, email: `intruder-${uniqueSuffix()}@example.test`, role: "ADMIN" },
      recordInput: false,
      snapshot: teamOf(a.studio.id),
    }),
    call: (caller, input) => caller.team.invite(input),
  },
  "team.resendInvite": {
    arrange: async (cast) => {
      const invitation = await pendingInvitation(cast);
      return { input: { studioId: cast.a.studio.id, invitationId: invitation.id }, recordInput: true, snapshot: teamOf(cast.a.studio.id) };
    },
    call: (caller, input) => caller.team.resendInvite(input),
  },
  "team.revokeInvite": {
    arrange: async (cast) => {
      const invitation = await pendingInvitation(cast);
      return { input: { studioId: cast.a.studio.id, invitationId: invitation.id }, recordInput: true, snapshot: teamOf(cast.a.studio.id) };
    },
    call: (caller, input) => caller.team.revokeInvite(input),
  },
  "team.changeRole": {
    arrange: async ({ a }) => {
      const target = await membershipOf(a.studio.id, a.assistant.id);
      return {
        input: { studioId: a.studio.id, membershipId: target.id, role: "ADMIN", expectedVersion: target.version },
        recordInput: true,
        snapshot: teamOf(a.studio.id),
      };
    },
    call: (caller, input) => caller.team.changeRole(input),
  },
  "team.removeMember": {
    arrange: async ({ a }) => {
      const target = await membershipOf(a.studio.id, a.assistant.id);
      return { input: { studioId: a.studio.id, membershipId: target.id }, recordInput: true, snapshot: teamOf(a.studio.id) };
    },
    call: (caller, input) => caller.team.removeMember(input),
  },
  "team.transferOwnership": {
    arrange: async ({ a }) => {
      const target = await membershipOf(a.studio.id, a.admin.id);
      return { input: { studioId: a.studio.id, membershipId: target.id }, recordInput: true, snapshot: teamOf(a.studio.id) };
    },
    call: (caller, input) => caller.team.transferOwnership(input),
  },
};
