import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// Issue 17: the bench, the plan board, the orders list and the dashboard come with their data, read on the server
// (src/trpc/server.tsx) and handed to the browser's query cache. The browser shows it at once and does not ask for
// it again. The device is in another zone than the studio (Europe/London): the plan's week and the dashboard's
// days are the studio's own on both sides, or the browser would ask again for "its" range.
test.use({ timezoneId: "Pacific/Auckland" });

/** The procedures of a tRPC request, from its path (/api/trpc/a.b,c.d?batch=1…). */
function procedures(url: string): string[] {
  const { pathname } = new URL(url);
  return pathname.startsWith("/api/trpc/") ? decodeURIComponent(pathname.slice("/api/trpc/".length)).split(",") : [];
}

/** Every tRPC procedure the page calls from now on, in order. */
function recordTrpc(page: Page): string[] {
  const called: string[] = [];
  page.on("request", (request) => called.push(...procedures(request.url())));
  return called;
}

/**
 * Waits until React has taken over the page's own content (its heading carries React's props), then a second
 * more: a query fetched again on mount would be on its way by then.
 */
async function hydrated(page: Page) {
  await page.waitForFunction(() => {
    const heading = document.querySelector("main h1");
    return !!heading && Object.keys(heading).some((key) => key.startsWith("__reactProps$"));
  });
  await page.waitForTimeout(1_000);
}

/** `html`: what the server's HTML shows once the data is there (not the spinner it streams first). */
const PAGES: Array<{ path: string; hydrated: string[]; data: (page: Page) => Locator; html: RegExp }> = [
  {
    path: "bench",
    hydrated: ["bench.queue", "studio.listMine"],
    // The queue's cards, or what the bench says when there is nothing on it today: both are the queue's answer.
    data: (page) => page.locator("article[data-batch-id]").or(page.getByText("Nothing on the bench today")).or(page.getByTestId("next-day")).first(),
    html: /data-batch-id="|Nothing on the bench today|data-testid="next-day"/,
  },
  {
    path: "plan",
    hydrated: ["planning.boardStart", "planning.latestRuns", "planning.currentPlan", "studio.listMine"],
    data: (page) => page.getByTestId("plan-board").or(page.getByText("No plan yet")).first(),
    html: /data-testid="plan-board"|No plan yet/,
  },
  {
    path: "orders",
    hydrated: ["order.list", "order.outlook", "studio.listMine"],
    data: (page) => page.locator('tbody tr a[href*="/orders/"]').first(),
    html: /<a [^>]*href="\/s\/demo-studio\/orders\/[\w-]+"[^>]*>#<!-- -->\d+<\/a>/,
  },
  {
    path: "dashboard",
    hydrated: ["dashboard.production", "dashboard.delivery", "studio.listMine"],
    data: (page) => page.getByText("On-time delivery", { exact: true }).locator("xpath=following-sibling::p[1]"),
    html: />On-time delivery</,
  },
];

test("studio pages open with their data from the server and do not fetch it again", async ({ page, context }) => {
  await signIn(page, "demo@benchflow.local", "benchflow-demo");
  await expect(page).toHaveURL(/\/s\/demo-studio$/);
  // A plan run another spec started would refresh the pages live mid-check: let it finish first.
  await page.goto("/s/demo-studio/plan");
  await expect(page.getByRole("button", { name: "Plan", exact: true })).toBeEnabled({ timeout: 45_000 });
  await page.close();

  for (const { path, hydrated: queries, data, html } of PAGES) {
    const tab = await context.newPage();
    const called = recordTrpc(tab);
    // A server render the browser disagrees with is thrown away and rendered again (React's errors 418/423/425).
    const hydrationErrors: string[] = [];
    tab.on("console", (message) => {
      if (message.type() === "error" && /hydrat|#41[89]|#42[35]/i.test(message.text())) hydrationErrors.push(message.text());
    });
    const response = await tab.goto(`/s/demo-studio/${path}`);
    await expect(data(tab)).toBeVisible();
    // The server's HTML has the data in it (the loading spinner is only its placeholder while it streams).
    expect(await response!.text()).toMatch(html);
    await hydrated(tab);
    await expect(data(tab)).toBeVisible();
    await expect(tab.getByText(/^Loading .*…$/)).toHaveCount(0);
    expect(called.filter((name) => queries.includes(name)), `${path}: tRPC calls for data the page came with`).toEqual([]);
    expect(hydrationErrors, `${path}: hydration errors`).toEqual([]);

    if (path === "orders") {
      // The check sees the page's calls: a search the server did not prefetch is asked for.
      await tab.getByLabel("Search").fill("no such customer");
      await expect.poll(() => called.includes("order.list")).toBe(true);
      await expect(tab.getByText("No orders yet")).toBeVisible();
    }
    await tab.close();
  }
});
