import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("an assistant sees the owner's change to the studio live, without reloading", async ({ browser }) => {
  const ownerContext = await browser.newContext();
  const assistantContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const owner = await ownerContext.newPage();
  const assistant = await assistantContext.newPage();

  await signIn(assistant, "assistant@benchflow.local", "benchflow-demo");
  await expect(assistant).toHaveURL(/\/s\/demo-studio$/);
  await expect(assistant.getByText("Europe/London")).toBeVisible();

  await signIn(owner, "demo@benchflow.local", "benchflow-demo");
  await expect(owner).toHaveURL(/\/s\/demo-studio$/);
  await owner.goto("/s/demo-studio/settings");
  await owner.getByLabel("Time zone").selectOption("America/Chicago");
  await owner.getByRole("button", { name: "Save settings" }).click();
  await expect(owner.getByText("Settings saved.")).toBeVisible();

  await expect(assistant.getByText("America/Chicago")).toBeVisible({ timeout: 3_000 });
  await assistant.screenshot({ path: "test-results/assistant-home-390.png", fullPage: true });

  await ownerContext.close();
  await assistantContext.close();
});
