import { expect as baseExpect, test } from "@playwright/test";
import { signIn, uniqueEmail } from "./helpers";
import { createOwnStudio } from "./studio";

// Generous waits: the first visit to a page compiles it in dev mode on a busy machine.
const expect = baseExpect.configure({ timeout: 45_000 });
test.setTimeout(180_000);

// The e2e server runs without Stripe keys: billing must show the plan, trial and usage, say that Stripe is
// not configured, and keep its buttons disabled.

test("the owner sees plan, trial days left and usage on the billing page", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Bea Billing");
  await page.getByLabel("Email").fill(uniqueEmail("bea"));
  await page.getByLabel("Password").fill("a bench full of silver");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/studios\/new$/);
  await page.getByLabel("Studio name").fill("Bea's Bench");
  await page.getByLabel("Studio address").fill(`bea-${Date.now()}`);
  await page.getByRole("button", { name: "Create studio" }).click();
  await expect(page.getByRole("heading", { name: "Bea's Bench" })).toBeVisible();

  await expect(page.getByTestId("billing-banner")).toContainText("Studio plan trial: 14 days left.");
  await page.getByRole("navigation", { name: "Studio" }).getByRole("link", { name: "Billing", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Billing", exact: true })).toBeVisible();

  await expect(page.getByTestId("current-plan")).toHaveText("Studio");
  await expect(page.getByTestId("billing-status")).toContainText("Trial: 14 days left");
  await expect(page.getByTestId("usage-seats")).toContainText("1 of 6");
  await expect(page.getByTestId("usage-activeDesigns")).toContainText("0 of 250");
  await expect(page.getByTestId("usage-sharedCatalogs")).toContainText("0 of 10");
  await expect(page.getByText("Stripe is not configured for this installation")).toBeVisible();
  await expect(page.getByRole("button", { name: "Manage billing" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Upgrade to Workshop" })).toBeDisabled();
  await expect(page.getByRole("region", { name: "Studio plan" })).toContainText("Current plan");
  await page.screenshot({ path: "/tmp/billing-owner.png", fullPage: true });
});

test("an assistant has no billing link and the page explains it is owner-only", async ({ page }) => {
  const studio = await createOwnStudio("Billing Assistants");
  await signIn(page, studio.assistant.email, studio.assistant.password);
  await expect(page).toHaveURL(new RegExp(`/s/${studio.slug}$`));
  await expect(page.getByRole("navigation", { name: "Studio" }).getByRole("link", { name: "Home" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Studio" }).getByRole("link", { name: "Billing", exact: true })).toHaveCount(0);
  await page.goto(`/s/${studio.slug}/billing`);
  await expect(page.getByText("Only the studio's owner can see and manage billing.")).toBeVisible();
  await page.screenshot({ path: "/tmp/billing-assistant.png", fullPage: true });
});
