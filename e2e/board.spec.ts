import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";
import { createOwnStudio } from "./studio";

// The plan board is readable (issue 13 item 6): it opens on a day with work, in the studio's time zone
// whatever the device's (this browser runs in Auckland, the studio in London), with hour ticks and zoom;
// every batch is at least 32 px wide and never covered by another; names show in full on hover and focus;
// arrow keys and Enter work it; pins say why and can all be lifted.

test.use({ timezoneId: "Pacific/Auckland" });

test("the board opens on work in studio time, zooms, names batches on hover and focus, and works from the keyboard", async ({ page }) => {
  const studio = await createOwnStudio("Board Studio", { workshop: true });
  await signIn(page, studio.owner.email, studio.owner.password);
  await expect(page).toHaveURL(new RegExp(`/s/${studio.slug}$`));
  await page.goto(`/s/${studio.slug}/plan`);
  const board = page.getByTestId("plan-board");
  await expect(page.getByTestId("board-zone")).toHaveText(/^Times in Europe\/London \(UTC(\+1)?\), the studio's time zone\.$/);
  // A day with work, not an empty evening or weekend: the first shown day has batches.
  const batches = board.getByRole("button", { name: /^Batch / });
  await expect(batches.first()).toBeVisible();
  await expect(board.getByTestId("board-day").first()).toBeVisible();
  await expect(board.getByText("12:00").first()).toBeVisible();

  // Every batch can be hit: at least 32 px wide, and no two drawn on top of each other.
  const boxes = await batches.evaluateAll((buttons) =>
    buttons.map((b) => {
      const r = b.getBoundingClientRect();
      return { row: b.closest("[role=group]")!.getAttribute("aria-label"), left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width };
    }),
  );
  expect(boxes.length).toBeGreaterThan(3);
  for (const box of boxes) expect(box.width).toBeGreaterThanOrEqual(31.5);
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const overlap = a.row === b.row && a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
      expect(overlap).toBe(false);
    }
  }

  // Zoom in: hours get wider.
  const widthAt = async () => (await board.locator("> div").boundingBox())!.width;
  const before = await widthAt();
  await expect(page.getByText("24 px / h")).toBeVisible();
  await page.getByRole("button", { name: "Zoom in" }).click();
  await expect(page.getByText("40 px / h")).toBeVisible();
  expect(await widthAt()).toBeGreaterThan(before * 1.5);

  // Hover names the batch in full, in studio time (the planner works 09:00–17:00 London; Auckland would read 22:00+).
  const planned = board.getByRole("group", { name: "Rosa Demo" }).locator('button[data-status="PLANNED"]').first();
  await planned.hover();
  const hover = page.getByTestId("board-hover");
  await expect(hover).toHaveText(await planned.getAttribute("title") as string);
  await expect(hover).toContainText(/, (09|1[0-6]):\d\d–(09|1[0-7]):\d\d/);

  // Keyboard: tab onto a batch, arrow to the next, Enter opens it, Escape closes it.
  await planned.focus();
  const first = await planned.getAttribute("data-batch-id");
  await page.keyboard.press("ArrowRight");
  const focused = await page.evaluate(() => document.activeElement?.getAttribute("data-batch-id"));
  expect(focused).toBeTruthy();
  expect(focused).not.toBe(first);
  await expect(hover).toHaveText((await board.locator(`[data-batch-id="${focused}"]`).getAttribute("title")) as string);
  await page.keyboard.press("Enter");
  const panel = page.getByTestId("batch-panel");
  await expect(panel).toBeVisible();
  await expect(panel).toContainText("(studio time)");

  // Pin it: the board says what is pinned and why; "Unpin all" lifts every pin.
  await panel.getByRole("button", { name: "Pin here" }).click();
  const notice = page.getByTestId("pinned-notice");
  await expect(notice).toContainText("pinned by Rosa Demo");
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await notice.getByRole("button", { name: "Unpin all" }).click();
  await expect(notice).toBeHidden();
  await page.screenshot({ path: "test-results/board-desktop.png", fullPage: true });
});
