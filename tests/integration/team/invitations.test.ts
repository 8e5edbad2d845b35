import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "~/features/auth/server/tokens";
import { systemDb } from "~/server/db";
import { callerFor, errorCode } from "../../helpers/caller";
import { addMember, exhaustRateLimit, makeStudio, makeUser, uniqueSuffix, verifyEmailOf } from "../../helpers/factories";
import { linkToken, startMailServer } from "./mail-server";
import { roomyPlan } from "./plan";

let smtp: Awaited<ReturnType<typeof startMailServer>>;

beforeAll(async () => {
  smtp = await startMailServer();
  process.env.SMTP_URL = smtp.url;
  process.env.APP_URL = "https://benchflow.example";
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.close();
});

async function verifiedStudio() {
  const { studio, owner } = await makeStudio();
  await roomyPlan(studio.id);
  return { studio, owner: await verifyEmailOf(owner) };
}

const inviteEmail = () => `Invitee-${uniqueSuffix()}@Example.TEST`;

describe("invitations through real SMTP", () => {
  it("mails a single-use link; the invitee signs up, accepts and joins with the invited role", async () => {
    const { studio, owner } = await verifiedStudio();
    const email = inviteEmail();
    const created = await callerFor(owner).team.invite({ studioId: studio.id, email, role: "ASSISTANT" });
    expect(created).toMatchObject({ email: email.toLowerCase(), role: "ASSISTANT" });
    expect(created).not.toHaveProperty("token");

    const mail = await smtp.waitForMail(email, (m) => m.subject.includes("Join"));
    expect(mail.subject).toBe(`Join ${studio.name} on Benchflow`);
    expect(mail.text).toContain("https://benchflow.example/invite/");
    const token = linkToken(mail, "invite");
    // Only the hash is stored.
    const row = await systemDb().invitation.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.tokenHash).not.toContain(token);

    await callerFor(null).auth.signUp({ name: "New Hand", email, password: "polishing all day" });
    const invitee = await systemDb().user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
    const accepted = await callerFor(invitee).team.acceptInvite({ token });
    expect(accepted).toMatchObject({ studio: { slug: studio.slug }, role: "ASSISTANT", alreadyMember: false });
    await expect(callerFor(invitee).studio.get({ studioId: studio.id })).resolves.toMatchObject({ role: "ASSISTANT" });
    // Accepting proves the address.
    expect((await systemDb().user.findUniqueOrThrow({ where: { id: invitee.id } })).emailVerifiedAt).toBeInstanceOf(Date);

    // Reused link: rejected, nothing changes.
    expect(await errorCode(callerFor(invitee).team.acceptInvite({ token }))).toBe("NOT_FOUND");
    const members = await callerFor(owner).team.list({ studioId: studio.id });
    expect(members.map((member) => member.user.email)).toContain(email.toLowerCase());
    expect(await callerFor(owner).team.listInvites({ studioId: studio.id })).toEqual([]);
  });

  it("does not ask an invitee who signs up from the invitation link to confirm the address again", async () => {
    const { studio, owner } = await verifiedStudio();
    const email = inviteEmail();
    await callerFor(owner).team.invite({ studioId: studio.id, email, role: "ASSISTANT" });
    const token = linkToken(await smtp.waitForMail(email, (m) => m.subject.includes("Join")), "invite");
    const before = smtp.mails.length;

    // Someone else's token, or an address the token was not sent to, proves nothing.
    const otherEmail = inviteEmail();
    await callerFor(null).auth.signUp({ name: "Other", email: otherEmail, password: "polishing all day", inviteToken: token });
    expect((await systemDb().user.findUniqueOrThrow({ where: { email: otherEmail.toLowerCase() } })).emailVerifiedAt).toBeNull();

    expect(await callerFor(null).auth.signUp({ name: "Invited Hand", email, password: "polishing all day", inviteToken: token })).toEqual({ ok: true });
    expect((await systemDb().user.findUniqueOrThrow({ where: { email: email.toLowerCase() } })).emailVerifiedAt).toBeInstanceOf(Date);
    // Mails go out after the answer. Positive control: the ordinary sign-up got its confirmation mail.
    await smtp.waitForMail(otherEmail, (m) => m.subject.includes("Confirm"));
    // A marker: a mail to the invitee asked for after the sign-up answered. A confirmation mail would have been
    // handed to the mailer before it, so once the marker is in, none is coming.
    await callerFor(null).auth.requestPasswordReset({ email });
    await smtp.waitForMail(email, (m) => m.subject.toLowerCase().includes("reset"), before);
    expect(smtp.mails.slice(before).filter((m) => m.to.includes(email.toLowerCase())).map((m) => m.subject)).toEqual([
      expect.stringMatching(/reset/i),
    ]);
  });

  it("rejects expired links, unknown links and accounts with another email", async () => {
    const { studio, owner } = await verifiedStudio();
    const email = inviteEmail();
    const created = await callerFor(owner).team.invite({ studioId: studio.id, email, role: "ADMIN" });
    const token = linkToken(await smtp.waitForMail(email), "invite");

    const stranger = await makeUser();
    expect(await errorCode(callerFor(stranger).team.acceptInvite({ token }))).toBe("FORBIDDEN");
    expect(await errorCode(callerFor(stranger).team.acceptInvite({ token: "x".repeat(43) }))).toBe("NOT_FOUND");
    expect(await errorCode(callerFor(null).team.acceptInvite({ token }))).toBe("UNAUTHORIZED");

    await systemDb().invitation.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const invitee = await makeUser({ email: email.toLowerCase() });
    expect(await errorCode(callerFor(invitee).team.acceptInvite({ token }))).toBe("BAD_REQUEST");
    expect(await systemDb().membership.count({ where: { studioId: studio.id, userId: invitee.id } })).toBe(0);
    expect(await callerFor(owner).team.listInvites({ studioId: studio.id })).toEqual([
      expect.objectContaining({ id: created.id, expired: true }),
    ]);
  });

  it("resending rotates the link (the old one stops working); revoking kills it", async () => {
    const { studio, owner } = await verifiedStudio();
    const email = inviteEmail();
    const created = await callerFor(owner).team.invite({ studioId: studio.id, email, role: "ASSISTANT" });
    const first = linkToken(await smtp.waitForMail(email), "invite");
    const before = smtp.mails.length;
    await callerFor(owner).team.resendInvite({ studioId: studio.id, invitationId: created.id });
    const second = linkToken(await smtp.waitForMail(email, () => true, before), "invite");
    expect(second).not.toBe(first);

    const invitee = await makeUser({ email: email.toLowerCase() });
    expect(await errorCode(callerFor(invitee).team.acceptInvite({ token: first }))).toBe("NOT_FOUND");
    await callerFor(owner).team.revokeInvite({ studioId: studio.id, invitationId: created.id });
    expect(await errorCode(callerFor(invitee).team.acceptInvite({ token: second }))).toBe("NOT_FOUND");
    expect(await errorCode(callerFor(owner).team.revokeInvite({ studioId: studio.id, invitationId: created.id }))).toBe("NOT_FOUND");
  });

  it("refuses duplicates, existing members, unverified inviters and owner invitations", async () => {
    const { studio, owner } = await verifiedStudio();
    const email = inviteEmail();
    await callerFor(owner).team.invite({ studioId: studio.id, email, role: "ASSISTANT" });
    expect(await errorCode(callerFor(owner).team.invite({ studioId: studio.id, email, role: "ADMIN" }))).toBe("CONFLICT");
    const member = await addMember(studio.id, "ASSISTANT");
    expect(await errorCode(callerFor(owner).team.invite({ studioId: studio.id, email: member.email, role: "ADMIN" }))).toBe("CONFLICT");

    const unverifiedAdmin = await addMember(studio.id, "ADMIN");
    const denied = callerFor(unverifiedAdmin).team.invite({ studioId: studio.id, email: inviteEmail(), role: "ASSISTANT" });
    await expect(denied).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("Confirm your email") });
    const asOwner = callerFor(owner).team.invite({ studioId: studio.id, email: inviteEmail(), role: "OWNER" as never });
    expect(await errorCode(asOwner)).toBe("BAD_REQUEST");
  });

  it("answers 429 past the invitation rate limit, and writes no invitation", async () => {
    const { studio, owner } = await verifiedStudio();
    await exhaustRateLimit("invitesPerUser", owner.id);
    const call = callerFor(owner).team.invite({ studioId: studio.id, email: inviteEmail(), role: "ASSISTANT" });
    await expect(call).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", message: expect.stringContaining("Try again in") });
    expect(await systemDb().invitation.count({ where: { studioId: studio.id } })).toBe(0);
  });

  it("rolls the invitation back when the mail cannot be delivered", async () => {
    const { studio, owner } = await verifiedStudio();
    process.env.SMTP_URL = "smtp://127.0.0.1:9"; // nothing listens on the discard port
    try {
      const call = callerFor(owner).team.invite({ studioId: studio.id, email: inviteEmail(), role: "ASSISTANT" });
      expect(await errorCode(call)).toBe("SERVICE_UNAVAILABLE");
    } finally {
      process.env.SMTP_URL = smtp.url;
    }
    expect(await systemDb().invitation.count({ where: { studioId: studio.id } })).toBe(0);
  });
});
