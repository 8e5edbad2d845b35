import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// Changes the demo studio's name and puts it back, so the specs after it see the seeded studio.
test("an assistant sees the owner's change to the studio live, without reloading", async ({ browser }) => {
  const ownerContext = await browser.newContext();
  const assistantContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const owner = await ownerContext.newPage();
  const assistant = await assistantContext.newPage();

  await signIn(assistant, "assistant@benchflow.local", "benchflow-demo");
  await expect(assistant).toHaveURL(/\/s\/demo-studio$/);
  await expect(assistant.getByRole("heading", { name: "Demo Studio", exact: true })).toBeVisible();

  await signIn(owner, "demo@benchflow.local", "benchflow-demo");
  await expect(owner).toHaveURL(/\/s\/demo-studio$/);
  await owner.goto("/s/demo-studio/settings");
  const rename = async (name: string) => {
    await owner.getByLabel("Studio name").fill(name);
    await owner.getByRole("button", { name: "Save settings" }).click();
    await expect(owner.getByText("Settings saved.")).toBeVisible();
  };
  await rename("Demo Studio Live");

  await expect(assistant.getByRole("heading", { name: "Demo Studio Live" })).toBeVisible({ timeout: 3_000 });
  await assistant.screenshot({ path: "test-results/assistant-home-390.png", fullPage: true });

  await rename("Demo Studio");
  await expect(assistant.getByRole("heading", { name: "Demo Studio", exact: true })).toBeVisible({ timeout: 3_000 });

  await ownerContext.close();
  await assistantContext.close();
});
