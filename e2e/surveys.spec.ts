import { expect, expectAccessible, expectToast, signIn, test } from "./fixtures.ts";

/*
 * The survey library and builder in the browser: the coach (who facilitates the Grade 7 Math Team) opens
 * the library, sees the built-in community-health survey, builds a small survey for her team with an
 * agreement question and a choice question, is told which option is missing, saves, and reads the
 * preview with its scale. axe on the library, the builder (with an error showing) and the survey page.
 */

test("a coach builds a small survey for her team, fixes a field error, saves and previews it", async ({
  page,
}) => {
  const title = `Meeting check-in ${Date.now().toString(36)}`;
  await signIn(page, "coach@riverside.example");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Surveys" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Surveys" })).toBeVisible();
  const library = page.getByRole("list", { name: "The survey library" });
  // Built-ins come first; copies may share the title.
  const health = library.getByRole("link", { name: "Community health self-assessment", exact: true }).first();
  await expect(health).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "New survey" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New survey" })).toBeVisible();
  await page.getByLabel("Library").selectOption({ label: "Grade 7 Math Team" });
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Write Spanish translations").check();

  const section = page.getByRole("group", { name: "Section 1", exact: true });
  await section.getByLabel("Section title", { exact: true }).fill("Our meetings");
  const first = section.getByRole("group", { name: "Section 1, question 1" });
  await first.getByLabel("Question", { exact: true }).fill("Our meetings use our time well.");
  await first.getByLabel("Question in Spanish").fill("Nuestras reuniones aprovechan bien el tiempo.");
  await first.getByRole("radio", { name: /5 points/ }).check();

  await section.getByRole("button", { name: "Add a question to section 1" }).click();
  const second = section.getByRole("group", { name: "Section 1, question 2" });
  await expect(second.getByLabel("Question", { exact: true })).toBeFocused();
  await second.getByLabel("Question", { exact: true }).fill("When should we meet?");
  await second.getByLabel("Kind of question").selectOption({ label: "One choice" });
  await second.getByLabel("Option 1", { exact: true }).fill("Before school");
  await page.getByRole("button", { name: "Create survey" }).click();

  // Option 2 was left empty: the message sits under that field, and the summary links to it.
  await expect(page.getByRole("alert").getByRole("link", { name: "Enter the option." })).toBeVisible();
  const option2 = second.getByLabel("Option 2", { exact: true });
  await expect(option2).toHaveAttribute("aria-invalid", "true");
  await expect(second.getByText("Enter the option.")).toBeVisible();
  await expectAccessible(page);
  await option2.fill("After school");
  await page.getByRole("button", { name: "Create survey" }).click();

  await expectToast(page, `Survey “${title}” created.`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Grade 7 Math Team", { exact: true })).toBeVisible();
  const questions = page.getByRole("region", { name: "Questions" });
  await expect(questions.getByRole("heading", { name: "Section 1: Our meetings" })).toBeVisible();
  await expect(questions.getByText("Our meetings use our time well.")).toBeVisible();
  const scale = questions.getByRole("list", { name: "Answer scale" });
  await expect(scale.getByRole("listitem")).toHaveText([
    "Strongly disagree",
    "Disagree",
    "Neither agree nor disagree",
    "Agree",
    "Strongly agree",
  ]);
  await expect(questions.getByRole("list", { name: "Options" }).getByRole("listitem")).toHaveText([
    "Before school",
    "After school",
  ]);
  await expect(page.getByRole("list", { name: "Versions of this survey, newest first" })).toContainText(
    "Version 1 (current)",
  );
  await expect(page.getByRole("link", { name: "Send this survey" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit", exact: true })).toBeVisible();
  await expectAccessible(page);

  // The built-in survey is read-only: no Edit, but a copy is offered.
  await page.getByRole("link", { name: "Surveys", exact: true }).first().click();
  await health.click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Community health self-assessment", exact: true }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Make a copy" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Answer scale" }).first().getByRole("listitem")).toHaveText([
    "Strongly disagree",
    "Disagree",
    "Agree",
    "Strongly agree",
  ]);
  await expectAccessible(page);
});

test("a coach copies the built-in survey into her team, reorders it on a phone and saves the copy", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "coach@riverside.example");
  await page.goto("/surveys");
  await page
    .getByRole("list", { name: "The survey library" })
    .getByRole("link", { name: "Community health self-assessment", exact: true })
    .first()
    .click();
  await page.getByRole("button", { name: "Make a copy" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Make a copy of “Community health self-assessment”" });
  await dialog.getByLabel("Where the copy goes").selectOption({ label: "Grade 7 Math Team" });
  await dialog.getByRole("button", { name: "Make the copy" }).click();
  await expectToast(page, "Copy made. Adapt it and save.");
  await expect(
    page.getByRole("heading", { level: 1, name: "Edit “Community health self-assessment (copy)”" }),
  ).toBeVisible();

  const title = `Our team's health ${Date.now().toString(36)}`;
  await page.getByLabel("Title", { exact: true }).fill(title);
  // Section 2 (shared vision) moves above section 1; focus stays on its Up/Down buttons.
  await page.getByRole("button", { name: "Move section 2 up" }).click();
  await expect(page.getByRole("button", { name: "Move section 1 down" })).toBeFocused();
  const first = page.getByRole("group", { name: "Section 1", exact: true });
  await expect(first.getByLabel("Section title", { exact: true })).toHaveValue("Shared values and vision");
  await first.getByRole("button", { name: "Remove question 6 of section 1" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save survey" }).click();

  await expectToast(page, "Survey saved.");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Questions" }).getByRole("heading", { level: 3 }).first(),
  ).toHaveText("Section 1: Shared values and vision");
  await expect(page.getByText("29 questions")).toBeVisible();
  await expectAccessible(page);
});
