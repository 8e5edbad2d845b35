import { beforeAll, describe, expect, it } from "vitest";
import { planLimits } from "~/server/billing/plan-limits";
import { systemDb } from "~/server/db";
import type { StudioRole } from "~/server/authz/permissions";
import { callerFor, errorCode } from "../../helpers/caller";
import { addMember, makeStudio, makeUser, uniqueSuffix, verifyEmailOf } from "../../helpers/factories";
import { roomyPlan } from "./plan";

// Mails go to the file transport here (no SMTP_URL): invitations.test.ts covers real SMTP.

async function team(options: { roomy?: boolean } = { roomy: true }) {
  const { studio, owner } = await makeStudio();
  if (options.roomy) await roomyPlan(studio.id);
  const admin = await verifyEmailOf(await addMember(studio.id, "ADMIN"));
  const assistant = await verifyEmailOf(await addMember(studio.id, "ASSISTANT"));
  await verifyEmailOf(owner);
  const membership = (userId: string) =>
    systemDb().membership.findUniqueOrThrow({ where: { studioId_userId: { studioId: studio.id, userId } } });
  return { studio, owner, admin, assistant, membership };
}

type Team = Awaited<ReturnType<typeof team>>;
type Actor = "owner" | "admin" | "assistant";

// Every team procedure, as each role: the outcome it must get. A fresh target per call.
const MATRIX: Array<{ name: string; expect: Record<Actor, "ok" | string>; call: (t: Team, as: Actor) => Promise<unknown> }> = [
  { name: "list", expect: { owner: "ok", admin: "ok", assistant: "ok" }, call: (t, as) => callerFor(t[as]).team.list({ studioId: t.studio.id }) },
  {
    name: "listInvites",
    expect: { owner: "ok", admin: "ok", assistant: "FORBIDDEN" },
    call: (t, as) => callerFor(t[as]).team.listInvites({ studioId: t.studio.id }),
  },
  {
    name: "invite",
    expect: { owner: "ok", admin: "ok", assistant: "FORBIDDEN" },
    call: (t, as) => callerFor(t[as]).team.invite({ studioId: t.studio.id, email: `m-${uniqueSuffix()}@example.test`, role: "ADMIN" }),
  },
  {
    name: "resendInvite",
    expect: { owner: "ok", admin: "ok", assistant: "FORBIDDEN" },
    call: async (t, as) => {
      const invite = await callerFor(t.owner).team.invite({ studioId: t.studio.id, email: `r-${uniqueSuffix()}@example.test`, role: "ASSISTANT" });
      return callerFor(t[as]).team.resendInvite({ studioId: t.studio.id, invitationId: invite.id });
    },
  },
  {
    name: "revokeInvite",
    expect: { owner: "ok", admin: "ok", assistant: "FORBIDDEN" },
    call: async (t, as) => {
      const invite = await callerFor(t.owner).team.invite({ studioId: t.studio.id, email: `v-${uniqueSuffix()}@example.test`, role: "ASSISTANT" });
      return callerFor(t[as]).team.revokeInvite({ studioId: t.studio.id, invitationId: invite.id });
    },
  },
  {
    name: "changeRole (assistant -> admin)",
    expect: { owner: "ok", admin: "ok", assistant: "FORBIDDEN" },
    call: async (t, as) => {
      const target = await t.membership((await addMember(t.studio.id, "ASSISTANT")).id);
      return callerFor(t[as]).team.changeRole({ studioId: t.studio.id, membershipId: target.id, role: "ADMIN", expectedVersion: 0 });
    },
  },
  {
    name: "changeRole of the owner",
    expect: { owner: "FORBIDDEN", admin: "FORBIDDEN", assistant: "FORBIDDEN" },
    call: async (t, as) => {
      const owner = await t.membership(t.owner.id);
      return callerFor(t[as]).team.changeRole({ studioId: t.studio.id, membershipId: owner.id, role: "ASSISTANT", expectedVersion: owner.version });
    },
  },
  {
    name: "removeMember",
    expect: { owner: "ok", admin: "ok", assistant: "FORBIDDEN" },
    call: async (t, as) => {
      const target = await t.membership((await addMember(t.studio.id, "ADMIN")).id);
      return callerFor(t[as]).team.removeMember({ studioId: t.studio.id, membershipId: target.id });
    },
  },
  {
    name: "removeMember of the owner",
    expect: { owner: "FORBIDDEN", admin: "FORBIDDEN", assistant: "FORBIDDEN" },
    call: async (t, as) => callerFor(t[as]).team.removeMember({ studioId: t.studio.id, membershipId: (await t.membership(t.owner.id)).id }),
  },
  {
    name: "transferOwnership",
    expect: { owner: "ok", admin: "FORBIDDEN", assistant: "FORBIDDEN" },
    call: async (t, as) => callerFor(t[as]).team.transferOwnership({ studioId: t.studio.id, membershipId: (await t.membership(t.admin.id)).id }),
  },
];

describe("team role matrix", () => {
  // One studio for the whole matrix; only a successful ownership transfer needs its own.
  let shared: Team;
  beforeAll(async () => {
    shared = await team();
  });

  describe.each(MATRIX)("$name", (row) => {
    it.each(["owner", "admin", "assistant"] as const)("as %s", async (as) => {
      const t = row.name === "transferOwnership" && row.expect[as] === "ok" ? await team() : shared;
      const outcome = await row.call(t, as).then(
        () => "ok",
        (error: { code?: string }) => error.code ?? "UNKNOWN",
      );
      expect(outcome).toBe(row.expect[as]);
      expect(await systemDb().membership.count({ where: { studioId: t.studio.id, role: "OWNER" } })).toBe(1);
    });
  });
});

describe("team rules", () => {
  it("transfers ownership: the target owns, the old owner is an admin, exactly one owner", async () => {
    const t = await team();
    const adminMembership = await t.membership(t.admin.id);
    await callerFor(t.owner).team.transferOwnership({ studioId: t.studio.id, membershipId: adminMembership.id });
    expect((await t.membership(t.admin.id)).role).toBe("OWNER");
    expect((await t.membership(t.owner.id)).role).toBe("ADMIN");
    // The old owner now has admin rights only.
    expect(await errorCode(callerFor(t.owner).team.transferOwnership({ studioId: t.studio.id, membershipId: adminMembership.id }))).toBe("FORBIDDEN");
    const self = await t.membership(t.admin.id);
    expect(await errorCode(callerFor(t.admin).team.transferOwnership({ studioId: t.studio.id, membershipId: self.id }))).toBe("BAD_REQUEST");
  });

  it("removal takes effect at the removed person's next request", async () => {
    const t = await team();
    await expect(callerFor(t.assistant).studio.get({ studioId: t.studio.id })).resolves.toBeTruthy();
    await callerFor(t.admin).team.removeMember({ studioId: t.studio.id, membershipId: (await t.membership(t.assistant.id)).id });
    expect(await errorCode(callerFor(t.assistant).studio.get({ studioId: t.studio.id }))).toBe("NOT_FOUND");
  });

  it("two admins racing on one person's role: one wins, the other gets CONFLICT", async () => {
    const t = await team();
    const secondAdmin = await addMember(t.studio.id, "ADMIN");
    const target = await t.membership(t.assistant.id);
    const results = await Promise.allSettled([
      callerFor(t.admin).team.changeRole({ studioId: t.studio.id, membershipId: target.id, role: "ADMIN", expectedVersion: target.version }),
      callerFor(secondAdmin).team.changeRole({ studioId: t.studio.id, membershipId: target.id, role: "ADMIN", expectedVersion: target.version }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as { code: string }).code).toBe("CONFLICT");
    expect(await t.membership(t.assistant.id)).toMatchObject({ role: "ADMIN", version: target.version + 1 });
  });

  it("concurrent invites at the seat limit: exactly the free seats are taken", async () => {
    const t = await team({ roomy: false });
    const limit = (await planLimits(systemDb(), t.studio.id)).seats!;
    // Fill the studio (on its default plan) to two seats below the limit; 3 members exist already.
    const fillers = await Promise.all(Array.from({ length: limit - 5 }, () => makeUser()));
    await systemDb().membership.createMany({ data: fillers.map((user) => ({ studioId: t.studio.id, userId: user.id, role: "ASSISTANT" as StudioRole })) });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        callerFor(i % 2 ? t.owner : t.admin).team.invite({ studioId: t.studio.id, email: `seat-${i}-${uniqueSuffix()}@example.test`, role: "ASSISTANT" }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(2);
    for (const result of results.filter((r): r is PromiseRejectedResult => r.status === "rejected")) {
      expect(result.reason as { code: string; message: string }).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("pending invitations count") });
    }
    const members = await systemDb().membership.count({ where: { studioId: t.studio.id } });
    const pending = await systemDb().invitation.count({ where: { studioId: t.studio.id, acceptedAt: null } });
    expect(members + pending).toBe(limit);

    // Revoking one frees its seat; an expired invitation holds none.
    const [first] = await callerFor(t.owner).team.listInvites({ studioId: t.studio.id });
    await systemDb().invitation.update({ where: { id: first!.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(
      callerFor(t.owner).team.invite({ studioId: t.studio.id, email: `late-${uniqueSuffix()}@example.test`, role: "ASSISTANT" }),
    ).resolves.toBeTruthy();
    // ...so resending the expired one needs a seat again.
    expect(await errorCode(callerFor(t.owner).team.resendInvite({ studioId: t.studio.id, invitationId: first!.id }))).toBe("FORBIDDEN");
  });
});
