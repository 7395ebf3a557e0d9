import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures.ts";

/*
 * Goals end to end through the screens: the administrator sets a district goal (a target equal to the
 * baseline is refused next to the field first), the principal of Riverside Middle sets a school goal and
 * aligns it to it, changes its status with a reason (the history shows it), records a measurement (the
 * wrong unit is refused next to the field) and reads the chart's table. axe on every screen.
 */

const run = Date.now().toString(36);
const DISTRICT = `Every student reads on grade level ${run}`;
const SCHOOL = `Grade 7 ratio reasoning ${run}`;

async function fillSmart(page: Page, title: string, baseline: string, target: string) {
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("What will improve").fill("Reading on grade level");
  await page.getByLabel("For whom").fill("Students in grades 3 to 8");
  await page.getByLabel("How it is measured").fill("Percent at or above benchmark on the spring screener");
  await page.getByLabel("Unit").selectOption("percent");
  await page.getByLabel("Baseline").fill(baseline);
  await page.getByLabel("Target").fill(target);
  await page.getByLabel("Start date").fill("2026-08-15");
  await page.getByLabel("Deadline").fill("2027-06-15");
}

test("an administrator sets a district goal; the principal aligns a school goal, tracks its status and progress", async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page, "admin@riverside.example");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Goals" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Goals" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "New goal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New goal" })).toBeVisible();
  await page.getByLabel("Level").selectOption("district");
  await fillSmart(page, DISTRICT, "55", "55");
  await page.getByRole("button", { name: "Create goal" }).click();
  await expect(page.getByLabel("Target")).toHaveAccessibleDescription(
    /Choose a target different from the baseline\./,
  );
  await expect(
    page.getByRole("link", { name: "Choose a target different from the baseline." }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Target").fill("70");
  await page.getByRole("button", { name: "Create goal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: DISTRICT })).toBeVisible();
  await expect(page.getByText("District goal", { exact: true })).toBeVisible();
  await expectAccessible(page);

  const principal = await browser.newContext({ baseURL });
  const p = await principal.newPage();
  await signIn(p, "principal@riverside.example");
  await p.goto("/goals?level=district");
  await expect(p.getByRole("link", { name: DISTRICT })).toBeVisible();
  await p.getByRole("link", { name: "New goal" }).click();
  await expect(p.getByLabel("Level")).toHaveValue("school");
  await p.getByLabel("School").selectOption({ label: "Riverside Middle" });
  await fillSmart(p, SCHOOL, "38", "60");
  await p.getByRole("button", { name: "Create goal" }).click();
  await expect(p.getByRole("heading", { level: 1, name: SCHOOL })).toBeVisible();
  await expect(p.getByText("School goal · Riverside Middle")).toBeVisible();

  // Alignment: pick the district goal one level up, found by search.
  await p.getByRole("button", { name: "Change alignment" }).click();
  await p.getByLabel("Search goals").fill(run);
  await p.getByRole("checkbox", { name: DISTRICT }).check();
  await expectAccessible(p);
  await p.getByRole("button", { name: "Save alignment" }).click();
  const alignment = p.getByRole("region", { name: "Alignment" });
  await expect(alignment.getByRole("link", { name: DISTRICT })).toBeVisible();

  // Status: a change needs its reason, and the history says who changed what.
  await p.getByRole("button", { name: "Change status" }).click();
  await p.getByLabel("New status").selectOption("on_track");
  await p.getByRole("button", { name: "Save status" }).click();
  await expect(p.getByLabel("Reason")).toHaveAccessibleDescription(/Say why the status changes/);
  await p.getByLabel("Reason").fill("Fall screener shows steady growth.");
  await p.getByRole("button", { name: "Save status" }).click();
  const history = p.getByRole("region", { name: "History" });
  await expect(history.getByText("Marcus Bell changed status")).toBeVisible();
  await expect(history.getByText("status: Not started → On track")).toBeVisible();
  await expect(history.getByText("Reason: Fall screener shows steady growth.")).toBeVisible();
  await expect(history.getByText("Marcus Bell changed alignment")).toBeVisible();

  // Progress: the wrong unit is refused next to the field; then the chart and its table.
  const progress = p.getByRole("region", { name: "Progress" });
  await progress.getByLabel("Value").fill("45");
  await progress.getByLabel("Unit").selectOption("points");
  await progress.getByRole("button", { name: "Save measurement" }).click();
  await expect(progress.getByLabel("Unit")).toHaveAccessibleDescription(/its own unit \(percent\)/);
  await progress.getByLabel("Unit").selectOption("percent");
  await progress.getByRole("button", { name: "Save measurement" }).click();
  await expect(progress.getByText(/Latest 45% .*baseline 38%, target 60%/)).toBeVisible();
  await expect(progress.locator(".goal-chart svg")).toBeVisible();
  await progress.getByRole("button", { name: "Show the values as a table" }).click();
  const table = progress.getByRole("table", { name: "Measurements of this goal" });
  await expect(table.getByRole("cell", { name: "45%" })).toBeVisible();
  await expect(table.getByRole("cell", { name: "38%" })).toBeVisible();
  await expect(table.getByRole("cell", { name: "60%" })).toBeVisible();
  await expectAccessible(p);

  // The district goal now lists the school goal below it.
  await page.reload();
  await expect(
    page.getByRole("region", { name: "Alignment" }).getByRole("link", { name: SCHOOL }),
  ).toBeVisible();
  await principal.close();
});

test("the coach sets the team's goal from the community page, aligned to the school's; a member checks in", async ({
  page,
  browser,
  baseURL,
}) => {
  const TEAM_GOAL = `Students explain ratio strategies ${run}`;
  await signIn(page, "coach@riverside.example");
  await page.goto("/");
  await page.getByRole("link", { name: "Grade 7 Math Team" }).first().click();
  const section = page.getByRole("region", { name: "Goals" });
  await expect(section).toBeVisible();
  await expectAccessible(page);
  await section.getByRole("link", { name: "New goal" }).click();
  await expect(page.getByText("Community: Grade 7 Math Team")).toBeVisible();
  await fillSmart(page, TEAM_GOAL, "20", "60");
  await page.getByRole("button", { name: "Create goal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: TEAM_GOAL })).toBeVisible();
  await page.getByRole("button", { name: "Change alignment" }).click();
  await page.getByLabel("Search goals").fill(run);
  await page.getByRole("checkbox", { name: SCHOOL }).check();
  await page.getByRole("button", { name: "Save alignment" }).click();
  await expect(
    page.getByRole("region", { name: "Alignment" }).getByRole("link", { name: SCHOOL }),
  ).toBeVisible();
  const goalUrl = page.url();

  const member = await browser.newContext({ baseURL });
  const m = await member.newPage();
  await signIn(m, "teacher1@riverside.example");
  await m.goto(goalUrl);
  await expect(m.getByRole("heading", { level: 1, name: TEAM_GOAL })).toBeVisible();
  await expect(m.getByRole("button", { name: "Edit goal" })).toHaveCount(0);
  await expect(m.getByRole("button", { name: "Change status" })).toHaveCount(0);
  const checkIns = m.getByRole("region", { name: "Check-ins" });
  await checkIns.getByLabel("How it is going").fill("Half the class now explains with a double number line.");
  await checkIns.getByRole("button", { name: "Add an evidence link" }).click();
  await checkIns.getByLabel("Evidence 1: what it shows").fill("Exit tickets, week 6");
  await checkIns.getByLabel("Evidence 1: link").fill("http://drive.example/exit-tickets");
  await checkIns.getByRole("button", { name: "Add check-in" }).click();
  await expect(checkIns.getByLabel("Evidence 1: link")).toHaveAccessibleDescription(/https:\/\//);
  await checkIns.getByLabel("Evidence 1: link").fill("https://drive.example/exit-tickets");
  await checkIns.getByRole("button", { name: "Add check-in" }).click();
  await expect(checkIns.getByRole("link", { name: "Exit tickets, week 6" })).toBeVisible();
  await expect(checkIns.getByText("Half the class now explains with a double number line.")).toBeVisible();
  await expectAccessible(m);
  await member.close();

  // The community page lists the goal with its status.
  await page.goto("/");
  await page.getByRole("link", { name: "Grade 7 Math Team" }).first().click();
  await expect(
    page.getByRole("region", { name: "Goals" }).getByRole("link", { name: TEAM_GOAL }),
  ).toBeVisible();
});
