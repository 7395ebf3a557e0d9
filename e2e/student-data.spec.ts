import { oneRosterZip } from "../server/test/oneroster-zip.ts";
import { expect, expectAccessible, signedInContext, signIn, test } from "./fixtures.ts";
import { classRoster } from "./roster-data.ts";

/*
 * Issue 6's acceptance, as the Grade 7 Math Team lives it: the district administrator imports the
 * coach's class roster (rosters are the administrators'); the coach creates the team's common assessment
 * and imports its results through the mapping step; the team opens the mastery heat map, picks the
 * weakest standard, builds an intervention group; a goal uses the growth between the pre-assessment and
 * the common assessment as its measure. The numbers are computed by hand from the files below.
 *
 * Twelve students, mastery at 80% of the points:
 *   7.RP.A.1 (Q1 2 points, Q2 choice A): students 1–9 full marks → 9 of 12 = 75%.
 *   7.RP.A.2 (Q3 choice C, Q4 2 points): after, students 1–3 full → 25% (the weakest; 4–12 chose B);
 *     before, student 1 only → 8.3%.
 */

const HEADER = "Student ID,Q1,Q2,Q3,Q4";
function resultsFile(run: string, masteredRp2: number): string {
  const lines = [HEADER];
  for (let n = 1; n <= 12; n++) {
    const rp1 = n <= 9 ? ["2", "A"] : ["1", "D"];
    const rp2 = n <= masteredRp2 ? ["C", "2"] : ["B", "0"];
    lines.push([`${run}${n}`, ...rp1, ...rp2].join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

const ITEMS = [
  { label: "Q1", standard: "7.RP.A.1", maxPoints: 2 },
  { label: "Q2", kind: "choice", standard: "7.RP.A.1", maxPoints: 1, answerKey: "A" },
  { label: "Q3", kind: "choice", standard: "7.RP.A.2", maxPoints: 1, answerKey: "C" },
  { label: "Q4", standard: "7.RP.A.2", maxPoints: 2 },
];

test("a team imports a common assessment, finds its weakest standard, groups students, and measures a goal by growth", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const run = `sd${Date.now().toString(36)}`;
  const headers = { origin: baseURL ?? "" };

  // The administrator imports the coach's class on the rosters screen.
  const admin = await signedInContext(browser, baseURL, "admin@riverside.example");
  await admin.page.goto("/admin/rosters");
  await admin.page.getByLabel("OneRoster zip").setInputFiles({
    name: `${run}.zip`,
    mimeType: "application/zip",
    buffer: oneRosterZip(classRoster(run, 12, "coach@riverside.example"), "delta"),
  });
  await admin.page.getByRole("radio", { name: /Delta/ }).check();
  await admin.page.getByRole("button", { name: "Import roster" }).click();
  await expect(admin.page.getByText("Roster imported.")).toBeVisible();
  await expect(
    admin.page
      .getByRole("table", { name: /Rows created, updated/ })
      .getByRole("row", { name: /Students created 12/ }),
  ).toBeVisible();
  await admin.context.close();

  // The coach: the team's assessments, the pre-assessment given earlier (through the API, to keep this
  // test about the new one), then the common assessment created and imported on screen.
  await signIn(page, "coach@riverside.example");
  await page.goto("/communities?scope=mine");
  await page.getByRole("link", { name: "Grade 7 Math Team" }).first().click();
  const communityId = page.url().split("/communities/")[1]?.split(/[/?#]/)[0] ?? "";
  const pre = await page.request.post("/api/v1/assessments", {
    headers: { ...headers, "idempotency-key": `pre-${run}` },
    data: {
      communityId,
      title: `Ratios pre ${run}`,
      givenOn: "2026-10-01",
      masteryPercent: 80,
      items: ITEMS,
    },
  });
  expect(pre.status(), await pre.text()).toBe(201);
  // A wide file's columns named like the items: each column is that item.
  const items = Object.fromEntries(ITEMS.map((i) => [i.label, i.label]));
  const preImport = await page.request.post(`/api/v1/assessments/${(await pre.json()).id}/imports`, {
    headers,
    multipart: {
      options: JSON.stringify({ shape: "wide", mapping: { shape: "wide", student: "Student ID", items } }),
      file: { name: "pre.csv", mimeType: "text/csv", buffer: Buffer.from(resultsFile(run, 1)) },
    },
  });
  expect(preImport.status(), await preImport.text()).toBe(201);

  await page.getByRole("link", { name: "Assessments and results" }).click();
  await page.getByRole("link", { name: "New assessment" }).click();
  const title = `Ratios CFA ${run}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Date given").fill("2026-11-20");
  await page.getByLabel("Mastery threshold (%)").fill("80");
  await page.getByLabel("How many items").fill("3");
  await page.getByRole("button", { name: "Add items" }).click();
  for (const [i, item] of ITEMS.entries()) {
    const n = i + 1;
    await page.getByLabel(`Item ${n} label`).fill(item.label);
    await page.getByLabel(`Item ${n} standard`).fill(item.standard);
    if (item.kind === "choice") {
      await page.getByLabel(`Item ${n} kind`).selectOption("choice");
      await page.getByLabel(`Item ${n} answer key`).fill(item.answerKey ?? "");
    } else await page.getByLabel(`Item ${n} maximum points`).fill(String(item.maxPoints));
  }
  await page.getByRole("button", { name: "Create assessment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.getByRole("link", { name: "Import results" }).click();
  await page.getByLabel("Results file (CSV)").setInputFiles({
    name: `cfa-${run}.csv`,
    mimeType: "text/csv",
    buffer: Buffer.from(resultsFile(run, 3)),
  });
  await page.getByRole("button", { name: "Preview file" }).click();
  await expect(page.getByRole("radio", { name: /Wide: one row per student/ })).toBeChecked();
  await expect(page.getByLabel("Student id column")).toHaveValue("Student ID");
  await page.getByRole("button", { name: "Import results" }).click();
  await expect(page.getByText("Imported: 48 results.")).toBeVisible();

  // The team opens the heat map and picks the weakest standard.
  await page.getByRole("link", { name: "Back to the assessment" }).click();
  await page.getByRole("navigation", { name: "Assessment" }).getByRole("link", { name: "Analysis" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Analysis: ${title}` })).toBeVisible();
  const heat = page.getByRole("table", { name: "Heat map: standards by class (table)" });
  const row = heat.getByRole("row", { name: new RegExp(`Math 7 ${run}`) });
  await expect(row.getByRole("cell", { name: "75%" })).toBeVisible();
  await expect(row.getByRole("cell", { name: "25%" })).toBeVisible();
  const weakest = page.getByRole("region", { name: "Weakest standard" });
  await expect(weakest).toContainText("7.RP.A.2: 25% of students at or above mastery.");
  // The educators' own learning needs sit next to the students' data.
  await expect(page.getByRole("region", { name: "The team's learning needs" })).toBeVisible();
  await expectAccessible(page);
  await weakest.getByRole("link", { name: "Plan groups for 7.RP.A.2" }).click();

  // An intervention group of the nine who have not mastered it.
  await expect(page.getByRole("heading", { level: 1, name: `Groups: ${title}` })).toBeVisible();
  await expect(page.getByLabel("Focus standard")).toHaveValue("7.RP.A.2");
  const reteach = page.getByRole("region", { name: "Needs re-teaching on 7.RP.A.2 (below 80%)" });
  const boxes = reteach
    .getByRole("group", { name: "Students for the intervention group" })
    .getByRole("checkbox");
  await expect(boxes).toHaveCount(9);
  await expect(reteach.getByRole("checkbox", { name: /^Kid4 .*— 0%/ })).toBeChecked();
  await expectAccessible(page);
  const group = `Re-teach proportional relationships ${run}`;
  await reteach.getByLabel("Group name").fill(group);
  await reteach.getByRole("button", { name: "Save intervention group" }).click();
  await expect(page.getByRole("heading", { level: 1, name: group })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "9 students" })).toBeVisible();
  await expectAccessible(page);

  // A goal of the team measured by the growth from the pre-assessment: 8.3% → 25%.
  const goal = await page.request.post("/api/v1/goals", {
    headers: { ...headers, "idempotency-key": `goal-${run}` },
    data: {
      level: "community",
      communityId,
      title: `Proportional relationships ${run}`,
      improvement: "Students reason about proportional relationships",
      population: "Grade 7 students in the coach's class",
      measure: "Percent at mastery on 7.RP.A.2",
      unit: "percent",
      baseline: 10,
      target: 60,
      startsOn: "2026-09-01",
      deadline: "2027-06-15",
    },
  });
  expect(goal.status(), await goal.text()).toBe(201);
  await page.goto(`/goals/${(await goal.json()).id}`);
  const measured = page.getByRole("region", { name: "Measured by student data" });
  await measured.getByLabel("Assessment before the strategy").selectOption({ label: `Ratios pre ${run}` });
  await measured.getByLabel("Assessment after the strategy").selectOption({ label: title });
  await measured.getByLabel("Standard").selectOption("7.RP.A.2");
  await measured.getByRole("button", { name: "Use as this goal's measure" }).click();
  await expect(page.getByText("The goal is now measured by student data.")).toBeVisible();
  await page.getByRole("button", { name: "Show the values as a table" }).click();
  const values = page.getByRole("table", { name: "Measurements of this goal" });
  await expect(values.getByRole("row", { name: new RegExp(`8\\.3%.*Ratios pre ${run}`) })).toBeVisible();
  await expect(values.getByRole("row", { name: new RegExp(`25%.*Ratios CFA ${run}`) })).toBeVisible();
  await expectAccessible(page);
});
