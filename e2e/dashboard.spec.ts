import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn, signUp, uniqueEmail } from "./helpers";
import { createOwnStudio, seedBatch, type OwnStudio } from "./studio";

// The spec's studio is in Europe/London; the browser uses the same clock so "today" agrees.
test.use({ timezoneId: "Europe/London" });

const STEP = "Dashboard e2e polish";

/**
 * The demo's workshop (stations, designs, orders, a plan: work in progress for the charts) in a studio of the
 * spec's own, open round the clock, plus a batch of 8 pieces that the owner moved on the board to the assistant,
 * starting yesterday: overdue, so it leads their queue. All through the app's procedures.
 */
async function studioWithOverdueBatch(): Promise<{ studio: OwnStudio; batchId: string }> {
  const studio = await createOwnStudio("Dashboard studio", { workshop: true, roundTheClock: true });
  const batchId = await seedBatch(studio, {
    stepName: STEP, pieces: 8, customerName: "E2E dashboard", design: ["Dashboard signet", "Size N", "DASH-SIGNET-N"],
    moveTo: { startAt: new Date(Date.now() - 86_400_000), person: "assistant" },
  });
  return { studio, batchId };
}

async function number(locator: Locator): Promise<number> {
  await expect(locator).toHaveText(/^\d+$/);
  return Number(await locator.textContent());
}

/** A headline figure of the dashboard ("Pieces done", …): the value under its label. */
// The visible card: while a page streams in, React can hold a hidden copy of it for a moment.
function figure(page: Page, label: string): Locator {
  return page.getByText(label, { exact: true }).filter({ visible: true }).locator("xpath=following-sibling::p[1]");
}

test("an assistant sees their bench on the phone home, live; the owner's dashboard charts the reports and follows the range", async ({ browser }) => {
  const { studio, batchId } = await studioWithOverdueBatch();
  const base = `/s/${studio.slug}`;
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const home = await phone.newPage();
  await signIn(home, studio.assistant.email, studio.assistant.password);
  await expect(home).toHaveURL(new RegExp(`${base}$`));

  // "Your bench" leads the home: today's and this week's tallies, then my queue with the new batch first.
  const yourBench = home.getByRole("region", { name: "Your bench" });
  await expect(yourBench).toBeVisible();
  const today = yourBench.getByTestId("tally-today");
  const week = yourBench.getByTestId("tally-week");
  const before = {
    done: await number(today.getByTestId("pieces-done")),
    scrapped: await number(today.getByTestId("pieces-scrapped")),
    batches: await number(today.getByTestId("batches-completed")),
    weekDone: await number(week.getByTestId("pieces-done")),
  };
  // The studio is the spec's own: nothing reported yet, so every figure below is this spec's doing.
  expect(before).toEqual({ done: 0, scrapped: 0, batches: 0, weekDone: 0 });
  const queueItem = yourBench.getByTestId("my-queue").getByRole("link", { name: new RegExp(`^${STEP} at ${STEP} bench, 0 of 8 pieces done, planned for you$`) });
  await expect(queueItem).toBeVisible();
  await expect(queueItem).toContainText("Was due");
  // An assistant cannot set the studio up: no getting-started steps pointing at pages they cannot edit.
  await expect(home.getByRole("heading", { name: studio.name, exact: true })).toBeVisible();
  await expect(home.getByRole("heading", { name: "Getting started" })).toHaveCount(0);

  // The queue item opens the bench at that batch (in a second tab: the home stays open to show live updates).
  await expect(queueItem).toHaveAttribute("href", `${base}/bench#batch-${batchId}`);
  const bench = await phone.newPage();
  await bench.goto(`${base}/bench#batch-${batchId}`);
  const card = bench.locator(`[data-batch-id="${batchId}"]`).filter({ visible: true });
  await expect(card).toBeInViewport();
  await card.getByRole("button", { name: "Claim" }).click();
  await card.getByRole("button", { name: "Start" }).click();
  await expect(card.getByRole("button", { name: "Pause" })).toBeVisible();
  await card.getByRole("button", { name: "Report" }).click();
  const sheet = card.getByRole("dialog", { name: "Report pieces" });
  for (let i = 0; i < 3; i++) await sheet.getByRole("button", { name: "More done" }).click();
  await sheet.getByRole("button", { name: "More scrapped" }).click();
  await sheet.getByLabel("Scrap reason").selectOption("Porosity");
  await sheet.getByRole("button", { name: "Save report" }).click();
  await expect(card.getByTestId("done")).toHaveText("3 / 8");

  // The home was never reloaded: the report arrives over the live feed, and the queue shows the batch running.
  await expect(today.getByTestId("pieces-done")).toHaveText(String(before.done + 3), { timeout: 5_000 });
  await expect(today.getByTestId("pieces-scrapped")).toHaveText(String(before.scrapped + 1));
  await expect(week.getByTestId("pieces-done")).toHaveText(String(before.weekDone + 3));
  await expect(yourBench.getByTestId("my-queue").getByRole("link", { name: new RegExp(`^${STEP} at ${STEP} bench, 3 of 8 pieces done, running$`) })).toBeVisible();

  // Phone layout: nothing wider than the screen; the bench button is a comfortable touch target.
  await home.evaluate(() => window.scrollTo(0, 0));
  expect(await home.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  expect((await yourBench.getByRole("link", { name: "Open the bench", exact: true }).boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await home.screenshot({ path: "/tmp/assistant-home-390.png", fullPage: true });

  // Completing the batch counts it; it leaves the queue.
  await card.getByRole("button", { name: "Complete" }).click();
  await expect(today.getByTestId("batches-completed")).toHaveText(String(before.batches + 1), { timeout: 5_000 });
  await expect(yourBench.getByTestId("my-queue").getByRole("link", { name: new RegExp(`^${STEP} at`) })).toHaveCount(0);
  await phone.close();

  // The owner's dashboard: headline figures and three charts with bars.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await desk.newPage();
  await signIn(page, studio.owner.email, studio.owner.password);
  await expect(page).toHaveURL(new RegExp(`${base}$`));
  await page.getByRole("navigation", { name: "Studio" }).getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard", exact: true })).toBeVisible();

  const throughput = page.getByRole("img", { name: /^Pieces done per day: \d+ in total$/ });
  await expect(throughput.locator(".recharts-wrapper > svg.recharts-surface")).toBeVisible();
  const total = Number((await throughput.getAttribute("aria-label"))!.match(/(\d+) in total/)![1]);
  expect(total).toBe(3);
  await expect(figure(page, "Pieces done")).toHaveText(String(total));
  expect(await throughput.locator(".recharts-bar-rectangle").count()).toBeGreaterThan(0);
  for (const name of ["Pieces waiting and in progress per step", "Scrap rate per step"]) {
    const chart = page.getByRole("img", { name });
    await expect(chart.locator(".recharts-wrapper > svg.recharts-surface")).toBeVisible();
    expect(await chart.locator(".recharts-bar-rectangle").count()).toBeGreaterThan(0);
  }
  await expect(page.getByRole("img", { name: "Scrap rate per step" })).toContainText(/Dashboard\s*e2e polish/); // tick labels wrap into tspans
  await expect(figure(page, "On-time delivery")).toHaveText(/^(\d+ %|—)$/);
  await expect(figure(page, "Late open lines")).toHaveText(/^\d+$/);
  await page.screenshot({ path: "/tmp/dashboard.png", fullPage: true });

  // A range before any bench work: every figure follows it, the charts give way to empty states.
  await page.getByLabel("From", { exact: true }).fill("2020-01-01");
  await page.getByLabel("To", { exact: true }).fill("2020-01-31");
  await expect(figure(page, "Pieces done")).toHaveText("0");
  await expect(page.getByText("31 days of bench reports")).toBeVisible();
  await expect(page.getByRole("heading", { name: "No bench reports yet" }).first()).toBeVisible();
  await expect(page.getByRole("img", { name: /^Pieces done per day/ })).toHaveCount(0);
  // And back.
  await page.getByRole("button", { name: "Last 30 days" }).click();
  await expect(figure(page, "Pieces done")).toHaveText(String(total));
  await expect(page.getByRole("img", { name: /^Pieces done per day/ }).locator(".recharts-bar-rectangle").first()).toBeVisible();
  await desk.close();
});

test("a fresh studio's home and dashboard teach the next step", async ({ page }) => {
  await signUp(page, { name: "Nell Fresh", email: uniqueEmail("fresh"), password: "a bench full of silver" });
  await page.getByLabel("Studio name").fill("Nell's Bench");
  await page.getByLabel("Studio address").fill(`nell-${Date.now()}`);
  await page.getByRole("button", { name: "Create studio" }).click();
  await expect(page).toHaveURL(/\/s\/nell-\d+$/);
  const base = new URL(page.url()).pathname;

  const yourBench = page.getByRole("region", { name: "Your bench" });
  await expect(yourBench.getByTestId("tally-today").getByTestId("pieces-done")).toHaveText("0");
  await expect(yourBench.getByTestId("tally-week").getByTestId("minutes-worked")).toHaveText("0 min");
  await expect(yourBench.getByRole("heading", { name: "Nothing claimed yet" })).toBeVisible();
  // Nothing is planned yet, so the owner is pointed at the plan (with open batches it would be the bench).
  await expect(yourBench.getByText(/Nothing is on the bench today\. Plan your open orders/)).toBeVisible();
  await expect(yourBench.getByRole("link", { name: "Open the plan" })).toHaveAttribute("href", `${base}/plan`);
  // The owner still gets the getting-started steps, below their bench.
  await expect(page.getByRole("heading", { name: "Getting started" })).toBeVisible();
  await page.screenshot({ path: "/tmp/fresh-home.png", fullPage: true });

  await page.goto(`${base}/dashboard`);
  await expect(figure(page, "Pieces done")).toHaveText("0");
  await expect(page.locator(".recharts-surface")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Nothing in progress" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Open the plan" })).toBeVisible();
  await page.getByRole("link", { name: "Open the Bench" }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/bench$`));
  await expect(page.getByRole("heading", { name: "Nothing on the bench today" })).toBeVisible();
});
