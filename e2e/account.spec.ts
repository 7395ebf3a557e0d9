import { expect, expectAccessible, signIn, test } from "./fixtures.ts";
import { linkIn, waitForMail } from "./mailbox.ts";

test("a teacher who forgot their password resets it from the emailed link", async ({ page, baseURL }) => {
  const since = Date.now();
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill("teacher8@riverside.example");
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(
    page.getByText(
      "If an account exists for teacher8@riverside.example, we sent it a link to reset the password.",
    ),
  ).toBeVisible();

  const mail = await waitForMail("teacher8@riverside.example", since);
  expect(mail.subject).toBe("Reset your Lamplight password");
  await page.goto(linkIn(mail, `${baseURL}/api/auth/reset-password/`));
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("New password", { exact: true }).fill("phonics every morning");
  await page.getByLabel("Confirm new password").fill("phonics every evening");
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(
    page.getByText("The two passwords are different. Type the same password twice.").first(),
  ).toBeVisible();
  await page.getByLabel("Confirm new password").fill("phonics every morning");
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(
    page.getByText("Your password has been changed. Sign in with your new password."),
  ).toBeVisible();

  await signIn(page, "teacher8@riverside.example", "phonics every morning");
  await expect(page.getByText("Early Literacy Community of Practice").first()).toBeVisible();
});

test("a teacher updates their profile and sees it on their community's member list", async ({ page }) => {
  await signIn(page, "teacher2@riverside.example");
  await page.getByRole("link", { name: "Profile" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Name", { exact: true }).fill("");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Enter your name.").first()).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill("Sam Okafor");
  await page.getByLabel("Job title").fill("Grade 7 Math Teacher and Team Lead");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Your profile is saved.")).toBeVisible();

  await page.getByRole("link", { name: "Home" }).first().click();
  await page.getByRole("link", { name: "Grade 7 Math Team" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Grade 7 Math Team" })).toBeVisible();
  await expect(page.getByText("Sam Okafor").first()).toBeVisible();

  // Other specs meet Samuel by his demo name: put it back, as he would after trying it out.
  await page.getByRole("link", { name: "Profile" }).first().click();
  await page.getByLabel("Name", { exact: true }).fill("Samuel Okafor");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Your profile is saved.").last()).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Samuel Okafor");
});
