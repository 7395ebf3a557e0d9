import { expect, expectAccessible, signIn, test } from "./fixtures.ts";

test("a facilitator searches and filters the protocol library", async ({ page }) => {
  await signIn(page, "coach@riverside.example");
  await page.getByRole("link", { name: "Protocols" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Protocols" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Tuning protocol" })).toBeVisible();
  await expectAccessible(page);

  const show = page.getByRole("button", { name: "Show protocols" });
  await page.getByLabel("Search protocols").fill("consult");
  await show.click();
  await expect(page.getByRole("status").filter({ hasText: "2 protocols" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Consultancy in 20 minutes" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Tuning protocol" })).toHaveCount(0);

  await page.getByLabel("Search protocols").fill("");
  await page.getByLabel("Fits in (minutes)").fill("20");
  await show.click();
  await expect(page.getByRole("link", { name: "Consultancy in 20 minutes" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Consultancy", exact: true })).toHaveCount(0);

  await page.getByRole("button", { name: "Clear filters" }).click();
  await page.getByLabel("Purpose").selectOption({ label: "Looking at data" });
  await page.getByLabel("Group size").fill("15");
  await show.click();
  await expect(page.getByRole("status").filter({ hasText: "1 protocol" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Data-driven dialogue" })).toBeVisible();

  await page.getByLabel("Group size").fill("two");
  await show.click();
  await expect(page.getByText("Optional. How many people will take part.").first()).toBeVisible();
  await expect(page.getByLabel("Group size")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Group size").fill("");
  await page.getByLabel("Search protocols").fill("underwater basket weaving");
  await show.click();
  await expect(page.getByText("No protocols match")).toBeVisible();
  await expectAccessible(page);
});

test("a facilitator copies the tuning protocol, adapts it, fixes a mistake and saves version 2", async ({
  page,
}) => {
  await signIn(page, "coach@riverside.example");
  await page.goto("/protocols?q=tuning");
  await page.getByRole("link", { name: "Tuning protocol" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tuning protocol" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "5. Warm feedback" })).toBeVisible();
  await expect(page.getByText("Total: 60 minutes")).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit protocol" })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Copy and adapt" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit Tuning protocol (adapted)" })).toBeVisible();
  await expectAccessible(page);

  const step2 = page.getByRole("group", { name: "Step 2", exact: true });
  await step2.getByLabel("Minutes", { exact: true }).fill("0");
  await expect(page.getByText("Total: 45 minutes")).toBeVisible();
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toBeVisible();
  await expect(step2.getByText("A step needs at least 1 minute.")).toBeVisible();
  await expect(step2.getByLabel("Minutes", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await step2.getByLabel("Minutes", { exact: true }).fill("12");
  await page.getByRole("button", { name: "Move step 8 up" }).click();
  await expect(
    page.getByRole("group", { name: "Step 7", exact: true }).getByLabel("Title", { exact: true }),
  ).toHaveValue("Debrief");
  await expect(page.getByText("Total: 57 minutes")).toBeVisible();
  await page.getByRole("button", { name: "Save as a new version" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Tuning protocol (adapted)" })).toBeVisible();
  await expect(page.getByText("Saved version 2.")).toBeVisible();
  await expect(page.getByText("Adapted from Tuning protocol (version 1).")).toBeVisible();
  await expect(page.getByRole("heading", { name: "7. Debrief" })).toBeVisible();
  const history = page.getByRole("region", { name: "Version history" });
  await expect(history.getByText("Version 2")).toBeVisible();
  await expectAccessible(page);

  await history.getByRole("link", { name: "View version 1" }).click();
  await expect(page.getByText("You're looking at version 1 of 2.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "8. Debrief" })).toBeVisible();
  await expectAccessible(page);
});
