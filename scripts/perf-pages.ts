// `npm run perf:pages`: how soon each studio page shows its main data, in a real browser against the production
// build (built first when there is none; an existing build is used as it is, so rebuild after changing the code).
// Starts a throwaway embedded PostgreSQL with the demo studio, the production server of `npm start`
// (scripts/server.ts) on 127.0.0.1 (BENCH_PORT, default a free port), signs in as the demo owner in Chromium
// (CHROMIUM_PATH, default /usr/bin/chromium), loads each page once to warm up, then RUNS times each, round-robin.
// A run is a new tab in the same browser session (static files cached, like a returning user); its figure is
// the time from navigation start until the page's main data is in the document and the next frame is drawn
// (measured in the page: performance.now() in the first animation frame after it appears).
// Prints median, min and max per page and ends with one JSON line. Target: <= 1 s for each page.
import { chromium, type BrowserContext } from "@playwright/test";
import { loadavg } from "node:os";
import path from "node:path";
import { chromiumLaunchOptions } from "../e2e/chromium";
import { freePort } from "../src/server/db/embedded-postgres";
import { runOnBenchDatabase } from "./lib/perf-database";
import { ensureProductionBuild, startProductionServer, type ProductionServer } from "./lib/production-server";

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 5);
const TARGET_MS = 1_000;
const RUN_LIMIT_MS = 15 * 60_000;

/** What "main data visible" means on each page: every check matches an element with a box (and the text). */
type Check = { selector: string; text?: string };
const PAGES: Array<{ key: "bench" | "plan" | "orders" | "dashboard"; path: string; checks: Check[] }> = [
  { key: "bench", path: "bench", checks: [{ selector: "article[data-batch-id]" }] },
  { key: "plan", path: "plan", checks: [{ selector: '[data-testid="plan-board"] button[aria-label^="Batch "]' }] },
  { key: "orders", path: "orders", checks: [{ selector: 'tbody tr a[href*="/orders/"]' }] },
  // Both dashboard procedures: the delivery figures and the production figures replace their skeletons.
  { key: "dashboard", path: "dashboard", checks: [{ selector: "p", text: "On-time delivery" }, { selector: "p", text: "Pieces done" }] },
];

declare global {
  interface Window {
    __benchflowDataVisibleAt?: number;
  }
}

/**
 * Runs in the page before any of its scripts: notes when the checks first hold, at the next frame. A string, not
 * a function: tsx would wrap a function's inner functions in a helper that does not exist in the page.
 */
function watchForData(checks: Check[]): string {
  return `(() => {
    const checks = ${JSON.stringify(checks)};
    let seen = false;
    const holds = () => checks.every(({ selector, text }) =>
      Array.from(document.querySelectorAll(selector)).some((el) => (!text || el.textContent.includes(text)) && el.getBoundingClientRect().height > 0));
    const observer = new MutationObserver(() => {
      if (seen || !holds()) return;
      seen = true;
      observer.disconnect();
      requestAnimationFrame(() => { window.__benchflowDataVisibleAt = performance.now(); });
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  })();`;
}

async function measure(context: BrowserContext, url: string, checks: Check[]): Promise<{ visibleMs: number; firstByteMs: number }> {
  const page = await context.newPage();
  try {
    await page.addInitScript({ content: watchForData(checks) });
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(() => window.__benchflowDataVisibleAt !== undefined, undefined, { timeout: 30_000 }).catch(async (error: Error) => {
      const text = (await page.locator("main").innerText().catch(() => "")).replace(/\s+/g, " ").slice(0, 400);
      throw new Error(`${url}: its main data did not show within 30 s (${error.message.split("\n")[0]}). The page read: ${text || "(nothing)"}`);
    });
    return await page.evaluate(() => ({
      visibleMs: window.__benchflowDataVisibleAt!,
      firstByteMs: (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).responseStart,
    }));
  } finally {
    await page.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

await runOnBenchDatabase("perf:pages", { limitMs: RUN_LIMIT_MS }, async (database, log) => {
  ensureProductionBuild(log, { build: "if-missing" });
  const { seedDemo, DEMO_LOGIN, DEMO_STUDIO_SLUG } = await import("../src/server/demo/seed-demo");
  const { systemDb, disconnectDb } = await import("../src/server/db");
  await seedDemo(systemDb());
  const studioId = (await systemDb().studio.findUniqueOrThrow({ where: { slug: DEMO_STUDIO_SLUG } })).id;
  const counts = {
    orders: await systemDb().order.count({ where: { studioId } }),
    batches: await systemDb().batch.count({ where: { studioId } }),
  };
  await disconnectDb();
  log(`Demo studio: ${counts.orders} orders, ${counts.batches} planned batches.`);

  const port = Number(process.env.BENCH_PORT) || (await freePort());
  const logFile = path.join(process.env.BENCHFLOW_DATA_DIR!, "next.log");
  let server: ProductionServer | undefined;
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    server = await startProductionServer({ port, env: database.env, logFile });
    log(`Production server on ${server.origin}.`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const signIn = await context.newPage();
    await signIn.goto(`${server.origin}/signin`);
    await signIn.getByLabel("Email").fill(DEMO_LOGIN.email);
    await signIn.getByLabel("Password").fill(DEMO_LOGIN.password);
    await signIn.getByRole("button", { name: "Sign in" }).click();
    await signIn.waitForURL((url) => !url.pathname.startsWith("/signin"), { timeout: 30_000 });
    await signIn.close();
    log(`Signed in as ${DEMO_LOGIN.email}.`);

    const url = (pagePath: string) => `${server!.origin}/s/${DEMO_STUDIO_SLUG}/${pagePath}`;
    for (const page of PAGES) await measure(context, url(page.path), page.checks); // warm-up, not counted
    const results = new Map(PAGES.map((page) => [page.key, { visible: [] as number[], firstByte: [] as number[] }]));
    for (let run = 1; run <= RUNS; run++) {
      for (const page of PAGES) {
        const { visibleMs, firstByteMs } = await measure(context, url(page.path), page.checks);
        results.get(page.key)!.visible.push(visibleMs);
        results.get(page.key)!.firstByte.push(firstByteMs);
      }
      log(`Run ${run}/${RUNS} done.`);
    }
    await context.close();

    const ms = (value: number) => `${Math.round(value)}`;
    console.log("");
    console.log(`| page | data visible, median ms | min | max | first byte, median ms | target | meets |`);
    console.log(`| --- | ---: | ---: | ---: | ---: | --- | --- |`);
    for (const page of PAGES) {
      const { visible, firstByte } = results.get(page.key)!;
      const m = median(visible);
      console.log(`| /s/${DEMO_STUDIO_SLUG}/${page.path} | ${ms(m)} | ${ms(Math.min(...visible))} | ${ms(Math.max(...visible))} | ${ms(median(firstByte))} | ≤ ${TARGET_MS} | ${m <= TARGET_MS ? "yes" : "NO"} |`);
    }
    console.log("");
    console.log(`${RUNS} runs per page after one warm-up, Chromium ${browser.version()}, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}.`);
    const figure = (key: (typeof PAGES)[number]["key"]) => Math.round(median(results.get(key)!.visible));
    console.log(JSON.stringify({ bench: "pages", benchMs: figure("bench"), planMs: figure("plan"), ordersMs: figure("orders"), dashboardMs: figure("dashboard") }));
  } finally {
    await browser.close();
    await server?.stop();
  }
});
