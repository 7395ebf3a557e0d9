import { readFile } from "node:fs/promises";
import { oneRosterZip } from "../server/test/oneroster-zip.ts";
import { expect, expectAccessible, signedInContext, signIn, test } from "./fixtures.ts";
import { classRoster } from "./roster-data.ts";

/*
 * Analysis in the browser: an administrator's district-wide assessment over a roster of twelve students
 * (made here through the API, unique to this run), read as mastery by standard, the heat map and item
 * analysis, each with its table, CSV (a formula cell neutralised) and PNG; then the student-data
 * setting: a bad minimum named next to its field, a good one saved.
 */

const roster = (run: string, count: number) => classRoster(run, count, `${run}@nowhere.example`);

test("an administrator reads an assessment's analysis and exports its figures", async ({ page, baseURL }) => {
  const run = `an${Date.now().toString(36)}`;
  const headers = { origin: baseURL ?? "" };
  await signIn(page, "admin@riverside.example");
  const imported = await page.request.post("/api/v1/roster-imports", {
    headers,
    multipart: {
      kind: "delta",
      file: {
        name: `${run}.zip`,
        mimeType: "application/zip",
        buffer: oneRosterZip(roster(run, 12), "delta"),
      },
    },
  });
  expect(imported.status(), await imported.text()).toBe(201);
  const report = await imported.json();
  expect(report.status, JSON.stringify(report.problems)).toBe("completed");
  const title = `Ratios CFA ${run}`;
  const created = await page.request.post("/api/v1/assessments", {
    headers: { ...headers, "idempotency-key": run },
    data: {
      title,
      masteryPercent: 75,
      items: [
        { label: "Q1", standard: "7.RP.A.1", maxPoints: 2 },
        { label: "Q2", kind: "choice", standard: "7.RP.A.2", maxPoints: 1, answerKey: "B" },
        { label: "Q3", standard: "=HYPERLINK(1)", maxPoints: 1 },
      ],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const assessmentId = (await created.json()).id as string;
  // Students 1–9 answer well; 10–12 choose C on Q2 and score 0 on Q1.
  const lines = ["Student ID,Item,Score,Response"];
  for (let n = 1; n <= 12; n++) {
    const good = n <= 9;
    lines.push(
      `${run}${n},Q1,${good ? 2 : 0},`,
      `${run}${n},Q2,${n <= 4 ? 1 : 0},${n <= 4 ? "B" : "C"}`,
      `${run}${n},Q3,${good ? 1 : 0},`,
    );
  }
  const options = {
    shape: "long",
    mapping: { shape: "long", student: "Student ID", item: "Item", score: "Score", response: "Response" },
  };
  const results = await page.request.post(`/api/v1/assessments/${assessmentId}/imports`, {
    headers,
    multipart: {
      options: JSON.stringify(options),
      file: { name: "results.csv", mimeType: "text/csv", buffer: Buffer.from(`${lines.join("\n")}\n`) },
    },
  });
  expect(results.status(), await results.text()).toBe(201);
  expect(await results.json(), "every row imported").toMatchObject({ status: "completed", rowsImported: 36 });

  await page.goto(`/assessments/${assessmentId}/analysis`);
  await expect(page.getByRole("heading", { level: 1, name: `Analysis: ${title}` })).toBeVisible();
  await expect(
    page.getByText("12 students with results. Mastery is 75% of the points or more."),
  ).toBeVisible();
  // 7.RP.A.2 (Q2): 4 of 12 chose B → 33.3 %, the weakest.
  const weakest = page.getByRole("region", { name: "Weakest standard" });
  await expect(weakest).toContainText("7.RP.A.2: 33.3% of students at or above mastery.");

  await expect(weakest.getByRole("link", { name: "Plan groups for 7.RP.A.2" })).toHaveAttribute(
    "href",
    /\/groups\?standard=7\.RP\.A\.2$/,
  );
  await expect(page.getByRole("link", { name: "Analysis" })).toHaveAttribute("aria-current", "page");
  const heat = page.getByRole("table", { name: "Heat map: standards by class (table)" });
  const row = heat.getByRole("row", { name: new RegExp(`Math 7 ${run}`) });
  await expect(row.getByRole("cell", { name: "75%" }).first()).toBeVisible();
  await expect(row.getByRole("cell", { name: "33.3%" })).toBeVisible();
  await expectAccessible(page);

  const mastery = page.getByRole("figure", { name: "Mastery by standard" });
  await mastery.getByRole("button", { name: "Show table: Mastery by standard" }).click();
  const masteryTable = page.getByRole("table", { name: "Mastery by standard (table)" });
  await expect(masteryTable.getByRole("row", { name: /7\.RP\.A\.1 12 75% 75%/ })).toBeVisible();
  const csvDownload = page.waitForEvent("download");
  await mastery.getByRole("button", { name: "Download CSV: Mastery by standard" }).click();
  const csv = await readFile((await (await csvDownload).path()) as string, "utf8");
  expect(csv).toContain('"\'=HYPERLINK(1)","12","75%"');
  const pngDownload = page.waitForEvent("download");
  await mastery.getByRole("button", { name: "Download PNG: Mastery by standard" }).click();
  const png = await pngDownload;
  expect(png.suggestedFilename()).toBe("mastery-by-standard.png");
  const bytes = await readFile((await png.path()) as string);
  expect(bytes.subarray(1, 4).toString()).toBe("PNG");

  const items = page.getByRole("figure", { name: "Item analysis" });
  await items.getByRole("button", { name: "Show table: Item analysis" }).click();
  const itemTable = page.getByRole("table", { name: "Item analysis (table)" });
  await expect(itemTable.getByRole("row", { name: /Q2 7\.RP\.A\.2 B 33\.3% B: 4 · C: 8 C/ })).toBeVisible();
  await expectAccessible(page);
});

test("an administrator sets the district's minimum group size", async ({ page }) => {
  await signIn(page, "admin@riverside.example");
  await page.getByRole("link", { name: "Student data" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Student data" })).toBeVisible();
  await expectAccessible(page);
  const minimum = page.getByLabel("Minimum group size");
  await minimum.fill("0");
  await page.getByRole("button", { name: "Save setting" }).click();
  await expect(page.getByText("The minimum group size is at least 1.").first()).toBeVisible();
  await expectAccessible(page);
  await minimum.fill("10");
  await page.getByRole("button", { name: "Save setting" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Minimum group size saved: 10." })).toBeVisible();
});

test("a facilitator sees a small class she does not teach hidden, in words", async ({
  page,
  browser,
  baseURL,
}) => {
  const run = `sm${Date.now().toString(36)}`;
  const headers = { origin: baseURL ?? "" };
  const admin = await signedInContext(browser, baseURL, "admin@riverside.example");
  for (const [prefix, count] of [
    [`${run}a`, 12],
    [`${run}b`, 3],
  ] as const) {
    const imported = await admin.page.request.post("/api/v1/roster-imports", {
      headers,
      multipart: {
        kind: "delta",
        file: {
          name: `${prefix}.zip`,
          mimeType: "application/zip",
          buffer: oneRosterZip(roster(prefix, count), "delta"),
        },
      },
    });
    expect((await imported.json()).status).toBe("completed");
  }
  await admin.context.close();

  await signIn(page, "coach@riverside.example");
  const teams = await page.request.get("/api/v1/communities?scope=mine");
  const team = (await teams.json()).items.find((c: { name: string }) => c.name === "Grade 7 Math Team");
  const created = await page.request.post("/api/v1/assessments", {
    headers: { ...headers, "idempotency-key": run },
    data: {
      title: `Small classes ${run}`,
      communityId: team.id,
      items: [{ label: "Q1", maxPoints: 1, standard: "7.EE.1" }],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const assessmentId = (await created.json()).id as string;
  const lines = ["Student ID,Item,Score"];
  for (let n = 1; n <= 12; n++) lines.push(`${run}a${n},Q1,${n % 2}`);
  for (let n = 1; n <= 3; n++) lines.push(`${run}b${n},Q1,1`);
  const results = await page.request.post(`/api/v1/assessments/${assessmentId}/imports`, {
    headers,
    multipart: {
      options: JSON.stringify({
        shape: "long",
        mapping: { shape: "long", student: "Student ID", item: "Item", score: "Score" },
      }),
      file: { name: "results.csv", mimeType: "text/csv", buffer: Buffer.from(`${lines.join("\n")}\n`) },
    },
  });
  expect((await results.json()).rowsImported).toBe(15);

  await page.goto(`/assessments/${assessmentId}/analysis`);
  await expect(page.getByRole("heading", { level: 1, name: `Analysis: Small classes ${run}` })).toBeVisible();
  const heat = page.getByRole("table", { name: "Heat map: standards by class (table)" });
  // 6 of 12 scored the point: shown; the class of 3 is hidden from a coach who does not teach it.
  await expect(heat.getByRole("row", { name: new RegExp(`Math 7 ${run}a 12 50%`) })).toBeVisible();
  await expect(
    heat
      .getByRole("row", { name: new RegExp(`Math 7 ${run}b`) })
      .getByRole("cell", { name: "fewer than 10 students — hidden" }),
  ).toBeVisible();
  await expectAccessible(page);
});
