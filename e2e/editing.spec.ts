import { expect, test, type Page } from "@playwright/test";
import { createStudioAs, queryDb, signIn } from "./helpers";
import { createOwnStudio } from "./studio";

// Issue 15: changing what was entered, people's own hours and skills, variant SKUs, money and units, forks.
// Each test's studio works in Europe/London like the demo; the browser uses the same clock.
test.use({ timezoneId: "Europe/London" });
test.setTimeout(240_000);

/** A London calendar day `offset` days from today, as the date inputs take it. */
function londonDay(offset: number): string {
  const today = new Date(`${new Date().toLocaleDateString("en-CA", { timeZone: "Europe/London" })}T12:00:00Z`);
  return new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
}

async function planNow(page: Page, slug: string) {
  await page.goto(`/s/${slug}/plan`);
  await page.getByRole("button", { name: "Plan", exact: true }).click();
  await expect(page.getByText(/Planned \d+ batches for \d+ order lines/)).toBeVisible({ timeout: 60_000 });
}

test("an owner edits an order and the plan follows; a past due date is refused; cancelling asks first", async ({ page }) => {
  const studio = await createOwnStudio("Editing Studio", { workshop: true });
  await signIn(page, studio.owner.email, studio.owner.password);
  await expect(page).toHaveURL(new RegExp(`/s/${studio.slug}$`));
  await page.goto(`/s/${studio.slug}/orders/new`);
  await page.getByLabel("Customer").fill("E2E Edit Customer");
  const variant = page.getByLabel("Design variant (line 1)");
  const value = await variant.locator("option", { hasText: "Sterling drop earrings" }).first().getAttribute("value");
  await variant.selectOption(value!);
  await page.getByLabel("Quantity").fill("3");
  await page.getByLabel("Due date").fill(londonDay(10));
  await page.getByRole("button", { name: "Save order" }).click();
  await expect(page.getByRole("heading", { name: /Order #\d+ · E2E Edit Customer/ })).toBeVisible();
  const orderUrl = new URL(page.url()).pathname;
  const orderNumber = (await page.getByRole("heading", { name: /Order #\d+/ }).textContent())!.match(/#(\d+)/)![1];

  await planNow(page, studio.slug);
  await page.goto(orderUrl);
  await expect(page.getByText(/In batches: .*3 pcs/)).toBeVisible();

  // Edit: a date in the past is refused in words; then a later day and more pieces.
  await page.getByRole("link", { name: "Edit order" }).click();
  await expect(page.getByRole("heading", { name: "Edit order" })).toBeVisible();
  await page.getByLabel("Quantity").fill("5");
  await page.getByLabel("Due date").fill(londonDay(-1));
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert").filter({ hasText: `the due date ${londonDay(-1)} is in the past` })).toBeVisible();
  await page.getByLabel("Due date").fill(londonDay(12));
  await expect(page.getByText("is in the past")).toHaveCount(0); // the stale error goes as soon as the form changes
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`${orderUrl}\\?replanned=1$`));
  await expect(page.getByText("Saved. The plan follows the change.")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("5 × Sterling drop earrings")).toBeVisible();
  await expect(page.getByText(`due ${londonDay(12)}`)).toBeVisible();
  await expect(page.getByText(/In batches: .*5 pcs/)).toBeVisible();
  await expect(page.getByText(/Line 1 \(Sterling drop earrings — Pair\) quantity: 3 → 5/)).toBeVisible();
  await page.screenshot({ path: "/tmp/edit-order.png", fullPage: true });

  // Cancelling asks first; a cancelled order offers Reopen, not "Mark done".
  await page.getByRole("button", { name: "Cancel order" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText(`Cancel order #${orderNumber}?`);
  await confirm.getByRole("button", { name: "Keep it" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText("Open", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Cancel order" }).click();
  await page.getByRole("button", { name: "Yes, cancel the order" }).click();
  await expect(page.getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Mark done" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Edit order" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Reopen" })).toBeVisible();
  // The re-plan drops the cancelled order's pieces from the plan.
  await expect
    .poll(async () => (await queryDb<{ n: string }>(`SELECT count(*) AS n FROM "BatchItem" i JOIN "OrderLine" l ON l.id = i."orderLineId" JOIN "Order" o ON o.id = l."orderId" WHERE o."customerName" = 'E2E Edit Customer' AND o."studioId" = $1`, [studio.id]))[0]!.n, { timeout: 60_000 })
    .toBe("0");

  // The cut list shows what to cut per piece (the necklaces' chain, by the centimetre).
  await page.goto(`/s/${studio.slug}/plan/cut-list`);
  await expect(page.getByTestId("cuts").filter({ hasText: /\d+ × \d+ cm/ }).first()).toBeVisible();
});

test("a person with their own hours and stations is planned only inside them", async ({ page }) => {
  const studio = await createOwnStudio("Editing Studio", { workshop: true });
  await signIn(page, studio.owner.email, studio.owner.password);
  await expect(page).toHaveURL(new RegExp(`/s/${studio.slug}$`));
  await page.goto(`/s/${studio.slug}/team`);
  const members = page.getByRole("list", { name: "Members" });
  const theo = members.getByRole("listitem").filter({ hasText: "Theo Assistant" });
  const rosa = members.getByRole("listitem").filter({ hasText: "Rosa Demo" });
  // Rosa does everything but polishing, so the polishing falls to Theo.
  await rosa.getByRole("button", { name: "Hours & stations" }).click();
  const rosaPanel = page.getByRole("group", { name: "Availability of Rosa Demo" });
  await rosaPanel.getByLabel("Only at these stations").check();
  for (const station of ["Cutting & sawing bench", "Stamping block", "Solder bench", "Pickle pot", "Rotary tumbler"]) await rosaPanel.getByLabel(station).check();
  await rosaPanel.getByRole("button", { name: "Save hours and stations" }).click();
  await expect(rosa.getByTestId("availability-summary")).toContainText("Studio hours · Cutting & sawing bench");
  await rosa.getByRole("button", { name: "Hours & stations" }).click();

  await theo.getByRole("button", { name: "Hours & stations" }).click();
  const panel = page.getByRole("group", { name: "Availability of Theo Assistant" });
  await panel.getByLabel("Own hours").check();
  for (const day of ["Monday", "Wednesday", "Friday", "Saturday"]) await panel.getByLabel(day, { exact: true }).setChecked(false);
  for (const day of ["Tuesday", "Thursday"]) {
    await panel.getByLabel(day, { exact: true }).check();
    await panel.getByLabel(`${day} start`).fill("13:00");
    await panel.getByLabel(`${day} end`).fill("15:00");
  }
  await panel.getByLabel("Only at these stations").check();
  await panel.getByLabel("Polishing motor").check();
  await panel.getByRole("button", { name: "Save hours and stations" }).click();
  await expect(panel.getByText("Saved. The next plan uses Theo Assistant's hours and stations.")).toBeVisible();
  await expect(theo.getByTestId("availability-summary")).toHaveText("Own hours: 4 h/week (Tue, Thu) · Polishing motor");
  await page.screenshot({ path: "/tmp/edit-team.png", fullPage: true });

  await planNow(page, studio.slug);
  // The columns hold UTC without a zone: read them as UTC text, whatever this machine's zone.
  const rows = await queryDb<{ station: string; startAt: string; endAt: string }>(
    `SELECT s.name AS station, to_char(b."startAt", 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "startAt", to_char(b."endAt", 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "endAt"
       FROM "Batch" b JOIN "Station" s ON s.id = b."stationId" JOIN "User" u ON u.id = b."personId"
      WHERE u.email = $1 AND b."studioId" = $2 AND b.status = 'PLANNED' AND NOT b.locked`,
    [studio.assistant.email, studio.id],
  );
  expect(rows.length).toBeGreaterThan(0);
  const london = (date: Date) => {
    const parts = Object.fromEntries(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(date).map((p) => [p.type, p.value]));
    return { weekday: parts.weekday, time: `${parts.hour}:${parts.minute}` };
  };
  for (const row of rows) {
    const [start, end] = [london(new Date(row.startAt)), london(new Date(row.endAt))];
    expect(row.station).toBe("Polishing motor");
    expect(["Tue", "Thu"]).toContain(start.weekday);
    expect(start.time >= "13:00" && start.time < "15:00").toBe(true);
    expect(end.time > "13:00" && end.time <= "15:00").toBe(true);
  }
});

test("an owner generates variants with SKUs, and a Shopify export using them imports", async ({ page }) => {
  const studio = await createOwnStudio("Editing Studio", { workshop: true });
  await signIn(page, studio.owner.email, studio.owner.password);
  await expect(page).toHaveURL(new RegExp(`/s/${studio.slug}$`));
  await page.goto(`/s/${studio.slug}/catalog/designs/new`);
  await page.getByLabel("Design name").fill("E2E Cuff");
  await page.getByLabel("SKU", { exact: true }).fill("CUFF-E2E");
  await expect(page.getByLabel("Main catalog")).toBeChecked(); // the studio's only catalog is chosen for it
  await page.getByLabel("Step name").fill("Shape");
  await page.getByLabel("Station").selectOption({ label: "Solder bench" });
  await page.getByLabel("Metal values").fill("Sterling=SS, Brass=BR");
  await page.getByLabel("Size values").fill("S, L");
  await expect(page.getByTestId("variant-preview")).toContainText("Sterling / S (CUFF-E2E-SS-S)");
  await page.getByRole("button", { name: "Add 4 variants" }).click();
  await expect(page.getByLabel("Variant 4 name")).toHaveValue("Brass / L");
  await expect(page.getByLabel("Variant 4 SKU")).toHaveValue("CUFF-E2E-BR-L");
  await expect(page.getByLabel("Variant 5 name")).toHaveCount(0);
  await page.screenshot({ path: "/tmp/edit-variants.png", fullPage: true });
  await page.getByRole("button", { name: "Create design" }).click();
  await expect(page.getByRole("heading", { name: "E2E Cuff" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Variant Brass / L" })).toContainText("CUFF-E2E-BR-L");

  await page.goto(`/s/${studio.slug}/orders/import`);
  const csv = [
    "Name,Email,Financial Status,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name",
    "#E2E-7001,ana@example.test,paid,2026-11-20,2,E2E Cuff - Brass / L,30,CUFF-E2E-BR-L,Ana Shopper",
    "#E2E-7001,,,,1,E2E Cuff - Sterling / S,45,cuff-e2e-ss-s,",
  ].join("\n");
  await page.getByLabel("CSV file").setInputFiles({ name: "orders_export.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("Every row matches a design variant.")).toBeVisible();
  await expect(page.getByRole("cell", { name: "E2E Cuff — Brass / L" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "E2E Cuff — Sterling / S" })).toBeVisible();
  await page.getByRole("button", { name: "Import 1 orders" }).click();
  await expect(page.getByText("Imported 1 orders")).toBeVisible();
});

test("a Berlin studio sees euros and metric units, a US studio dollars and inches", async ({ browser }) => {
  const stamp = Date.now();
  const berlin = await (await browser.newContext()).newPage();
  const berlinSlug = `werkstatt-${stamp}`;
  await createStudioAs(berlin, {
    owner: "Greta Goldschmied", name: "Werkstatt Berlin", slug: berlinSlug, zoneSearch: "berlin", zone: "Europe/Berlin",
    beforeCreate: () => expect(berlin.getByTestId("studio-defaults")).toContainText("1.234,50 €"),
  });
  await berlin.goto(`/s/${berlinSlug}/materials`);
  await expect(berlin.getByLabel("Unit cost (€)")).toBeVisible();
  await addMaterial(berlin, { name: "Silberdraht 0,8", unit: "mm", cost: "0.02", onHand: "1000" });
  await expect(berlin.getByRole("row", { name: /Silberdraht/ })).toContainText("1.000 mm");
  await expect(berlin.getByRole("row", { name: /Silberdraht/ })).toContainText("0,02 € / mm");
  // Stock kept in inches reads in millimetres here.
  await addMaterial(berlin, { name: "Messingdraht", unit: "in", cost: "0.10", onHand: "10" });
  await expect(berlin.getByRole("row", { name: /Messingdraht/ })).toContainText("254 mm");
  await berlin.goto(`/s/${berlinSlug}/settings`);
  await expect(berlin.getByLabel("Currency")).toHaveValue("EUR");
  await expect(berlin.getByLabel("Number format")).toHaveValue("de-DE");
  await expect(berlin.getByRole("radio", { name: /Metric/ })).toBeChecked();
  await berlin.screenshot({ path: "/tmp/edit-berlin-settings.png", fullPage: true });

  const us = await (await browser.newContext()).newPage();
  const usSlug = `brooklyn-${stamp}`;
  await createStudioAs(us, {
    owner: "Nora Smith", name: "Brooklyn Metals", slug: usSlug, zoneSearch: "new york", zone: "America/New_York",
    beforeCreate: () => expect(us.getByTestId("studio-defaults")).toContainText("$1,234.50"),
  });
  await us.goto(`/s/${usSlug}/materials`);
  await expect(us.getByLabel("Unit cost ($)")).toBeVisible();
  await addMaterial(us, { name: "Sterling wire 20ga", unit: "in", cost: "0.50", onHand: "120" });
  await expect(us.getByRole("row", { name: /Sterling wire 20ga/ })).toContainText("120 in");
  await expect(us.getByRole("row", { name: /Sterling wire 20ga/ })).toContainText("$0.50 / in");
  await addMaterial(us, { name: "Cable chain", unit: "mm", cost: "0.01", onHand: "254" });
  await expect(us.getByRole("row", { name: /Cable chain/ })).toContainText("10 in");
  await us.setViewportSize({ width: 390, height: 844 });
  await us.screenshot({ path: "/tmp/edit-us-materials-390.png", fullPage: true });
  await berlin.context().close();
  await us.context().close();
});

async function addMaterial(page: Page, m: { name: string; unit: string; cost: string; onHand: string }) {
  await page.getByLabel("Material name").fill(m.name);
  await page.getByLabel("Unit", { exact: true }).selectOption({ label: m.unit });
  await page.getByLabel(/^Unit cost/).fill(m.cost);
  await page.getByLabel("On hand now").fill(m.onHand);
  await page.getByRole("button", { name: "Add material" }).click();
  await expect(page.getByRole("row", { name: new RegExp(m.name) })).toBeVisible();
}

test("forking a shared design puts it on the studio's own stations, by kind or as chosen", async ({ browser }) => {
  const studio = await createOwnStudio("Editing Studio", { workshop: true });
  const stamp = Date.now();
  const b = await (await browser.newContext()).newPage();
  const slugB = `werkbank-${stamp}`;
  await createStudioAs(b, { owner: "Bea Bench", name: "Bea's Bench", slug: slugB });
  await b.goto(`/s/${slugB}/stations`);
  for (const [name, kind] of [["Werkbank", "SOLDER_BENCH"], ["Säge", "OTHER"], ["Trommel A", "TUMBLER"], ["Trommel B", "TUMBLER"], ["Poliermotor", "POLISHING"]] as const) {
    await b.getByLabel("Station name").fill(name);
    await b.getByLabel("Kind").selectOption(kind);
    await b.getByRole("button", { name: "Add station" }).click();
    await expect(b.getByRole("cell", { name, exact: true })).toBeVisible();
  }

  // The first studio shares its catalog with Bea's studio by address; Bea accepts it.
  const a = await (await browser.newContext()).newPage();
  await signIn(a, studio.owner.email, studio.owner.password);
  await expect(a).toHaveURL(new RegExp(`/s/${studio.slug}$`));
  await a.goto(`/s/${studio.slug}/catalog`);
  await a.getByRole("button", { name: "Share Main catalog" }).click();
  await a.getByLabel("Studio address or owner email").fill(slugB);
  await a.getByRole("button", { name: "Share read-only" }).click();
  await expect(a.getByText("The catalog appears in that studio once its owner accepts it.")).toBeVisible();
  await expect(a.getByText(`${slugB} (waiting for them to accept)`)).toBeVisible();

  await b.goto(`/s/${slugB}/catalog`);
  await b.getByRole("button", { name: "Accept into Bea's Bench" }).click();
  await expect(b.getByText("Main catalog is now in your catalogs.")).toBeVisible();
  await b.getByRole("link", { name: "Sterling drop earrings" }).click();
  await expect(b.getByText(`Shared by ${studio.name} (read-only)`)).toBeVisible();
  // The sharer's costs stay theirs.
  await expect(b.getByText("The sharing studio's costs and labour rate stay theirs.", { exact: false })).toBeVisible();
  await expect(b.getByRole("region", { name: "Variant Pair" })).not.toContainText("£");

  const fork = b.getByRole("form", { name: "Fork this design" });
  await expect(fork.getByLabel(/^Solder bails/)).toHaveValue(await optionValue(fork.getByLabel(/^Solder bails/), "Werkbank"));
  await expect(fork.getByLabel(/^Cut drops/)).toHaveValue(await optionValue(fork.getByLabel(/^Cut drops/), "Säge"));
  await expect(fork.getByLabel(/^Polish/)).toHaveValue(await optionValue(fork.getByLabel(/^Polish/), "Poliermotor"));
  await expect(fork.getByText('Which of your stations? (you have 2 "Tumbler" stations)')).toBeVisible();
  await expect(fork.getByText('Which of your stations? (you have no "Pickle pot" station)')).toBeVisible();
  await fork.getByLabel(/^Tumble/).selectOption({ label: "Trommel B" });
  await fork.getByLabel(/^Pickle/).selectOption({ label: "New station “Pickle pot”" });
  for (const material of await fork.getByLabel(/^Material:/).all()) await material.selectOption({ index: (await material.locator("option").count()) - 1 });
  await b.screenshot({ path: "/tmp/edit-fork.png", fullPage: true });
  await fork.getByRole("button", { name: "Fork design" }).click();

  await expect(b.getByRole("link", { name: "Edit design" })).toBeVisible();
  for (const station of ["Säge", "Werkbank", "Pickle pot", "Trommel B", "Poliermotor"]) await expect(b.getByRole("cell", { name: new RegExp(`^${station}`) })).toBeVisible();
  await b.goto(`/s/${slugB}/stations`);
  await expect(b.getByRole("row")).toHaveCount(1 + 6); // header + Bea's five + the new pickle pot
  await a.context().close();
  await b.context().close();
});

async function optionValue(select: ReturnType<Page["getByLabel"]>, label: string): Promise<string> {
  return (await select.locator("option", { hasText: label }).first().getAttribute("value"))!;
}
