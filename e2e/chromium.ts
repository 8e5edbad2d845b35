import type { LaunchOptions } from "@playwright/test";

// Playwright cannot download browsers here: the e2e suite and the page benchmark drive Debian's Chromium
// (apt-get install chromium), launched the same way.
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};
