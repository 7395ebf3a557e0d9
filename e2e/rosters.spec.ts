import { oneRosterZip, sampleRoster } from "../server/test/oneroster-zip.ts";
import { expect, expectAccessible, signIn, test } from "./fixtures.ts";

/*
 * The administrator's roster screen: a zip naming a school Lamplight does not have is refused with its
 * problem by file and line, then a good delta import (delta: it deactivates nothing of the shared demo
 * data) reports what it created and shows in the history.
 */
test("an administrator imports a OneRoster zip and reads its report", async ({ page }) => {
  const run = `e2e${Date.now().toString(36)}`;
  await signIn(page, "admin@riverside.example");
  await page.getByRole("link", { name: "Rosters" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Rosters" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Import roster" }).click();
  await expect(page.getByText("Choose the OneRoster zip to import.").first()).toBeVisible();

  const bad = sampleRoster({
    school: `Nowhere ${run}`,
    teacherEmail: "coach@riverside.example",
    prefix: `${run}b`,
  });
  await page
    .getByLabel("OneRoster zip")
    .setInputFiles({ name: "bad.zip", mimeType: "application/zip", buffer: oneRosterZip(bad) });
  // Started as delta, but the manifest says bulk: a problem of the whole file, with no line.
  await page.getByRole("radio", { name: /Delta/ }).check();
  await page.getByRole("button", { name: "Import roster" }).click();
  const problems = page.getByRole("table", { name: /Problems by file and line/ });
  await expect(problems.getByRole("cell", { name: "orgs.csv" })).toBeVisible();
  await expect(problems.getByRole("row", { name: /manifest\.csv whole file file\.orgs/ })).toBeVisible();
  await expect(problems.getByRole("cell", { name: /No school "Nowhere/ })).toBeVisible();
  await expectAccessible(page);

  const good = sampleRoster({
    school: "Riverside Middle",
    teacherEmail: "coach@riverside.example",
    prefix: run,
  });
  await page
    .getByLabel("OneRoster zip")
    .setInputFiles({ name: `${run}.zip`, mimeType: "application/zip", buffer: oneRosterZip(good, "delta") });
  await page.getByRole("radio", { name: /Delta/ }).check();
  await page.getByRole("button", { name: "Import roster" }).click();
  await expect(page.getByText("Roster imported.")).toBeVisible();
  const counts = page.getByRole("table", { name: /Rows created, updated/ });
  await expect(counts.getByRole("row", { name: /Students created 2/ })).toBeVisible();
  await expect(
    page
      .getByRole("table", { name: /Roster imports, newest first/ })
      .getByRole("cell", { name: `${run}.zip` }),
  ).toBeVisible();
  await expectAccessible(page);
});
