import { expect, test, type Page } from "@playwright/test";
import { uniqueEmail } from "./helpers";

// The dev server compiles routes on first use and can be slow on a busy machine: generous waits here.
test.setTimeout(480_000);
const slow = { timeout: 120_000 };

async function newStudio(page: Page, name: string, slug: string) {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(`${name} Owner`);
  await page.getByLabel("Email").fill(uniqueEmail("owner"));
  await page.getByLabel("Password").fill("a bench full of silver");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/studios\/new$/, slow);
  await page.getByLabel("Studio name").fill(name);
  await page.getByLabel("Studio address").fill(slug);
  await page.getByRole("button", { name: "Create studio" }).click();
  await expect(page).toHaveURL(new RegExp(`/s/${slug}$`), slow);
}

test("an owner creates a design with variants and routing, shares the catalog, and the other studio sees it", async ({ browser }) => {
  const stamp = Date.now();
  const slugA = `alder-${stamp}`;
  const slugB = `birch-${stamp}`;
  const a = await (await browser.newContext()).newPage();
  await newStudio(a, "Alder Metals", slugA);

  await a.getByRole("link", { name: "Open the catalog" }).click();
  await expect(a.getByRole("heading", { name: "Designs", exact: true })).toBeVisible(slow);
  await a.getByLabel("New catalog name").fill("Rings");
  await a.getByRole("button", { name: "Add catalog" }).click();
  await expect(a.getByRole("button", { name: "Share Rings" })).toBeVisible();

  await a.getByRole("link", { name: "Stations" }).click();
  await a.getByLabel("Station name").fill("Solder bench");
  await a.getByRole("button", { name: "Add station" }).click();
  await expect(a.getByRole("cell", { name: "Solder bench", exact: true }).first()).toBeVisible();
  await a.getByLabel("Station name").fill("Tumbler");
  await a.getByLabel("Kind").selectOption("TUMBLER");
  await a.getByLabel(/Runs unattended/).check();
  await a.getByRole("button", { name: "Add station" }).click();
  await expect(a.getByText("Unattended stations need a load capacity")).toBeVisible();
  await a.getByLabel("Load capacity (pieces)").fill("200");
  await a.getByLabel("Run time (minutes)").fill("120");
  await a.getByRole("button", { name: "Add station" }).click();
  await expect(a.getByText("200 pcs / 120 min")).toBeVisible();

  await a.getByRole("link", { name: "Materials" }).click();
  await a.getByLabel("Material name").fill("Sterling wire 18ga");
  await a.getByLabel("Unit cost ($)").fill("0.95");
  await a.getByLabel("On hand now").fill("100");
  await a.getByRole("button", { name: "Add material" }).click();
  await expect(a.getByRole("cell", { name: "100 g" })).toBeVisible();

  await a.getByRole("link", { name: "Designs" }).click();
  await a.getByRole("link", { name: "New design" }).click();
  await a.getByRole("button", { name: "Create design" }).click();
  await expect(a.getByText("Enter a name")).toBeVisible();
  await a.getByLabel("Design name").fill("Stacking ring");
  await a.getByLabel("SKU", { exact: true }).fill("RING-1");
  await a.getByLabel("Rings").check();
  await a.getByLabel("Step name").fill("Solder join");
  await a.getByLabel("Station").selectOption({ label: "Solder bench" });
  await a.getByLabel("Setup (min per batch)").fill("10");
  await a.getByLabel("Minutes per piece").fill("4");
  await a.getByRole("button", { name: "Add step" }).click();
  await a.getByLabel("Step name").nth(1).fill("Tumble");
  await a.getByLabel("Station").nth(1).selectOption({ label: "Tumbler" });
  await a.getByLabel("Minutes per piece").nth(1).fill("0.5");
  await a.getByLabel("Unattended run (min)").nth(1).fill("120");
  await a.getByLabel("Variant 1 name").fill("Size 6");
  await a.getByRole("button", { name: "Add material" }).click();
  await a.getByLabel("Material 1", { exact: true }).selectOption({ label: "Sterling wire 18ga" });
  await a.getByLabel(/Quantity/).fill("2");
  await a.getByRole("button", { name: "Add variant" }).click();
  await a.getByLabel("Variant 2 name").fill("Size 9");
  await a.getByRole("button", { name: "Create design" }).click();

  await expect(a.getByRole("heading", { name: "Stacking ring" })).toBeVisible(slow);
  await expect(a.getByRole("cell", { name: "Solder join" })).toBeVisible();
  await expect(a.getByRole("region", { name: "Variant Size 6" })).toContainText("$4.65");
  await a.setViewportSize({ width: 390, height: 900 });
  await a.screenshot({ path: "/tmp/catalog-design-390.png", fullPage: true });
  await a.setViewportSize({ width: 1280, height: 900 });
  await a.screenshot({ path: "/tmp/catalog-design.png", fullPage: true });

  const b = await (await browser.newContext()).newPage();
  await newStudio(b, "Birch Studio", slugB);

  await a.getByRole("link", { name: "Catalog" }).first().click();
  await a.getByRole("button", { name: "Share Rings" }).click();
  await a.getByLabel("Studio address or owner email").fill(slugB);
  await a.getByRole("button", { name: "Share read-only" }).click();
  await expect(a.getByText("Shared. The catalog appears in that studio once its owner accepts it.")).toBeVisible();
  await a.screenshot({ path: "/tmp/catalog-list.png", fullPage: true });

  await b.goto(`/s/${slugB}/catalog`);
  // Nothing arrives before Birch's owner accepts it.
  await expect(b.getByRole("list", { name: "Catalogs offered to you" })).toContainText("Rings from Alder Metals");
  await b.getByRole("button", { name: "Accept into Birch Studio" }).click();
  await expect(b.getByRole("link", { name: "Stacking ring" })).toBeVisible(slow);
  await expect(b.locator("span", { hasText: "Shared by Alder Metals" }).first()).toBeVisible();
  await b.getByRole("link", { name: "Stacking ring" }).click();
  await expect(b.getByText("Shared by Alder Metals (read-only)")).toBeVisible(slow);
  await expect(b.getByRole("link", { name: "Edit design" })).toHaveCount(0);
  await expect(b.getByRole("cell", { name: "Tumble", exact: true })).toBeVisible();
  await b.screenshot({ path: "/tmp/catalog-shared.png", fullPage: true });
});
