import { oneRosterZip, sampleRoster } from "../server/test/oneroster-zip.ts";
import { expect, expectAccessible, signedInContext, signIn, test } from "./fixtures.ts";

/*
 * A facilitator's assessment, start to finish: from the community page to the team's assessments, a new
 * assessment with items (one added, two at once, a choice item whose missing key is named next to it),
 * a wide CSV through preview and the mapping step, the report; a bad file refused with its problems by
 * line, then imported with the good rows only; an import deleted. Students come from a roster the
 * administrator imports through the API (a delta: it changes nothing else of the shared demo data).
 */
test("a facilitator creates an assessment, imports results through the mapping step, and deletes an import", async ({
  page,
  browser,
  baseURL,
}) => {
  const run = `e2e${Date.now().toString(36)}`;
  const admin = await signedInContext(browser, baseURL, "admin@riverside.example");
  const roster = sampleRoster({
    school: "Riverside Middle",
    teacherEmail: "coach@riverside.example",
    prefix: run,
  });
  const imported = await admin.page.request.post("/api/v1/roster-imports", {
    headers: { origin: baseURL ?? "" },
    multipart: {
      kind: "delta",
      file: { name: `${run}.zip`, mimeType: "application/zip", buffer: oneRosterZip(roster, "delta") },
    },
  });
  expect(imported.status(), await imported.text()).toBe(201);
  await admin.context.close();

  await signIn(page, "coach@riverside.example");
  await page.goto("/communities?scope=mine");
  await page.getByRole("link", { name: "Grade 7 Math Team" }).first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Student data" })).toBeVisible();
  await page.getByRole("link", { name: "Assessments and results" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Assessments" })).toBeVisible();
  await expectAccessible(page);

  // A new assessment: three items, one of them multiple choice.
  await page.getByRole("link", { name: "New assessment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New assessment" })).toBeVisible();
  await expectAccessible(page);
  const title = `Ratios CFA ${run}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Date given").fill("2026-11-20");
  await page.getByLabel("Mastery threshold (%)").fill("75");
  await page.getByLabel("Item 1 standard").fill("7.RP.A.1");
  await page.getByLabel("Item 1 maximum points").fill("2");
  await page.getByLabel("How many items").fill("2");
  await page.getByLabel("Standard for these items").fill("7.RP.A.2");
  await page.getByRole("button", { name: "Add items" }).click();
  await expect(page.getByLabel("Item 2 label")).toBeFocused();
  await expect(page.getByLabel("Item 3 label")).toHaveValue("Q3");
  await page.getByLabel("Item 3 kind").selectOption("choice");
  await page.getByRole("button", { name: "Create assessment" }).click();
  const keyError = page.getByText("Give the letter of the right answer (A, B, C…).");
  await expect(keyError.first()).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Item 3 answer key").fill("c");
  await page.getByRole("button", { name: "Create assessment" }).click();

  // The overview, then the import: a wide file, previewed and mapped.
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const items = page.getByRole("table", { name: "3 items" });
  await expect(items.getByRole("row", { name: /Q3 7\.RP\.A\.2 Multiple choice 1 C/ })).toBeVisible();
  await expect(page.getByText("75% of the points")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Import results" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import results" })).toBeVisible();
  await expectAccessible(page);

  const good = `Student,Q1,Q2,Q3\n${run}1001,2,1,C\n${run}1002,1,0,A\n`;
  await page
    .getByLabel("Results file (CSV)")
    .setInputFiles({ name: `good-${run}.csv`, mimeType: "text/csv", buffer: Buffer.from(good) });
  await page.getByRole("button", { name: "Preview file" }).click();
  await expect(page.getByRole("table", { name: /The first 2 rows of good-/ })).toBeVisible();
  await expect(page.getByText(/We guessed which column is what/)).toBeVisible();
  await expect(page.getByRole("radio", { name: /Wide: one row per student/ })).toBeChecked();
  await expect(page.getByLabel("Student id column")).toHaveValue("Student");
  await expect(page.getByLabel("Column “Q3”")).toHaveValue("Q3");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Import results" }).click();
  await expect(page.getByText("Imported: 6 results.")).toBeVisible();
  await expect(page.getByRole("table", { name: "What the import did" })).toContainText("6");
  await expectAccessible(page);

  // A bad file: a score above the maximum and an unknown student, refused; then the good rows only.
  await page.getByRole("button", { name: "Import another file" }).click();
  const bad = `Student,Q1,Q2,Q3\n${run}1001,5,1,C\nnobody-${run},1,0,A\n${run}1002,2,1,B\n"=HYPERLINK(""http://x"")",1,1,A\n`;
  await page
    .getByLabel("Results file (CSV)")
    .setInputFiles({ name: `bad-${run}.csv`, mimeType: "text/csv", buffer: Buffer.from(bad) });
  await page.getByRole("button", { name: "Preview file" }).click();
  await expect(page.getByText(/These are the choices you made last time/)).toBeVisible();
  await page.getByRole("button", { name: "Import results" }).click();
  await expect(page.getByText(/Nothing was imported: 3 lines of the file have problems/)).toBeVisible();
  const problems = page.getByRole("table", { name: "Problems by line number" });
  await expect(
    problems.getByRole("row", { name: /^2 Q1 5 is outside item Q1’s 0 to 2 points/ }),
  ).toBeVisible();
  await expect(problems.getByRole("row", { name: /^3 Student id No student of the district/ })).toBeVisible();
  await expect(page.getByText(/Lamplight keeps them as plain text and never runs them/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Import the good rows only" }).click();
  await expect(
    page.getByText(/Imported \d+ results; 3 lines had problems and were left out\./),
  ).toBeVisible();

  // The history: three imports; deleting the first says what it removes.
  await page.getByRole("link", { name: "Back to the assessment" }).click();
  const history = page.getByRole("table", { name: /Every import of this assessment/ });
  await expect(history.getByRole("row")).toHaveCount(4);
  await history.getByRole("button", { name: new RegExp(`Delete import good-${run}\\.csv`) }).click();
  const dialog = page.getByRole("alertdialog", { name: "Delete this import?" });
  await expect(dialog).toContainText("removes every result it wrote: 6 results");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Delete import" }).click();
  await expect(history.getByRole("row")).toHaveCount(3);
  await expect(history.getByRole("cell", { name: new RegExp(`good-${run}`) })).toHaveCount(0);

  // With results, only labels and standards of items change; the threshold always may.
  await page.getByRole("button", { name: "Edit assessment" }).click();
  const edit = page.getByRole("form", { name: "Edit assessment" });
  await expect(
    edit.getByText(/This assessment has results: only labels and standards can change/),
  ).toBeVisible();
  await expect(edit.getByLabel("Item 1 maximum points")).toHaveCount(0);
  await edit.getByLabel("Mastery threshold (%)").fill("70");
  await edit.getByLabel("Item 2 standard").fill("7.RP.A.3");
  await expectAccessible(page);
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("70% of the points")).toBeVisible();
  await expect(
    page.getByRole("table", { name: "3 items" }).getByRole("row", { name: /Q2 7\.RP\.A\.3/ }),
  ).toBeVisible();
});

/*
 * Who sees what: a member of the team reads its assessments but is offered neither New assessment nor an
 * import; a partner's community page has no Student data at all, and the API refuses them.
 */
test("a member reads the team's assessments without managing them; a partner sees no student data", async ({
  page,
  browser,
  baseURL,
}) => {
  const run = `e2e${Date.now().toString(36)}`;
  const coach = await signedInContext(browser, baseURL, "coach@riverside.example");
  const teams = await coach.page.request.get("/api/v1/communities?scope=mine");
  const team = (await teams.json()).items.find((c: { name: string }) => c.name === "Grade 7 Math Team");
  const title = `Member view CFA ${run}`;
  const created = await coach.page.request.post("/api/v1/assessments", {
    headers: { origin: baseURL ?? "" },
    data: { title, communityId: team.id, items: [{ label: "Q1", maxPoints: 1, standard: "7.RP.A.1" }] },
  });
  expect(created.status()).toBe(201);
  await coach.context.close();

  await signIn(page, "teacher1@riverside.example");
  await page.goto(`/communities/${team.id}/assessments`);
  await expect(page.getByRole("heading", { level: 1, name: "Assessments" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New assessment" })).toHaveCount(0);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Items and standards" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Import results" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Edit assessment" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Imports" })).toHaveCount(0);
  await expectAccessible(page);

  const partner = await signedInContext(browser, baseURL, "parent@riverside.example");
  await partner.page.goto("/communities?scope=mine");
  await partner.page.getByRole("link", { name: "Family Engagement Team" }).first().click();
  await expect(partner.page.getByRole("heading", { level: 1, name: "Family Engagement Team" })).toBeVisible();
  await expect(partner.page.getByRole("heading", { name: "Student data" })).toHaveCount(0);
  const refused = await partner.page.request.get(`/api/v1/communities/${team.id}/assessments`);
  expect([403, 404]).toContain(refused.status());
  await partner.context.close();
});

test("an administrator creates a district-wide assessment", async ({ page }) => {
  const run = `e2e${Date.now().toString(36)}`;
  await signIn(page, "admin@riverside.example");
  await page.goto("/assessments");
  await expect(page.getByRole("heading", { level: 1, name: "District assessments" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "New district assessment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New district assessment" })).toBeVisible();
  const title = `Winter benchmark ${run}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Item 1 maximum points").fill("4");
  await page.getByRole("button", { name: "Create assessment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // A long file (one row per student and item): the mapping step guesses its columns.
  await page.getByRole("link", { name: "Import results" }).click();
  await page.getByLabel("Results file (CSV)").setInputFiles({
    name: `long-${run}.csv`,
    mimeType: "text/csv",
    buffer: Buffer.from(`Student ID;Item;Score\nnobody-${run};Q1;3\n`),
  });
  await page.getByRole("button", { name: "Preview file" }).click();
  await expect(page.getByText("Columns separated by semicolons; 3 columns.")).toBeVisible();
  await expect(page.getByRole("radio", { name: /Long: one row per student and item/ })).toBeChecked();
  await expect(page.getByLabel("Item column")).toHaveValue("Item");
  await expect(page.getByLabel("Score column")).toHaveValue("Score");
  await expect(page.getByLabel("Response column")).toHaveValue("");
  await page.getByRole("button", { name: "Import results" }).click();
  await expect(page.getByText(/Nothing was imported: 1 line of the file has a problem/)).toBeVisible();
  await page.getByRole("link", { name: "Back to the assessment" }).click();
  await page.getByRole("link", { name: "District-wide assessment" }).click();
  await expect(
    page.getByRole("table", { name: "The district-wide assessments" }).getByRole("link", { name: title }),
  ).toBeVisible();
});
