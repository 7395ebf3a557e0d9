import { readFile } from "node:fs/promises";
import { expect, expectAccessible, signedInContext, signIn, test } from "./fixtures.ts";

/*
 * Groups, growth and learning needs in the browser, on the demo's Grade 7 Math Team (its unit 3
 * pre-assessment and common formative assessment): a teacher builds an intervention group on 7.RP.A.2
 * from her own students, adjusts it, saves it, changes it and exports it; reads the growth from the
 * pre-assessment; the coach sets a goal's measure from that growth; the coach sends a learning-needs
 * survey and the teacher answers it. axe on every screen. Names are unique to this run.
 */

const CFA = "Unit 3 Ratios — common formative assessment";
const PRE = "Unit 3 Ratios — pre-assessment";

async function openTeam(page: import("@playwright/test").Page) {
  await page.goto("/communities?scope=mine");
  await page.getByRole("link", { name: "Grade 7 Math Team" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Grade 7 Math Team" })).toBeVisible();
  return page.url().split("/communities/")[1]?.split(/[/?#]/)[0] ?? "";
}

test("a teacher builds an intervention group, adjusts it, exports it, and reads the growth", async ({
  page,
}) => {
  const run = Date.now().toString(36);
  await signIn(page, "teacher1@riverside.example");
  await openTeam(page);
  await page.getByRole("link", { name: "Assessments and results" }).click();
  await page.getByRole("link", { name: CFA }).click();
  await page.getByRole("navigation", { name: "Assessment" }).getByRole("link", { name: "Groups" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Groups: ${CFA}` })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Focus standard").selectOption("7.RP.A.2");
  const section = page.getByRole("region", { name: "Needs re-teaching on 7.RP.A.2 (below 80%)" });
  await expect(section).toBeVisible();
  const boxes = section
    .getByRole("group", { name: "Students for the intervention group" })
    .getByRole("checkbox");
  const suggested = await boxes.count();
  expect(suggested).toBeGreaterThan(2);
  await boxes.first().uncheck();
  await expectAccessible(page);
  const name = `Re-teach unit rates ${run}`;
  await section.getByLabel("Group name").fill(name);
  await section.getByRole("button", { name: "Save intervention group" }).click();

  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: `${suggested - 1} students` })).toBeVisible();
  await expectAccessible(page);
  await page
    .getByRole("button", { name: /^Remove .+ from the group$/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 2, name: `${suggested - 2} students` })).toBeVisible();
  const renamed = `${name}, Tuesday`;
  await page.getByRole("region", { name: "Rename" }).getByLabel("Group name").fill(renamed);
  await page.getByRole("button", { name: "Rename group" }).click();
  await expect(page.getByRole("heading", { level: 1, name: renamed })).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  const csv = await readFile((await download.path()) as string, "utf8");
  expect(csv.split("\r\n")[0]).toBe('"Name","District ID","Class","Percent on 7.RP.A.2","Group","Purpose"');
  expect(csv.trim().split("\r\n")).toHaveLength(suggested - 1);

  await page.getByRole("link", { name: `Groups of ${CFA}` }).click();
  await expect(
    page.getByRole("region", { name: "Saved groups" }).getByRole("link", { name: renamed }),
  ).toBeVisible();
  await page.getByRole("navigation", { name: "Assessment" }).getByRole("link", { name: "Growth" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Growth: ${CFA}` })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Assessment before").selectOption({ label: PRE });
  const title = "Students at mastery before and after (Every standard both measure)";
  await expect(page.getByRole("figure", { name: title })).toBeVisible();
  await page.getByRole("button", { name: `Show table: ${title}` }).click();
  await expect(
    page.getByRole("table", { name: `${title} (table)` }).getByRole("row", { name: /All students/ }),
  ).toBeVisible();
  await expectAccessible(page);
});

test("the coach measures a goal by growth and sends a learning-needs survey the teacher answers", async ({
  page,
  browser,
  baseURL,
}) => {
  const run = Date.now().toString(36);
  await signIn(page, "coach@riverside.example");
  const communityId = await openTeam(page);
  const goal = await page.request.post("/api/v1/goals", {
    headers: { origin: baseURL ?? "", "idempotency-key": `goal-${run}` },
    data: {
      level: "community",
      communityId,
      title: `Unit rates ${run}`,
      improvement: "Unit rates",
      population: "Grade 7 students",
      measure: "Percent at mastery on 7.RP.A.2",
      unit: "percent",
      baseline: 30,
      target: 60,
      startsOn: "2026-09-01",
      deadline: "2027-06-15",
    },
  });
  expect(goal.status(), await goal.text()).toBe(201);
  await page.goto(`/goals/${(await goal.json()).id}`);
  const measured = page.getByRole("region", { name: "Measured by student data" });
  await expect(measured).toContainText("not measured by the team's assessments yet");
  await measured.getByLabel("Assessment before the strategy").selectOption({ label: PRE });
  await measured.getByLabel("Assessment after the strategy").selectOption({ label: CFA });
  await measured.getByLabel("Standard").selectOption("7.RP.A.2");
  await measured.getByRole("button", { name: "Use as this goal's measure" }).click();
  await expect(page.getByText("The goal is now measured by student data.")).toBeVisible();
  await expect(
    measured.getByRole("figure", { name: "Students at mastery before and after (7.RP.A.2)" }),
  ).toBeVisible();
  await expect(measured.getByRole("button", { name: "Refresh from the latest results" })).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/communities/${communityId}/learning-needs`);
  await expect(page.getByRole("heading", { level: 1, name: "Learning needs" })).toBeVisible();
  await expectAccessible(page);
  const survey = `What next after unit 3? ${run}`;
  await page.getByLabel("Title").fill(survey);
  await page.getByLabel("Assessment").selectOption({ label: CFA });
  await page.getByLabel("Practices offered").fill("Number talks\nMath discourse");
  await page.getByRole("button", { name: "Send survey" }).click();
  await expect(page.getByRole("heading", { level: 1, name: survey })).toBeVisible();
  await expect(page.getByText("Only you see your own answer.", { exact: false })).toBeVisible();
  await expectAccessible(page);
  const surveyUrl = page.url();

  const teacher = await signedInContext(browser, baseURL, "teacher1@riverside.example");
  await teacher.page.goto(surveyUrl);
  await expect(teacher.page.getByRole("heading", { level: 1, name: survey })).toBeVisible();
  await teacher.page
    .getByRole("group", { name: "Standards I want to learn more about teaching" })
    .getByRole("checkbox", { name: "7.RP.A.2" })
    .check();
  await teacher.page.getByRole("checkbox", { name: "Number talks" }).check();
  await teacher.page.getByRole("button", { name: "Save my answer" }).click();
  await expect(teacher.page.getByText("Your answer is saved.")).toBeVisible();
  await expect(teacher.page.getByRole("figure", { name: `Learning needs: ${survey}` })).toContainText("1 of");
  await expectAccessible(teacher.page);
  // Next to the team's student data: the newest survey's counts.
  await teacher.page.goto(`/communities/${communityId}/assessments`);
  const needs = teacher.page.getByRole("region", { name: "The team's learning needs" });
  await expect(needs.getByRole("figure", { name: `Learning needs: ${survey}` })).toContainText("1 of");
  await expectAccessible(teacher.page);
  await teacher.context.close();
});
