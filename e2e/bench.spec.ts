import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";
import { createOwnStudio, seedBatch } from "./studio";

test("an assistant claims and reports on a phone; the owner sees it live without reloading", async ({ browser }) => {
  // Open round the clock: the plan puts the batch on today's bench whatever day and hour this runs.
  const studio = await createOwnStudio("Bench Studio", { roundTheClock: true });
  const batchId = await seedBatch(studio, { stepName: "Saw and file", pieces: 6, customerName: "E2E", design: ["Hammered cuff", "Medium", "CUFF-M"] });
  const ownerContext = await browser.newContext();
  const assistantContext = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const owner = await ownerContext.newPage();
  const assistant = await assistantContext.newPage();

  await signIn(owner, studio.owner.email, studio.owner.password);
  await expect(owner).toHaveURL(new RegExp(`/s/${studio.slug}$`));
  await owner.goto(`/s/${studio.slug}/bench`);
  const ownerCard = owner.locator(`[data-batch-id="${batchId}"]`).filter({ visible: true });
  await expect(ownerCard.getByTestId("done")).toHaveText("0 / 6");
  // The owner also watches the plan board in a second tab.
  const board = await ownerContext.newPage();
  await board.goto(`/s/${studio.slug}/plan`);
  const boardBatch = board.getByTestId("plan-board").getByRole("button", { name: "Batch Saw and file, 6 pieces" });
  await expect(boardBatch).toBeVisible();
  await expect(boardBatch).toContainText("6 pcs");

  await signIn(assistant, studio.assistant.email, studio.assistant.password);
  await expect(assistant).toHaveURL(new RegExp(`/s/${studio.slug}$`));
  await assistant.getByRole("navigation", { name: "Studio" }).getByRole("link", { name: "Bench", exact: true }).click();
  const card = assistant.locator(`[data-batch-id="${batchId}"]`).filter({ visible: true });
  await card.getByRole("button", { name: "Claim" }).click();
  await expect(card.getByRole("button", { name: "Start" })).toBeVisible();
  await expect(ownerCard.getByText("Claimed · Theo Assistant")).toBeVisible({ timeout: 3_000 });

  await card.getByRole("button", { name: "Start" }).click();
  await expect(card.getByRole("button", { name: "Pause" })).toBeVisible();
  await card.getByRole("button", { name: "Report" }).click();
  const sheet = card.getByRole("dialog", { name: "Report pieces" });
  await sheet.getByRole("button", { name: "More done" }).click();
  await sheet.getByRole("button", { name: "More done" }).click();
  await sheet.getByRole("button", { name: "More scrapped" }).click();
  await sheet.getByLabel("Scrap reason").selectOption("Cracked");
  await sheet.getByRole("button", { name: "Save report" }).click();
  await expect(card.getByTestId("done")).toHaveText("2 / 6");

  // The owner's page was never reloaded: the report arrives over the live feed.
  await expect(ownerCard.getByTestId("done")).toHaveText("2 / 6", { timeout: 3_000 });
  await expect(ownerCard.getByTestId("scrapped")).toHaveText("1");
  // ...and on the plan board ("batch.progress"), also without a reload.
  await expect(boardBatch).toContainText("2 done · 1 scrapped", { timeout: 3_000 });
  await boardBatch.click();
  await expect(board.getByTestId("bench-progress")).toHaveText("Running by Theo Assistant · 2 of 6 done · 1 scrapped");
  await ownerCard.getByRole("button", { name: "Details" }).click();
  await expect(ownerCard.getByRole("list", { name: "History" })).toContainText("Theo Assistant report 2 done, 1 scrapped (Cracked)");

  // Phone layout: nothing wider than the screen, touch targets at least 44 px.
  const overflow = await assistant.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const pause = await card.getByRole("button", { name: "Pause" }).boundingBox();
  expect(pause!.height).toBeGreaterThanOrEqual(44);
  await assistant.screenshot({ path: "test-results/bench-390.png", fullPage: true });

  await ownerContext.close();
  await assistantContext.close();
});
