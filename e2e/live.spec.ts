import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";
import { createOwnStudio } from "./studio";

test("an assistant sees the owner's change to the studio live, without reloading", async ({ browser }) => {
  const studio = await createOwnStudio("Live Studio");
  const ownerContext = await browser.newContext();
  const assistantContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const owner = await ownerContext.newPage();
  const assistant = await assistantContext.newPage();

  await signIn(assistant, studio.assistant.email, studio.assistant.password);
  await expect(assistant).toHaveURL(new RegExp(`/s/${studio.slug}$`));
  await expect(assistant.getByRole("heading", { name: studio.name, exact: true })).toBeVisible();

  await signIn(owner, studio.owner.email, studio.owner.password);
  await expect(owner).toHaveURL(new RegExp(`/s/${studio.slug}$`));
  await owner.goto(`/s/${studio.slug}/settings`);
  await owner.getByLabel("Studio name").fill("Live Studio Renamed");
  await owner.getByRole("button", { name: "Save settings" }).click();
  await expect(owner.getByText("Settings saved.")).toBeVisible();

  await expect(assistant.getByRole("heading", { name: "Live Studio Renamed", exact: true })).toBeVisible({ timeout: 3_000 });
  await assistant.screenshot({ path: "test-results/assistant-home-390.png", fullPage: true });

  await ownerContext.close();
  await assistantContext.close();
});
