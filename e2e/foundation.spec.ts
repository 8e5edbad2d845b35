import { expect, test } from "@playwright/test";
import { signIn, signUp, uniqueEmail } from "./helpers";

test("a new owner signs up, creates a studio, signs out and signs back in", async ({ page }) => {
  const email = uniqueEmail();
  const password = "a bench full of silver";
  await signUp(page, { name: "Ada Maker", email, password });

  await page.getByLabel("Studio name").fill("Ada's Bench");
  await expect(page.getByLabel("Studio address")).toHaveValue("ada-s-bench");
  await page.getByLabel("Studio address").fill(`ada-${Date.now()}`);
  await page.getByRole("button", { name: "Create studio" }).click();

  await expect(page).toHaveURL(/\/s\/ada-\d+$/);
  await expect(page.getByRole("heading", { name: "Ada's Bench" })).toBeVisible();
  await expect(page.getByText("40 h / week")).toBeVisible();
  const studioUrl = page.url();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto(studioUrl);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);

  await signIn(page, email, "not my password");
  await expect(page.getByText("That email and password don't match an account.")).toBeVisible();

  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(studioUrl);
  await expect(page.getByRole("heading", { name: "Ada's Bench" })).toBeVisible();
});

test("sign-up shows clear validation messages and creates nothing for bad input", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Bo");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Use at least 8 characters")).toBeVisible();
  await expect(page).toHaveURL(/\/signup$/);
});

test("the demo owner reaches the demo studio and another studio's URL answers not found", async ({ page }) => {
  await signIn(page, "demo@benchflow.local", "benchflow-demo");
  await expect(page).toHaveURL(/\/s\/demo-studio$/);
  await expect(page.getByRole("heading", { name: "Demo Studio" })).toBeVisible();

  await page.goto("/s/someone-elses-studio");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test("a sign-in whose CSRF token is refused once (a first visit's cookie race) still signs in, and never lands on a bounce", async ({ page }) => {
  let refused = 0;
  await page.route("**/api/auth/callback/credentials", async (route) => {
    if (refused > 0) return route.continue();
    refused += 1;
    // next-auth answers a token that does not match its cookie with 200 and a "?csrf=true" URL, not an error.
    const body = (route.request().postData() ?? "").replace(/csrfToken=[^&]*/, "csrfToken=stale");
    await route.continue({ postData: body });
  });
  await signIn(page, "demo@benchflow.local", "benchflow-demo");
  await expect(page).toHaveURL(/\/s\/demo-studio$/);
  await expect(page.getByRole("heading", { name: "Demo Studio" })).toBeVisible();
  expect(refused).toBe(1);
});
