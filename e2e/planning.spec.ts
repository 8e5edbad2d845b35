import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";
import { createOwnStudio } from "./studio";

// The spec's studio works Mon–Fri 09:00–17:00 Europe/London like the demo; the browser uses the same clock.
test.use({ timezoneId: "Europe/London" });

/** The Monday 7–13 days from today (London date), as YYYY-MM-DD: always inside "next week" on the board. */
function nextWeeksMonday(): string {
  const today = new Date(`${new Date().toLocaleDateString("en-CA", { timeZone: "Europe/London" })}T00:00:00Z`);
  const days = 7 + ((8 - today.getUTCDay()) % 7);
  return new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

// The issue: enter orders, plan, see batches on the board, move one, print view renders.
test("the owner enters an order, plans, moves a batch and opens its batch sheet", async ({ page }) => {
  const studio = await createOwnStudio("Planning Studio", { workshop: true });
  await signIn(page, studio.owner.email, studio.owner.password);
  await expect(page).toHaveURL(new RegExp(`/s/${studio.slug}$`));

  // Enter an order through the form, with a variant of a demo design.
  await page.goto(`/s/${studio.slug}/orders/new`);
  await page.getByLabel("Customer").fill("E2E Planning Customer");
  const variant = page.getByLabel("Design variant (line 1)");
  await expect(variant.locator("option", { hasText: "Hammered hoop earrings" }).first()).toBeAttached();
  const value = await variant.locator("option", { hasText: "Hammered hoop earrings" }).first().getAttribute("value");
  await variant.selectOption(value!);
  await page.getByLabel("Quantity").fill("7");
  await page.getByRole("button", { name: "Save order" }).click();
  await expect(page.getByRole("heading", { name: /Order #\d+ · E2E Planning Customer/ })).toBeVisible();
  await expect(page.getByText(/7 × Hammered hoop earrings/)).toBeVisible();

  // Plan: the run shows its progress, then its result.
  await page.getByRole("link", { name: "Plan board" }).click();
  await expect(page.getByRole("heading", { name: "Plan", exact: true })).toBeVisible();
  // The studio is this spec's own: no pins or re-plans of another spec to wait for.
  await expect(page.getByTestId("plan-board")).toBeVisible();
  await expect(page.getByTestId("pinned-notice")).toBeHidden();
  await expect(page.getByRole("button", { name: "Plan", exact: true })).toBeEnabled();
  await page.getByRole("button", { name: "Plan", exact: true }).click();
  await expect(page.getByText(/Planned \d+ batches for \d+ order lines/)).toBeVisible({ timeout: 45_000 });
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await expect(page.getByTestId("hours-saved")).toBeVisible();

  // The board shows batches, including the new order's pieces.
  const board = page.getByTestId("plan-board");
  const batches = board.getByRole("button", { name: /^Batch / });
  await expect(batches.first()).toBeVisible();
  expect(await batches.count()).toBeGreaterThan(0);

  // Move one of Rosa's batches to Theo, onto next week's Monday morning (a free slot in working hours).
  const rosaRow = board.getByRole("group", { name: "Rosa Demo" });
  const batch = rosaRow.locator('button[data-status="PLANNED"]:not([aria-label*="pinned"]):not([aria-label*="remake"])').first(); // not claimed, pinned or a remake
  const label = (await batch.getAttribute("aria-label"))!;
  await batch.click();
  const panel = page.getByTestId("batch-panel");
  await expect(panel.getByRole("list", { name: "Pieces in this batch" })).toBeVisible();
  const monday = nextWeeksMonday();
  await panel.getByLabel("Start (studio time)").fill(`${monday}T10:00`);
  await panel.getByLabel("Person").selectOption({ label: "Theo Assistant" });
  await panel.getByRole("button", { name: "Move" }).click();
  await expect(panel).toBeHidden(); // it left this week's view
  await page.getByRole("button", { name: "Later week" }).click();
  const moved = board.getByRole("group", { name: "Theo Assistant" }).getByRole("button", { name: `${label}, pinned` });
  await expect(moved).toBeVisible();
  await moved.click();
  await expect(panel.getByLabel("Start (studio time)")).toHaveValue(`${monday}T10:00`);
  await expect(panel.getByRole("button", { name: "Unpin" })).toBeVisible();
  await expect(panel.getByTestId("pin-reason")).toContainText("moved on the board by Rosa Demo");

  // Its print sheet renders the key facts.
  await panel.getByRole("link", { name: "Batch sheet" }).click();
  await expect(page).toHaveURL(/\/plan\/batches\/[^/]+\/print$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/ — \d+ pieces/);
  await expect(page.getByText(/Theo Assistant/).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Pieces per order" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Steps" })).toBeVisible();
  await expect(page.getByText("← this batch").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Studio" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
});
