import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { signIn } from "./helpers";

// The e2e server's embedded PostgreSQL (scripts/e2e-server.ts): port E2E_PORT + 51000, superuser postgres.
const port = Number(process.env.E2E_PORT ?? 3100);
const dbUrl = `postgresql://postgres:postgres@127.0.0.1:${port + 51_000 > 65_000 ? 55_100 : port + 51_000}/benchflow`;

/** A batch of 6 pieces for today in the demo studio, inserted directly (no planner run needed). */
async function seedBatch(): Promise<string> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const id = () => `e2e${randomUUID().replace(/-/g, "").slice(0, 20)}`;
    const { rows: [studio] } = await client.query(`SELECT id FROM "Studio" WHERE slug = 'demo-studio'`);
    const { rows: [person] } = await client.query(`SELECT id FROM "User" WHERE email = 'demo@benchflow.local'`);
    const [orderId, lineId, batchId] = [id(), id(), id()];
    const { rows: [{ n }] } = await client.query(`SELECT coalesce(max(number), 0) + 1 AS n FROM "Order" WHERE "studioId" = $1`, [studio.id]);
    await client.query(`INSERT INTO "Order" (id, "studioId", number, "customerName", "updatedAt") VALUES ($1, $2, $3, 'E2E', now())`, [orderId, studio.id, n]);
    await client.query(
      `INSERT INTO "OrderLine" (id, "studioId", "orderId", position, "designVersionId", "variantId", "designName", "variantName", sku, quantity, "dueDate")
       VALUES ($1, $2, $3, 0, 'none', 'none', 'Hammered cuff', 'Medium', 'CUFF-M', 6, now() + interval '3 days')`,
      [lineId, studio.id, orderId],
    );
    await client.query(
      `INSERT INTO "Plan" (id, "studioId", "horizonStart", figures, "updatedAt") VALUES ($1, $2, now(), '{}', now())
       ON CONFLICT ("studioId") DO NOTHING`,
      [id(), studio.id],
    );
    const { rows: [plan] } = await client.query(`SELECT id FROM "Plan" WHERE "studioId" = $1`, [studio.id]);
    await client.query(
      `INSERT INTO "Batch" (id, "studioId", "planId", "stationId", "personId", "stepName", pieces, "setupMinutes", "workMinutes", "startAt", "endAt", "updatedAt")
       VALUES ($1, $2, $3, 'none', $4, 'Saw and file', 6, 10, 30, now(), now() + interval '40 minutes', now())`,
      [batchId, studio.id, plan.id, person.id],
    );
    await client.query(
      `INSERT INTO "BatchItem" (id, "studioId", "batchId", "orderLineId", "stepPosition", "routingStepId", pieces) VALUES ($1, $2, $3, $4, 0, 'none', 6)`,
      [id(), studio.id, batchId, lineId],
    );
    return batchId;
  } finally {
    await client.end();
  }
}

test("an assistant claims and reports on a phone; the owner sees it live without reloading", async ({ browser }) => {
  const batchId = await seedBatch();
  const ownerContext = await browser.newContext();
  const assistantContext = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const owner = await ownerContext.newPage();
  const assistant = await assistantContext.newPage();

  await signIn(owner, "demo@benchflow.local", "benchflow-demo");
  await expect(owner).toHaveURL(/\/s\/demo-studio$/);
  await owner.goto("/s/demo-studio/bench");
  const ownerCard = owner.locator(`[data-batch-id="${batchId}"]`);
  await expect(ownerCard.getByTestId("done")).toHaveText("0 / 6");
  // The owner also watches the plan board in a second tab.
  const board = await ownerContext.newPage();
  await board.goto("/s/demo-studio/plan");
  const boardBatch = board.getByTestId("plan-board").getByRole("button", { name: "Batch Saw and file, 6 pieces" });
  await expect(boardBatch).toBeVisible();
  await expect(boardBatch).toContainText("6 pcs");

  await signIn(assistant, "assistant@benchflow.local", "benchflow-demo");
  await expect(assistant).toHaveURL(/\/s\/demo-studio$/);
  await assistant.getByRole("navigation", { name: "Studio" }).getByRole("link", { name: "Bench", exact: true }).click();
  const card = assistant.locator(`[data-batch-id="${batchId}"]`);
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
