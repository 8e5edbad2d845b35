import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";
import { createOwnStudio } from "./studio";

// The daily loop (issue 13): the owner plans, moves a batch (it is pinned, nothing else), splits a machine
// batch (both loads keep their run), an assistant works and scraps on a 390 px phone, and the owner and the
// phone both see the remake and the re-plan arrive without reloading. The devices run in Tokyo time: every
// time on screen must still read in the studio's zone (Europe/London).

test.use({ timezoneId: "Asia/Tokyo" });

/** The Monday 7–13 days from today (London date), as YYYY-MM-DD. */
function nextWeeksMonday(): string {
  const today = new Date(`${new Date().toLocaleDateString("en-CA", { timeZone: "Europe/London" })}T00:00:00Z`);
  const days = 7 + ((8 - today.getUTCDay()) % 7);
  return new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The machine run shown in the batch panel, in minutes (across midnight too). */
async function runMinutes(page: Page): Promise<number> {
  const text = await page.getByTestId("batch-panel").getByText(/^Machine runs \d\d:\d\d–\d\d:\d\d/).textContent();
  const [, from, to] = text!.match(/(\d\d:\d\d)–(\d\d:\d\d)/)!;
  return (minutesOf(to!) - minutesOf(from!) + 24 * 60) % (24 * 60);
}

test("plan → move → split a machine batch → work and scrap on a phone → both see the remake and the re-plan live", async ({ browser }) => {
  const studio = await createOwnStudio("Loop Studio", { workshop: true });
  test.setTimeout(150_000);
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const owner = await desk.newPage();
  await signIn(owner, studio.owner.email, studio.owner.password);
  await expect(owner).toHaveURL(new RegExp(`/s/${studio.slug}$`));
  await owner.goto(`/s/${studio.slug}/plan`);
  // Earlier specs' scrap reports may have a re-plan running: wait for it, then plan.
  const planButton = owner.getByRole("button", { name: "Plan", exact: true });
  await expect(planButton).toBeEnabled({ timeout: 45_000 });
  await planButton.click();
  await expect(owner.getByText(/^Planned \d+ batches for \d+ order lines/)).toBeVisible({ timeout: 45_000 });
  await expect(owner.getByRole("progressbar")).toHaveCount(0);
  await expect(owner.getByTestId("board-zone")).toContainText("Europe/London");
  const board = owner.getByTestId("plan-board");
  const panel = owner.getByTestId("batch-panel");

  // Move one of Rosa's polish batches to next week: it is pinned (and says why); nothing else is.
  const polish = board.getByRole("group", { name: "Rosa Demo" }).locator('button[data-status="PLANNED"]', { hasText: "Polish" }).first();
  await polish.click();
  await panel.getByLabel("Start (studio time)").fill(`${nextWeeksMonday()}T10:00`);
  await panel.getByLabel("Person").selectOption({ label: "Theo Assistant" });
  await panel.getByRole("button", { name: "Move" }).click();
  const pinned = owner.getByTestId("pinned-notice");
  await expect(pinned).toContainText(/Polish, Mon \d+ \w+, 10:00 — moved by Rosa Demo/);
  await expect(pinned.getByRole("button", { name: "Unpin all" })).toBeVisible();

  // Split a tumbler load: both loads keep the machine's 120-minute run.
  await owner.getByRole("button", { name: "By station" }).click();
  const tumbler = board.getByRole("group", { name: "Rotary tumbler" });
  const loads = tumbler.locator('button[data-status="PLANNED"]');
  const before = await loads.count();
  await loads.first().click();
  expect(await runMinutes(owner)).toBe(120);
  await panel.getByLabel("Pieces to split off").fill("2");
  await panel.getByRole("button", { name: "Split" }).click();
  await expect(loads).toHaveCount(before + 1);
  expect(await runMinutes(owner)).toBe(120);
  await expect(panel.getByTestId("pin-reason")).toContainText("split on the board by Rosa Demo");
  await loads.nth(1).click();
  expect(await runMinutes(owner)).toBe(120);
  await owner.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await owner.getByRole("button", { name: "By person" }).click();

  // On the phone: claim a cutting batch, start, report all but one done and one scrapped, with a chosen reason.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const bench = await phone.newPage();
  await signIn(bench, studio.assistant.email, studio.assistant.password);
  await expect(bench).toHaveURL(new RegExp(`/s/${studio.slug}$`));
  await bench.getByRole("navigation", { name: "Studio" }).getByRole("link", { name: "Bench", exact: true }).click();
  // An open batch with pieces ready (a first step: cutting).
  const open = bench.locator("article[data-batch-id]").filter({ has: bench.getByRole("button", { name: "Claim" }) }).filter({ has: bench.getByTestId("ready").filter({ hasNotText: /^0 of/ }) }).first();
  const batchId = await open.getAttribute("data-batch-id");
  const card = bench.locator(`article[data-batch-id="${batchId}"]`);
  await card.getByRole("button", { name: "Claim" }).click();
  await card.getByRole("button", { name: "Start" }).click();
  await card.getByRole("button", { name: "Report" }).click();
  const sheet = card.getByRole("dialog", { name: "Report pieces" });
  const ready = Number((await sheet.getByText(/^\d+ pieces? ready\.$/).textContent())!.match(/\d+/)![0]);
  await sheet.getByRole("button", { name: "All remaining done" }).click();
  await expect(sheet.getByRole("spinbutton", { name: "Done" })).toHaveValue(String(ready));
  await sheet.getByRole("spinbutton", { name: "Scrapped" }).fill("1");
  await expect(sheet.getByRole("spinbutton", { name: "Done" })).toHaveValue(String(ready - 1));
  // The reason is chosen, not preset: saving waits for it.
  await expect(sheet.getByLabel("Scrap reason")).toHaveValue("");
  await expect(sheet.getByRole("button", { name: "Save report" })).toBeDisabled();
  await sheet.getByLabel("Scrap reason").selectOption("Cracked");
  await sheet.getByRole("button", { name: "Save report" }).click();
  await expect(card.getByTestId("done")).toHaveText(new RegExp(`^${ready - 1} / \\d+$`));
  await expect(card.getByTestId("scrapped")).toHaveText("1");

  // Neither page reloads: the re-plan for the remake arrives on both over the live feed.
  await expect(card.getByTestId("remade")).toContainText(/1 scrapped \(Cracked\) will be made again: planned from \w{3} \d+ \w{3}, \d\d:\d\d/, { timeout: 30_000 });
  await expect(owner.getByText(/^Planned \d+ batches for \d+ order lines \(1 piece to remake\)$/)).toBeVisible({ timeout: 30_000 });
  const remake = board.getByRole("button", { name: /, remake$/ }).first();
  await expect(remake).toBeVisible();
  await remake.click();
  // Traceable: the remade piece says where it was lost and why.
  await expect(panel.getByRole("list", { name: "Pieces in this batch" })).toContainText(/↻ remake: scrapped at .+ \(Cracked\)/);
  // The pinned batches are still where they were put; "Unpin all" hands them back to the planner.
  await expect(owner.getByTestId("pinned-notice")).toContainText(/Polish, Mon \d+ \w+, 10:00 — moved by Rosa Demo/);
  await owner.keyboard.press("Escape");
  await owner.getByTestId("pinned-notice").getByRole("button", { name: "Unpin all" }).click();
  await expect(owner.getByTestId("pinned-notice")).toBeHidden();

  // The phone stays within the screen; touch targets stay big.
  expect(await bench.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  expect((await card.getByRole("button", { name: "Report" }).boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await bench.screenshot({ path: "test-results/loop-phone-390.png", fullPage: true });
  await owner.screenshot({ path: "test-results/loop-board.png", fullPage: true });
  await desk.close();
  await phone.close();
});
