import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "@playwright/test";
import { pdf } from "../server/features/artifacts/test-files.ts";
import { expect, expectAccessible, signedInContext, signIn, test } from "./fixtures.ts";

/*
 * The acceptance path, as the people would live it: Jordan (teacher1) shares a 20-question quiz
 * with the Grade 7 Math Team and asks "What am I really trying to assess?"; two colleagues (teacher2,
 * teacher4) give warm and cool feedback; Jordan reads it, posts a reflection and a new version; teacher2
 * nominates it and the coach approves it as an exemplar; a teacher at another school (teacher6, Riverside
 * Elementary, not on the team) finds it by searching for its standard, and takes a copy back to her
 * classroom. axe runs on every screen.
 */

const run = Date.now().toString(36);
const TITLE = `Unit rates quiz, 20 questions ${run}`;
const QUESTION = "What am I really trying to assess?";
const STANDARD = "CCSS.MATH.7.RP.A.2";
const FILES = path.resolve(".test-data/e2e-work-samples");

test.beforeAll(async () => {
  await mkdir(FILES, { recursive: true });
  await writeFile(path.join(FILES, "unit-rates-quiz.pdf"), await pdf("Unit rates: 20 questions."));
  await writeFile(path.join(FILES, "unit-rates-quiz-v2.pdf"), await pdf("Unit rates, version 2."));
});

async function openTeamWork(page: Page) {
  await page.getByRole("link", { name: "Communities" }).first().click();
  await page.getByRole("link", { name: "My communities" }).click();
  await page.getByRole("link", { name: "Grade 7 Math Team" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Grade 7 Math Team" })).toBeVisible();
  await page.getByRole("link", { name: "See the work samples" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Work samples" })).toBeVisible();
}

async function giveFeedback(page: Page, form: "Warm" | "Cool", words: string) {
  const feedback = page.getByRole("region", { name: "Feedback", exact: true });
  await feedback.getByRole("radio", { name: new RegExp(`^${form} `) }).check();
  await feedback.getByLabel("Your feedback").fill(words);
  await feedback.getByRole("button", { name: "Give feedback" }).click();
  await expect(page.getByText("Thank you: your feedback is shared with the presenter.")).toBeVisible();
  await expect(feedback.getByText(words, { exact: true })).toBeVisible();
}

test("a quiz shared for feedback becomes an exemplar another school finds by its standard", async ({
  page,
  browser,
  baseURL,
}) => {
  // Jordan shares the quiz with its focusing question and standard.
  await signIn(page, "teacher1@riverside.example");
  await openTeamWork(page);
  await page.getByRole("link", { name: "Share work" }).first().click();
  await page.getByLabel("Title").fill(TITLE);
  await page.getByLabel("Kind of work").selectOption("assessment");
  await page.getByLabel("Focusing question").fill(QUESTION);
  await page.getByRole("textbox", { name: "Standards" }).fill(STANDARD);
  await page.getByRole("textbox", { name: "Standards" }).press("Enter");
  await page.getByLabel("Files", { exact: true }).setInputFiles(path.join(FILES, "unit-rates-quiz.pdf"));
  await expectAccessible(page);
  await page.getByRole("button", { name: "Share work" }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByText(QUESTION)).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Feedback", exact: true }).getByText("No feedback yet"),
  ).toBeVisible();
  await expectAccessible(page);
  const artifactUrl = page.url();

  // Two colleagues give warm and cool feedback from their own devices.
  const teacher2 = await signedInContext(browser, baseURL, "teacher2@riverside.example");
  await teacher2.page.goto(artifactUrl);
  await expect(teacher2.page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await giveFeedback(teacher2.page, "Warm", "Every question targets one idea; the context is familiar.");
  await expectAccessible(teacher2.page);
  const teacher4 = await signedInContext(browser, baseURL, "teacher4@riverside.example");
  await teacher4.page.goto(artifactUrl);
  await giveFeedback(teacher4.page, "Cool", "Questions 12-20 test reading speed more than unit rates.");
  await teacher4.context.close();

  // Jordan's bell says so; the feedback is on his quiz, with who gave it.
  await page.reload();
  await expect(page.getByRole("link", { name: /^Notifications, \d+ unread$/ })).toBeVisible();
  const warmAndCool = page.getByRole("region", { name: "Feedback", exact: true });
  await expect(warmAndCool.getByRole("heading", { name: "Warm and cool feedback" })).toBeVisible();
  await expect(
    warmAndCool.getByText("Every question targets one idea; the context is familiar.", { exact: true }),
  ).toBeVisible();
  await expect(
    warmAndCool.getByText("Questions 12-20 test reading speed more than unit rates.", { exact: true }),
  ).toBeVisible();

  // Their reflection, and a second version answering the cool feedback.
  await page
    .getByRole("textbox", { name: "Reflection", exact: true })
    .fill("I was assessing stamina as much as unit rates.");
  await page.getByRole("textbox", { name: "Next steps" }).fill("Cut to 12 questions, one idea each.");
  await page.getByRole("button", { name: "Save reflection" }).click();
  await expect(page.getByText("Your reflection is saved.")).toBeVisible();
  await page.getByRole("textbox", { name: "What changed" }).fill("Cut to 12 questions after feedback.");
  await page.getByLabel("Add files").setInputFiles(path.join(FILES, "unit-rates-quiz-v2.pdf"));
  await page.getByRole("button", { name: "Share new version" }).click();
  await expect(page.getByText("Version 2 is shared.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Files (version 2)" })).toBeVisible();
  await expectAccessible(page);

  // A colleague nominates it; the coach approves it as an exemplar.
  await teacher2.page.reload();
  const panel = teacher2.page.getByRole("region", { name: "Exemplar", exact: true });
  await panel.getByRole("button", { name: "Nominate as an exemplar" }).click();
  const nominate = teacher2.page.getByRole("dialog", { name: `Nominate “${TITLE}” as an exemplar` });
  await nominate.getByLabel("Why is this work exemplary?").fill("It shows how feedback sharpened a quiz.");
  await expectAccessible(teacher2.page);
  await nominate.getByRole("button", { name: "Send nomination" }).click();
  await expect(nominate).toBeHidden();
  await teacher2.context.close();

  const coach = await signedInContext(browser, baseURL, "coach@riverside.example");
  await coach.page.goto(artifactUrl);
  await coach.page
    .getByRole("region", { name: "Exemplar", exact: true })
    .getByRole("button", { name: "Approve exemplar" })
    .click();
  const approve = coach.page.getByRole("dialog", { name: "Approve this exemplar" });
  await expectAccessible(coach.page);
  await approve.getByRole("button", { name: "Approve exemplar" }).click();
  await expect(approve).toBeHidden();
  await expect(coach.page.getByRole("region", { name: "Exemplar", exact: true })).toContainText(
    /Approved by/,
  );
  await coach.context.close();

  // A teacher at Riverside Elementary searches for the standard and finds the exemplar.
  const teacher6 = await signedInContext(browser, baseURL, "teacher6@riverside.example");
  const other = teacher6.page;
  const box = other
    .getByRole("search", { name: "Search" })
    .getByRole("searchbox", { name: "Search Lamplight" });
  await box.fill(STANDARD);
  await box.press("Enter");
  await expect(other.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
  await other.getByLabel("Show").selectOption("exemplar");
  await other.getByRole("button", { name: "Search", exact: true }).last().click();
  const hit = other.getByRole("article").filter({ has: other.getByRole("link", { name: TITLE }) });
  await expect(hit).toContainText(`Standards: ${STANDARD}`);
  await expectAccessible(other);
  await hit.getByRole("link", { name: TITLE }).click();
  await expect(other.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(other.getByRole("heading", { name: "Files (version 2)" })).toBeVisible();

  // She takes it back to her classroom: a copy of her own, with attribution.
  await other
    .getByRole("region", { name: "Exemplar", exact: true })
    .getByRole("button", { name: "Copy to my work" })
    .click();
  await expect(other.getByText(/Adapted from/)).toBeVisible();
  await other.getByRole("link", { name: "Open your copy" }).click();
  await expect(other.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(other.getByText(/Adapted from .* by Jordan Lee/)).toBeVisible();
  await expectAccessible(other);
  await teacher6.context.close();
});
