import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import pg from "pg";

export function uniqueEmail(prefix = "maker"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

export async function signUp(page: Page, { name, email, password }: { name: string; email: string; password: string }) {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/studios\/new$/);
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

// The e2e server's embedded PostgreSQL (scripts/e2e-server.ts): EMBEDDED_PG_PORT when set, else port
// E2E_PORT + 51000; superuser postgres.
const port = Number(process.env.E2E_PORT ?? 3100);
const pgPort = Number(process.env.EMBEDDED_PG_PORT) || (port + 51_000 > 65_000 ? 55_100 : port + 51_000);
const dbUrl = `postgresql://postgres:postgres@127.0.0.1:${pgPort}/benchflow`;

/** Signs up a new owner and creates a studio, choosing its time zone in the searchable picker. */
export async function createStudioAs(page: Page, options: { owner: string; name: string; slug: string; zoneSearch?: string; zone?: string; beforeCreate?: () => Promise<void> }) {
  await signUp(page, { name: options.owner, email: uniqueEmail("owner"), password: "a bench full of silver" });
  await page.getByLabel("Studio name").fill(options.name);
  await page.getByLabel("Studio address").fill(options.slug);
  if (options.zone) {
    const picker = page.getByRole("combobox", { name: "Time zone" });
    await picker.click();
    await picker.fill(options.zoneSearch ?? options.zone);
    await page.getByRole("option", { name: new RegExp(`^${options.zone.replace(/_/g, " ")}`) }).click();
    await expect(picker).toHaveValue(options.zone);
  }
  await options.beforeCreate?.();
  await page.getByRole("button", { name: "Create studio" }).click();
  await expect(page).toHaveURL(new RegExp(`/s/${options.slug}$`), { timeout: 60_000 });
}

/** The e2e database (for checks the UI cannot show exactly, such as every batch's clock time). */
export async function queryDb<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
