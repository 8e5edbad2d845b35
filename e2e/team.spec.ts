import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { uniqueEmail } from "./helpers";

// The dev server compiles each route on first use: allow for it.
const expect = baseExpect.configure({ timeout: 30_000 });

// The e2e server runs without SMTP_URL, so mails land as files under .data/e2e-<port>/mail/ (the same
// transport the local demo uses); tests/integration/team covers delivery through a real SMTP server.
const mailDir = path.resolve(`.data/e2e-${process.env.E2E_PORT ?? 3100}/mail`);
const shots = process.env.TEAM_SCREENSHOTS; // e.g. TEAM_SCREENSHOTS=1 writes /tmp/team-*.png

function mailsTo(to: string) {
  const files = readdirSync(mailDir, { withFileTypes: true }).filter((entry) => entry.name.endsWith(".json"));
  return files.map((entry) => JSON.parse(readFileSync(path.join(mailDir, entry.name), "utf8")) as { to: string; links: string[] }).filter((mail) => mail.to === to);
}

async function linkFromMail(to: string, kind: "invite" | "verify-email"): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(() => {
      const files = readdirSync(mailDir, { withFileTypes: true }).filter((entry) => entry.name.endsWith(".json"));
      const mails = files.map((entry) => JSON.parse(readFileSync(path.join(mailDir, entry.name), "utf8")) as { to: string; links: string[] });
      link = mails.reverse().find((mail) => mail.to === to)?.links.find((href) => href.includes(`/${kind}/`));
      return link;
    }, { message: `a ${kind} mail to ${to}` })
    .toBeTruthy();
  return new URL(link!).pathname;
}

async function screenshot(page: Page, name: string) {
  if (!shots) return;
  await page.screenshot({ path: `/tmp/team-${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `/tmp/team-${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("an owner invites by email; the invitee signs up from the mailed link and joins as assistant", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const ownerEmail = uniqueEmail("owner");
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Olive Owner");
  await page.getByLabel("Email").fill(ownerEmail);
  await page.getByLabel("Password").fill("a bench full of silver");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/studios\/new$/);
  const slug = `team-${Date.now()}`;
  await page.getByLabel("Studio name").fill("Olive's Workshop");
  await page.getByLabel("Studio address").fill(slug);
  await page.getByRole("button", { name: "Create studio" }).click();
  await expect(page).toHaveURL(new RegExp(`/s/${slug}$`));
  await expect(page.getByText("Please confirm your email address")).toBeVisible();
  await screenshot(page, "banner");

  // Confirm the owner's address from the mailed link (unconfirmed accounts cannot invite).
  await page.goto(await linkFromMail(ownerEmail, "verify-email"));
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByText("your address is confirmed")).toBeVisible();

  await page.goto(`/s/${slug}`);
  await page.getByRole("link", { name: "Team", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/s/${slug}/team$`));
  await expect(page.getByText("Please confirm your email address")).toHaveCount(0);
  const inviteeEmail = uniqueEmail("invitee");
  await page.getByLabel("Email").fill(inviteeEmail);
  await page.getByLabel("Role").selectOption("ASSISTANT");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${inviteeEmail}.`)).toBeVisible();
  const pending = page.getByRole("list", { name: "Pending invitations" });
  await expect(pending.getByText(inviteeEmail)).toBeVisible();
  await screenshot(page, "owner");

  // The invitee, in their own browser, opens the link from the mail.
  const inviteLink = await linkFromMail(inviteeEmail, "invite");
  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(inviteLink);
  await expect(invitee.getByRole("heading", { name: "Join Olive's Workshop" })).toBeVisible();
  await screenshot(invitee, "invite");
  await invitee.getByRole("link", { name: "Create an account" }).click();
  await expect(invitee.getByLabel("Email")).toHaveValue(inviteeEmail);
  await invitee.getByLabel("Your name").fill("Ivy Invitee");
  await invitee.getByLabel("Password").fill("solder and patience");
  await invitee.getByRole("button", { name: "Create account" }).click();
  await expect(invitee).toHaveURL(new RegExp(`${inviteLink}$`));
  await invitee.getByRole("button", { name: "Join Olive's Workshop" }).click();
  await expect(invitee).toHaveURL(new RegExp(`/s/${slug}$`));
  await expect(invitee.getByText("You are assistant of")).toBeVisible();
  // Signing up from the mailed link proved the address: no banner, and no mail asking to confirm it.
  await expect(invitee.getByText("Please confirm your email address")).toHaveCount(0);
  expect(mailsTo(inviteeEmail).some((mail) => mail.links.some((href) => href.includes("/verify-email/")))).toBe(false);

  // The link is single-use.
  await invitee.goto(inviteLink);
  await expect(invitee.getByRole("heading", { name: "Invitation not found" })).toBeVisible();

  // Assistants see the team read-only.
  await invitee.goto(`/s/${slug}/team`);
  await expect(invitee.getByRole("list", { name: "Members" }).getByText("Olive Owner")).toBeVisible();
  await expect(invitee.getByRole("button", { name: "Send invitation" })).toHaveCount(0);
  await expect(invitee.getByRole("button", { name: "Remove" })).toHaveCount(0);
  await screenshot(invitee, "assistant");

  // The owner sees the new member, with a role they can change, and no pending invitation.
  await page.reload();
  const members = page.getByRole("list", { name: "Members" });
  await expect(members.getByText("Ivy Invitee")).toBeVisible();
  await expect(page.getByLabel("Role of Ivy Invitee")).toHaveValue("ASSISTANT");
  await expect(page.getByText("No pending invitations.")).toBeVisible();
});

test("forgot password: the sign-in form links to it and it answers without revealing accounts", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel("Email").fill(uniqueEmail("nobody"));
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByText("we sent it a link to choose a new password")).toBeVisible();
  await screenshot(page, "forgot");
});
