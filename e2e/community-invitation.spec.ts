import { expect, expectAccessible, signIn, test } from "./fixtures.ts";
import { linkIn, waitForMail } from "./mailbox.ts";

// The journey: the coach creates a community and invites teacher3, who accepts the emailed
// invitation in another browser and appears among the members.
test("a coach creates a community and a colleague joins through the emailed invitation", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000); // two browsers and seven accessibility scans on a 2-core machine
  await signIn(page, "coach@riverside.example");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Create a community" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Create a community" })).toBeVisible();
  await expectAccessible(page);

  // Bad input first: the message appears next to the field.
  await page.getByRole("button", { name: "Create community" }).click();
  await expect(page.getByText("Enter a name for the community.").first()).toBeVisible();

  await page.getByLabel("Name", { exact: true }).fill("Grade 6 Science Inquiry Team");
  await page.getByLabel("Kind of community").selectOption({ label: "Grade-level team" });
  await page.getByLabel("Purpose").fill("Design inquiry labs together and look at student lab notebooks.");
  await page.getByRole("button", { name: "Add a norm" }).click();
  await page.getByLabel("Norm 1").fill("Bring a student notebook to every meeting.");
  await page.getByRole("button", { name: "Create community" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Grade 6 Science Inquiry Team" })).toBeVisible();
  await expect(page.getByText("Bring a student notebook to every meeting.")).toBeVisible();
  await expectAccessible(page);

  const since = Date.now();
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expectAccessible(page);
  await dialog.getByLabel("Email").fill("not-an-email");
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(dialog.getByText("Enter an email address like name@school.org.").first()).toBeVisible();
  await dialog.getByLabel("Email").fill("teacher3@riverside.example");
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("Invitation sent to teacher3@riverside.example.")).toBeVisible();
  await expect(page.getByText("teacher3@riverside.example").first()).toBeVisible();

  const mail = await waitForMail("teacher3@riverside.example", since);
  expect(mail.subject).toContain("Grade 6 Science Inquiry Team");
  const link = linkIn(mail, `${baseURL}/invitations/`);

  // teacher3, in a browser of their own.
  const other = await browser.newContext();
  const teacher = await other.newPage();
  await teacher.goto(link);
  await expect(teacher.getByText(/invited you to join Grade 6 Science Inquiry Team/)).toBeVisible();
  await expectAccessible(teacher);
  await teacher.getByRole("link", { name: "Sign in to accept" }).click();
  await teacher.getByLabel("Email").fill("teacher3@riverside.example");
  await teacher.getByLabel("Password", { exact: true }).fill("lamplight-demo");
  await teacher.getByRole("button", { name: "Sign in" }).click();
  await teacher.getByRole("button", { name: /Accept invitation/ }).click();
  await expect(
    teacher.getByRole("heading", { level: 1, name: "Grade 6 Science Inquiry Team" }),
  ).toBeVisible();
  await expectAccessible(teacher);
  await other.close();

  // The coach sees the new member.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Grade 6 Science Inquiry Team" })).toBeVisible();
  await expect(page.getByText("Elena García", { exact: true })).toBeVisible();
});

test("a new person accepts an invitation by creating their account", async ({ page, browser, baseURL }) => {
  await signIn(page, "coach@riverside.example");
  await page.getByRole("link", { name: "Grade 7 Math Team" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Grade 7 Math Team" })).toBeVisible();
  const since = Date.now();
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  await page.getByRole("dialog").getByLabel("Email").fill("new.teacher@riverside.example");
  await page.getByRole("dialog").getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("Invitation sent to new.teacher@riverside.example.")).toBeVisible();

  const link = linkIn(await waitForMail("new.teacher@riverside.example", since), `${baseURL}/invitations/`);
  const other = await browser.newContext();
  const newcomer = await other.newPage();
  await newcomer.goto(link);
  await expectAccessible(newcomer);
  await newcomer.getByLabel("Name", { exact: true }).fill("Robin Avery");
  await newcomer.getByLabel("Password", { exact: true }).fill("short");
  await newcomer.getByLabel("Confirm password").fill("short");
  await newcomer.getByRole("button", { name: /Accept invitation|Create account/ }).click();
  await expect(newcomer.getByText("Use at least 10 characters.").first()).toBeVisible();
  await newcomer.getByLabel("Password", { exact: true }).fill("a long enough password");
  await newcomer.getByLabel("Confirm password").fill("a long enough password");
  await newcomer.getByRole("button", { name: /Accept invitation|Create account/ }).click();
  await expect(newcomer.getByRole("heading", { level: 1, name: "Grade 7 Math Team" })).toBeVisible();
  await expect(newcomer.getByText("Robin Avery").first()).toBeVisible();
  await other.close();
});
