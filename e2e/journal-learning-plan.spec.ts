import { schoolYearLabel, schoolYearOf } from "../shared/schemas/learning-plans.ts";
import { expect, expectAccessible, expectToast, signedInContext, signIn, test } from "./fixtures.ts";

/*
 * The journal and the learning plan in the browser: a teacher of the Grade 7 Math Team writes an entry
 * from a prompt, shares it with her team (the coach sees it on the community page), adds it to her
 * learning plan under a new learning goal, logs a course of 3.5 hours (after a refused 1.3), and opens
 * the printable summary with its totals. axe on every screen; the plan works 390 px wide.
 * Names are unique to this run.
 */

test("a teacher reflects, shares with her team, and keeps her learning plan", async ({
  page,
  browser,
  baseURL,
}) => {
  const run = Date.now().toString(36);
  const title = `Ratio tables ${run}`;
  const goal = `Use ratio tables well ${run}`;
  const course = `Proportional reasoning course ${run}`;
  const year = schoolYearLabel(schoolYearOf(new Date().toISOString().slice(0, 10)));

  await signIn(page, "teacher2@riverside.example");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Journal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My journal" })).toBeVisible();
  await expectAccessible(page);

  await page
    .getByRole("list", { name: "Prompts" })
    .getByRole("link", { name: "What did I learn this week?" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "New journal entry" })).toBeVisible();
  await expect(page.getByLabel("Prompt")).toHaveValue("learned-this-week");
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page.getByText("Write your reflection.").first()).toBeVisible();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Your reflection").fill("Students **explained** their ratio tables to each other.");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save entry" }).click();
  await expectToast(page, "Entry saved.");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Answering: What did I learn this week?")).toBeVisible();
  await expect(page.locator(".journal-body strong")).toHaveText("explained");
  await expect(page.getByText("Only you can read this entry.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Edit entry" }).click();
  await page.getByLabel("Title").fill(`${title}!`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${title}!` })).toBeVisible();
  await page.getByRole("button", { name: "Edit entry" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title, exact: true })).toBeVisible();

  await page.getByLabel("Share with a community").selectOption({ label: "Grade 7 Math Team" });
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await expectToast(page, "Shared with Grade 7 Math Team.");
  await expect(page.getByText("Shared with Grade 7 Math Team: its members can read it")).toBeVisible();

  await page.getByRole("button", { name: "Add to my learning plan" }).click();
  const dialog = page.getByRole("dialog", { name: "Add to my learning plan" });
  await dialog.getByLabel("Learning goal", { exact: true }).selectOption({ label: "A new learning goal…" });
  await dialog.getByLabel("New learning goal").fill(goal);
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Add to plan" }).click();
  await expectToast(page, "Added to your learning plan.");
  await expect(page.getByText(`In your learning plan for ${year}.`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Add to my learning plan" })).toHaveCount(0);

  // The coach reads it on the team's page, with the author's name.
  const coach = await signedInContext(browser, baseURL, "coach@riverside.example");
  await coach.page.goto("/communities?scope=mine");
  await coach.page.getByRole("link", { name: "Grade 7 Math Team" }).first().click();
  const shared = coach.page.getByRole("region", { name: "Shared reflections" });
  await shared.getByRole("link", { name: title }).click();
  await expect(coach.page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(coach.page.getByText(/^By .+ · /)).toBeVisible();
  await expect(coach.page.getByRole("button", { name: "Edit entry" })).toHaveCount(0);
  await expectAccessible(coach.page);
  await coach.context.close();

  await page.getByRole("link", { name: "Open my learning plan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `My learning plan ${year}` })).toBeVisible();
  await expect(page.getByRole("list", { name: "Learning goals" }).getByText(goal)).toBeVisible();
  await expectAccessible(page);

  const log = page.getByRole("form", { name: "Log an activity" });
  await log.getByLabel("Kind of activity").selectOption("course");
  await log.getByLabel("Title").fill(course);
  await log.getByLabel("Hours").fill("1.3");
  await log.getByLabel("Learning goal it serves").selectOption({ label: goal });
  await log.getByRole("button", { name: "Add activity" }).click();
  await expect(log.getByText("Use quarter hours: 1, 1.25, 1.5 or 1.75.").first()).toBeVisible();
  await log.getByLabel("Hours").fill("3.5");
  await log.getByLabel("Evidence").fill("https://example.org/certificate");
  await log.getByRole("button", { name: "Add activity" }).click();
  await expectToast(page, "Activity added.");
  const table = page.getByRole("table", { name: "My learning activities with their hours" });
  await expect(table.getByRole("row", { name: new RegExp(course) })).toContainText("3.5");
  await expect(table.getByRole("row", { name: new RegExp(title) })).toContainText("Reflection");
  await expectAccessible(page);

  await page.getByRole("button", { name: `Edit ${goal}` }).click();
  const editGoal = page.getByRole("form", { name: `Edit ${goal}` });
  await editGoal.getByLabel("Status").selectOption("achieved");
  await editGoal.getByRole("button", { name: "Save learning goal" }).click();
  await expectToast(page, "Learning goal saved.");
  await expect(
    page.getByRole("list", { name: "Learning goals" }).getByRole("listitem").filter({ hasText: goal }),
  ).toContainText("Achieved");
  await page.getByLabel("My reflection on the year").fill(`Wait time changed my class ${run}.`);
  await page.getByLabel("How I show my students how I learn").fill("I solve new problems in front of them.");
  await page.getByRole("button", { name: "Save reflection" }).click();
  await expectToast(page, "Reflection saved.");

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("heading", { level: 1, name: `My learning plan ${year}` })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "test-results/learning-plan-390.png", fullPage: true });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole("link", { name: "Printable summary" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: `My professional learning, ${year}` }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  const byGoal = page.getByRole("table", { name: "Hours by learning goal" });
  await expect(byGoal.getByRole("row", { name: new RegExp(goal) })).toContainText("3.5");
  await expect(
    page.getByRole("table", { name: "Hours by kind of activity" }).getByRole("row", { name: /Course/ }),
  ).toBeVisible();
  await expect(page.getByText("Evidence: https://example.org/certificate")).toBeVisible();
  await expect(page.getByText(`Wait time changed my class ${run}.`)).toBeVisible();
  await expectAccessible(page);
});
