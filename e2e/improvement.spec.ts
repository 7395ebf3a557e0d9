import type { Page } from "@playwright/test";
import { expect, expectAccessible, expectToast, signedInContext, signIn, test } from "./fixtures.ts";

/*
 * Issue 5's acceptance test, through the screens only: the administrator sets a district goal, the
 * principal of Riverside Middle sets a school goal aligned to it, the coach's Grade 7 Math Team sets a
 * community goal aligned to the school's, measures it, and runs a cycle of inquiry through all seven
 * stages with evidence; then the principal's improvement dashboard and the alignment map show the chain.
 * axe on every screen.
 */

const run = Date.now().toString(36);
const DISTRICT = `Numeracy for every middle schooler ${run}`;
const SCHOOL = `Grade 7 proportional reasoning ${run}`;
const TEAM = `Unit-rate mastery ${run}`;
const CYCLE = `Double number lines ${run}`;

async function fillSmart(page: Page, title: string, baseline: string, target: string) {
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("What will improve").fill("Proportional reasoning");
  await page.getByLabel("For whom").fill("Grade 7 students");
  await page.getByLabel("How it is measured").fill("Percent at mastery on the common assessment");
  await page.getByLabel("Unit").selectOption("percent");
  await page.getByLabel("Baseline").fill(baseline);
  await page.getByLabel("Target").fill(target);
  await page.getByLabel("Start date").fill("2026-08-15");
  await page.getByLabel("Deadline").fill("2027-06-15");
}

async function alignTo(page: Page, goalTitle: string) {
  await page.getByRole("button", { name: "Change alignment" }).click();
  await page.getByLabel("Search goals").fill(run);
  await page.getByRole("checkbox", { name: goalTitle }).check();
  await page.getByRole("button", { name: "Save alignment" }).click();
  await expect(
    page.getByRole("region", { name: "Alignment" }).getByRole("link", { name: goalTitle }),
  ).toBeVisible();
}

/** The coach's part: the team's goal from the community page, aligned and measured. */
async function setTeamGoal(page: Page) {
  await page.getByRole("link", { name: "Grade 7 Math Team" }).first().click();
  await page.getByRole("region", { name: "Goals" }).getByRole("link", { name: "New goal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New goal" })).toBeVisible();
  await fillSmart(page, TEAM, "35", "65");
  await page.getByRole("button", { name: "Create goal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: TEAM })).toBeVisible();
  await alignTo(page, SCHOOL);
  const progress = page.getByRole("region", { name: "Progress" });
  await progress.getByLabel("Value").fill("50");
  await progress.getByLabel("Unit").selectOption("percent");
  await progress.getByLabel("Date measured").fill("2026-11-20");
  await progress.getByRole("button", { name: "Save measurement" }).click();
  await expect(progress.getByText(/Latest 50% .*baseline 35%, target 65%/)).toBeVisible();
  await expectAccessible(page);
}

/** The cycle, stage by stage, as the coach runs it with the team. */
async function runCycle(page: Page) {
  await page.getByRole("link", { name: "Home", exact: true }).click();
  await page.getByRole("link", { name: "Grade 7 Math Team" }).first().click();
  await page
    .getByRole("region", { name: "Improvement cycles" })
    .getByRole("button", { name: "Start a cycle" })
    .click();
  const start = page.getByRole("dialog", { name: "Start an improvement cycle" });
  await start.getByLabel("Title", { exact: true }).fill(CYCLE);
  await start.getByRole("button", { name: "Start cycle" }).click();
  await expect(page.getByRole("heading", { level: 1, name: CYCLE })).toBeVisible();

  const stage = (n: number, name: string) => page.getByRole("region", { name: `Stage ${n}: ${name}` });
  const field = (label: string) => page.getByLabel(label, { exact: true });
  const save = async () => {
    await page.getByRole("button", { name: "Save stage" }).click();
    await expectToast(page, "Stage saved.");
  };
  const next = async (n: number, name: string) => {
    await page.getByRole("button", { name: "Next stage" }).click();
    await expect(stage(n, name)).toBeVisible();
    await expectToast(page, `The cycle is now at stage ${n}: ${name}.`);
  };
  const addLink = async (n: number, url: string, title: string) => {
    await page.getByRole("button", { name: "Add evidence" }).click();
    const dialog = page.getByRole("dialog", { name: `Add evidence to stage ${n}` });
    await dialog.getByLabel("A link", { exact: true }).check();
    await dialog.getByLabel("Link", { exact: true }).fill(url);
    await dialog.getByLabel("What the link is", { exact: true }).fill(title);
    await dialog.getByRole("button", { name: "Add evidence" }).click();
    await expect(
      page.getByRole("region", { name: "Evidence" }).getByRole("link", { name: title }),
    ).toBeVisible();
  };

  await field("Student learning needs").fill("Students add instead of scaling when quantities change.");
  await field("Educator learning needs").fill("Representations beyond cross-multiplication.");
  await save();
  await addLink(1, "https://www.example.org/pre-assessment", `Pre-assessment item analysis ${run}`);
  await next(2, "Set the goal");
  await field("Goal of this cycle").selectOption({ label: TEAM });
  await page.getByRole("button", { name: "Save goal" }).click();
  await expect(page.getByText("Goal saved.")).toBeVisible();
  await next(3, "Professional learning");
  await field("What the team needs to learn").fill("Double number lines with fractions.");
  await save();
  await next(4, "Plan the strategy");
  await field("Strategy").fill("Double number lines before any algorithm.");
  await field("In which classes").fill("All grade 7 sections");
  await field("From").fill("2026-10-01");
  await field("To").fill("2026-12-15");
  await save();
  await next(5, "Collect evidence");
  await page.getByRole("button", { name: "Add evidence" }).click();
  const dialog = page.getByRole("dialog", { name: "Add evidence to stage 5" });
  await dialog.getByLabel("Work sample", { exact: true }).selectOption({ label: "Ratio reasoning quiz" });
  await dialog.getByRole("button", { name: "Add evidence" }).click();
  await expect(
    page.getByRole("region", { name: "Evidence" }).getByRole("link", { name: "Ratio reasoning quiz" }),
  ).toBeVisible();
  await next(6, "Evaluate results");
  const result = page.getByRole("region", { name: "Result against the goal" });
  await expect(result).toContainText("50% of the way from the baseline to the target");
  await field("What the evidence shows").fill("Mastery rose from 35% to 50% in seven weeks.");
  await save();
  await next(7, "Decide");
  await page.getByRole("radio", { name: /^Adopt/ }).check();
  await field("Why").fill("Every class moved; we keep double number lines.");
  await field("What the next cycle takes on").fill("Percent problems with the same tools.");
  await page.getByRole("button", { name: "Record decision and finish the cycle" }).click();
  await expect(page.getByText("The team decided: Adopt").first()).toBeVisible();
  const timeline = page.getByRole("list", { name: "Stages of the cycle" });
  await expect(timeline.getByRole("listitem")).toHaveCount(7);
  await expectAccessible(page);
}

test("a district goal, a school goal and a team goal line up, the team runs a cycle, and the principal sees it", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "admin@riverside.example");
  await page.goto("/goals/new");
  await page.getByLabel("Level").selectOption("district");
  await fillSmart(page, DISTRICT, "48", "60");
  await page.getByRole("button", { name: "Create goal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: DISTRICT })).toBeVisible();
  await expectAccessible(page);

  const principal = await signedInContext(browser, baseURL, "principal@riverside.example");
  const p = principal.page;
  await p.goto("/goals/new");
  await p.getByLabel("School").selectOption({ label: "Riverside Middle" });
  await fillSmart(p, SCHOOL, "42", "60");
  await p.getByRole("button", { name: "Create goal" }).click();
  await expect(p.getByRole("heading", { level: 1, name: SCHOOL })).toBeVisible();
  await alignTo(p, DISTRICT);

  const coach = await signedInContext(browser, baseURL, "coach@riverside.example");
  await setTeamGoal(coach.page);
  await runCycle(coach.page);
  await coach.context.close();

  // The principal's dashboard: the finished cycle and the three goals of the chain.
  await p.getByRole("navigation").getByRole("link", { name: "Improvement" }).click();
  await expect(p.getByRole("heading", { level: 1, name: "Improvement dashboard" })).toBeVisible();
  await p.getByLabel("Search titles").fill(run);
  await p.getByRole("button", { name: "Apply filters" }).click();
  const cycles = p.getByRole("region", { name: "Cycles of inquiry" });
  const row = cycles.getByRole("row", { name: new RegExp(CYCLE) });
  await expect(row).toContainText("7 of 7 — Decide");
  await expect(row).toContainText("Grade 7 Math Team");
  const goals = p.getByRole("region", { name: "Goals" });
  for (const title of [DISTRICT, SCHOOL, TEAM])
    await expect(goals.getByRole("link", { name: title })).toBeVisible();
  await expectAccessible(p);

  // The alignment map: the school goal serves the district's and is served by the team's.
  await p.getByRole("link", { name: "Open the alignment map" }).click();
  await p.getByLabel("School", { exact: true }).selectOption({ label: "Riverside Middle" });
  await p.getByRole("button", { name: "Show" }).click();
  const schoolCard = p.getByRole("button", { name: new RegExp(SCHOOL) });
  await schoolCard.click();
  const said = p.getByRole("status").filter({ hasText: `Selected: ${SCHOOL}` });
  await expect(said).toContainText(`It aligns to 1 goal: ${DISTRICT}.`);
  await expect(said).toContainText(TEAM);
  await expectAccessible(p);
  await principal.context.close();
});
