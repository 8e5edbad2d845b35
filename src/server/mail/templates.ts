import { ROLE_LABELS, type StudioRole } from "~/server/authz/permissions";

// Plain ASCII text plus a minimal HTML version. Names come from users: escaped in HTML.
export type MailContent = { subject: string; text: string; html: string };

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function layout(paragraphs: string[], link: { href: string; label: string }, footer: string): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("");
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1c1917;max-width:560px">${body}<p><a href="${escapeHtml(link.href)}" style="display:inline-block;background:#b45309;color:#fff;padding:10px 16px;border-radius:8px;text-decoration:none">${escapeHtml(link.label)}</a></p><p style="color:#57534e;font-size:13px">${escapeHtml(footer)}<br>${escapeHtml(link.href)}</p></body></html>`;
}

export function invitationMail(input: { studioName: string; inviterName: string; role: StudioRole; link: string }): MailContent {
  const role = ROLE_LABELS[input.role].toLowerCase();
  const intro = `${input.inviterName} invited you to join ${input.studioName} on Benchflow as ${role}.`;
  const footer = "The link works once and expires in 7 days. If you did not expect this, ignore this email.";
  return {
    subject: `Join ${input.studioName} on Benchflow`,
    text: `${intro}\n\nAccept the invitation:\n${input.link}\n\n${footer}\n`,
    html: layout([intro], { href: input.link, label: "Accept the invitation" }, footer),
  };
}

export function passwordResetMail(input: { name: string; link: string }): MailContent {
  const intro = `Hi ${input.name}, someone (hopefully you) asked to reset your Benchflow password.`;
  const footer = "The link works once and expires in 1 hour. If you did not ask for this, ignore this email.";
  return {
    subject: "Reset your Benchflow password",
    text: `${intro}\n\nChoose a new password:\n${input.link}\n\n${footer}\n`,
    html: layout([intro], { href: input.link, label: "Choose a new password" }, footer),
  };
}

export function verificationMail(input: { name: string; link: string }): MailContent {
  const intro = `Hi ${input.name}, please confirm that this is your email address.`;
  const footer = "The link expires in 24 hours.";
  return {
    subject: "Confirm your email address for Benchflow",
    text: `${intro}\n\nConfirm your address:\n${input.link}\n\n${footer}\n`,
    html: layout([intro], { href: input.link, label: "Confirm my address" }, footer),
  };
}

/** To an existing account's address when someone signs up with it: the sign-up answer itself says nothing. */
export function accountExistsMail(input: { name: string; signInLink: string; resetLink: string }): MailContent {
  const intro = `Hi ${input.name}, someone (hopefully you) tried to create a Benchflow account with this email address, which already has one.`;
  const reset = `Forgot your password? Choose a new one: ${input.resetLink}`;
  const footer = "If this was not you, nothing changed and you can ignore this email.";
  return {
    subject: "You already have a Benchflow account",
    text: `${intro}\n\nSign in:\n${input.signInLink}\n\n${reset}\n\n${footer}\n`,
    html: layout([intro, reset], { href: input.signInLink, label: "Sign in" }, footer),
  };
}

/** Sent for a catalog shared by email, whether or not the address has an account (the sharer cannot tell). */
export function catalogShareMail(input: { sharerName: string; studioName: string; catalogName: string; link: string }): MailContent {
  const intro = `${input.sharerName} of ${input.studioName} shared their catalog "${input.catalogName}" with you on Benchflow, read-only.`;
  const how = "Sign in with this email address (or create an account with it), open the studio that should receive the catalog, and accept it on its Catalog page.";
  const footer = "If you did not expect this, ignore this email: nothing is shared until you accept.";
  return {
    subject: `${input.studioName} shared a catalog with you`,
    text: `${intro}\n\n${how}\n${input.link}\n\n${footer}\n`,
    html: layout([intro, how], { href: input.link, label: "Open Benchflow" }, footer),
  };
}
