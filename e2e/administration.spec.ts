import { expect, expectAccessible, signIn, test } from "./fixtures.ts";

test("an administrator changes a person's district role, and it is in the audit log", async ({ page }) => {
  await signIn(page, "admin@riverside.example");
  await page.getByRole("link", { name: "People" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Search people").fill("Chris Novak");
  await page.getByRole("button", { name: "Edit Chris Novak" }).click();
  const dialog = page.getByRole("dialog");
  await expectAccessible(page);
  await dialog.getByLabel("District role").selectOption({ label: "School leader" });
  await dialog.getByRole("button", { name: /Save/ }).click();
  await expect(page.getByText("Changes to Chris Novak are saved.")).toBeVisible();
  await expect(page.getByRole("row", { name: /Chris Novak/ })).toContainText("School leader");

  await page.getByRole("link", { name: "Audit log" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Changed a district role/ }).first()).toContainText(
    "Chris Novak",
  );
  await expectAccessible(page);
});

test("the administrator's other screens are usable and accessible", async ({ page }) => {
  await signIn(page, "admin@riverside.example");
  await page.goto("/admin/schools");
  await expect(page.getByRole("heading", { level: 1, name: "Schools" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Riverside Middle" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("School name").fill("Riverside Middle");
  await page.getByRole("button", { name: "Add school" }).click();
  await expect(page.getByText("Your district already has a school with this name.").first()).toBeVisible();

  await page.goto("/admin/outbox");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/profile");
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  await expectAccessible(page);
});
