import { request as httpRequest } from "node:http";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn, signUp, uniqueEmail } from "./helpers";

const port = Number(process.env.E2E_PORT ?? 3100);
const password = "a bench full of silver";

/** A fresh account with a studio, signed in on `page`. */
async function ownerWithStudio(page: Page) {
  const email = uniqueEmail("security");
  await signUp(page, { name: "Sam Secure", email, password });
  await page.getByLabel("Studio name").fill("Secure Bench");
  await page.getByLabel("Studio address").fill(`secure-${Date.now()}`);
  await page.getByRole("button", { name: "Create studio" }).click();
  await expect(page).toHaveURL(/\/s\/secure-\d+$/);
  return { email, studioUrl: page.url() };
}

/** A second browser holding the very same session cookie (a stolen or copied token). */
async function sameSessionElsewhere(browser: Browser, page: Page) {
  const copy = await browser.newContext({ storageState: await page.context().storageState() });
  return { context: copy, page: await copy.newPage() };
}

test("after sign-in, a callbackUrl with a tab or newline stays on this site", async ({ page }) => {
  for (const trick of ["/%09/evil.example/", "/%0a/evil.example/", "/%0d/evil.example/"]) {
    await page.context().clearCookies();
    await page.goto(`/signin?callbackUrl=${trick}`);
    await page.getByLabel("Email").fill("demo@benchflow.local");
    await page.getByLabel("Password").fill("benchflow-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/s\/demo-studio$/);
    expect(new URL(page.url()).host).toBe(`localhost:${port}`);
  }
});

test("a plain sign-out ends the session's token everywhere it was copied", async ({ page, browser }) => {
  const { studioUrl } = await ownerWithStudio(page);
  const elsewhere = await sameSessionElsewhere(browser, page);
  await elsewhere.page.goto(studioUrl);
  await expect(elsewhere.page.getByRole("heading", { name: "Secure Bench" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  // The copied cookie is still in the other browser, but the session behind it is over: pages and API alike.
  await elsewhere.page.goto(studioUrl);
  await expect(elsewhere.page).toHaveURL(/\/signin\?callbackUrl=/);
  const me = await elsewhere.context.request.get("/api/trpc/auth.me");
  expect(me.status()).toBe(401);
  await elsewhere.context.close();
});

test("sign out everywhere: server-rendered pages of the other sessions show nothing any more", async ({ page, browser }) => {
  const { email, studioUrl } = await ownerWithStudio(page);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, email, password);
  await expect(otherPage).toHaveURL(studioUrl);

  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/signin/);

  for (const path of ["/studios?all=1", new URL(studioUrl).pathname, "/account"]) {
    await otherPage.goto(path);
    await expect(otherPage).toHaveURL(/\/signin\?callbackUrl=/);
  }
  await expect(otherPage.getByText("Secure Bench")).toHaveCount(0);
  await other.close();
});

test("pages run only scripts that carry the response's nonce (no 'unsafe-inline' scripts)", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/content security policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/signin");
  const policy = response!.headers()["content-security-policy"] ?? "";
  const scriptSrc = policy.split(";").find((directive) => directive.trim().startsWith("script-src")) ?? "";
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
  expect(nonce).toBeTruthy();
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  const scripts = await page.locator("script").evaluateAll((nodes) => nodes.map((node) => (node as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((value) => value === nonce)).toBe(true);
  // A fresh nonce per response.
  const again = await page.goto("/signin");
  expect(again!.headers()["content-security-policy"]).not.toBe(policy);

  // The app still works under it: sign in and open pages with charts, forms and live feeds.
  await signIn(page, "demo@benchflow.local", "benchflow-demo");
  await expect(page).toHaveURL(/\/s\/demo-studio$/);
  for (const path of ["dashboard", "plan", "bench", "catalog"]) {
    await page.goto(`/s/demo-studio/${path}`);
    await expect(page.getByRole("main").first()).toBeVisible();
  }
  expect(violations).toEqual([]);
});

/** A sign-up POST from a given loopback source address (the server sees it as the client's address). */
function signUpFrom(source: string, forwardedFor: string): Promise<number> {
  const body = JSON.stringify({ 0: { json: { name: "Rotator", email: uniqueEmail("rotate"), password } } });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port,
        localAddress: source,
        method: "POST",
        path: "/api/trpc/auth.signUp?batch=1",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "x-forwarded-for": forwardedFor },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

test("per-address limits count the connection's address: a rotating X-Forwarded-For does not reset them", async () => {
  // Its own loopback address, so no other spec's allowance is spent.
  const source = `127.0.${Math.floor(Math.random() * 200) + 20}.${Math.floor(Math.random() * 200) + 20}`;
  const statuses: number[] = [];
  for (let i = 0; i < 21; i++) statuses.push(await signUpFrom(source, `198.51.100.${i + 1}`));
  expect(statuses.slice(0, 20).every((status) => status === 200)).toBe(true);
  expect(statuses[20]).toBe(429);
});
