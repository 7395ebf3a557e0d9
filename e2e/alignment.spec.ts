import { sql } from "drizzle-orm";
import { connect } from "../server/db/client.ts";
import { orgId, personIdOf, schoolId } from "../server/test/factories.ts";
import { createCycle, createGoal } from "../server/test/goal-factories.ts";
import { expect, expectAccessible, signIn, test } from "./fixtures.ts";

/*
 * The alignment map and the improvement dashboard. Goals and a cycle are written straight into the
 * server's database (the goal and cycle screens are other features'): a district goal, a school goal of
 * Riverside Middle aligned to it, a Grade 7 Math Team goal aligned to that, one left unaligned, a school
 * goal nobody works on, and a cycle at stage 3. The principal (leads Riverside Middle) and the
 * administrator find them; a teacher is told the dashboard is not for them.
 */

const run = Date.now().toString(36);
const DISTRICT = `District numeracy ${run}`;
const SCHOOL = `Middle ratio fluency ${run}`;
const LONELY = `Middle attendance ${run}`;
const TEAM = `Team ratio tasks ${run}`;
const UNALIGNED = `Team homework ${run}`;
const CYCLE = `Ratio tables cycle ${run}`;

test.beforeAll(async () => {
  const db = connect(
    `postgres://lamplight:lamplight@127.0.0.1:${Number(process.env.E2E_PG_PORT ?? 54340)}/lamplight`,
    2,
  );
  try {
    const org = await orgId(db, "riverside");
    const middle = await schoolId(db, "Riverside Middle");
    const admin = await personIdOf(db, "admin@riverside.example");
    const team = await db.execute<{ id: string }>(
      sql`select id from communities where name = 'Grade 7 Math Team'`,
    );
    const communityId = team.rows[0]?.id ?? "";
    const d = await createGoal(db, { orgId: org, level: "district", createdBy: admin, title: DISTRICT });
    const s = await createGoal(db, {
      orgId: org,
      level: "school",
      schoolId: middle,
      createdBy: admin,
      title: SCHOOL,
      alignedTo: [d.id],
      status: "on_track",
    });
    await createGoal(db, { orgId: org, level: "school", schoolId: middle, createdBy: admin, title: LONELY });
    const c = await createGoal(db, {
      orgId: org,
      level: "community",
      communityId,
      createdBy: admin,
      title: TEAM,
      alignedTo: [s.id],
      status: "at_risk",
    });
    await createGoal(db, { orgId: org, level: "community", communityId, createdBy: admin, title: UNALIGNED });
    await createCycle(db, {
      orgId: org,
      communityId,
      createdBy: admin,
      title: CYCLE,
      goalId: c.id,
      stage: 3,
    });
  } finally {
    await db.$client.end();
  }
});

test("the principal filters the dashboard and follows an alignment on the map by keyboard", async ({
  page,
}) => {
  await signIn(page, "principal@riverside.example");
  await page.getByRole("navigation").getByRole("link", { name: "Improvement" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Improvement dashboard" })).toBeVisible();
  const cycles = page.getByRole("region", { name: "Cycles of inquiry" });
  const row = cycles.getByRole("row", { name: new RegExp(CYCLE) });
  await expect(row).toContainText("3 of 7 — Professional learning");
  await expect(row).toContainText("Grade 7 Math Team");
  await expect(row).toContainText("Goal aligned up");
  await expectAccessible(page);

  // Filters go into the URL; a stage the cycle is not at hides it.
  await page.getByLabel("Search titles").fill(run);
  await page.getByLabel("Cycle stage").selectOption({ label: "5 of 7 — Collect evidence" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/stage=5/);
  await expect(page.getByText("No cycles match.", { exact: false })).toBeVisible();
  await page.getByLabel("Cycle stage").selectOption({ label: "3 of 7 — Professional learning" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/stage=3/);
  await expect(cycles.getByRole("link", { name: CYCLE })).toBeVisible();
  const goals = page.getByRole("region", { name: "Goals" });
  await expect(goals.getByRole("link", { name: TEAM })).toBeVisible();
  await expect(goals.getByRole("link", { name: DISTRICT })).toBeVisible();

  await page.getByRole("link", { name: "Open the alignment map" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Alignment map" })).toBeVisible();
  await page.getByLabel("School", { exact: true }).selectOption({ label: "Riverside Middle" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/schoolId=/);
  await expectAccessible(page);

  // Keyboard selection: the school goal lights up the district goal above and the team goal below.
  const schoolCard = page.getByRole("button", { name: new RegExp(SCHOOL) });
  await schoolCard.focus();
  await page.keyboard.press("Enter");
  await expect(schoolCard).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("status").filter({ hasText: `Selected: ${SCHOOL}` })).toContainText(
    `It aligns to 1 goal: ${DISTRICT}.`,
  );
  await expect(page.getByRole("status").filter({ hasText: `Selected: ${SCHOOL}` })).toContainText(TEAM);
  const teamCard = page.locator(".alignment-card", {
    has: page.getByRole("button", { name: new RegExp(TEAM) }),
  });
  await expect(teamCard.getByText("Aligned", { exact: true })).toBeVisible();
  const districtCard = page.locator(".alignment-card", {
    has: page.getByRole("button", { name: new RegExp(DISTRICT) }),
  });
  await expect(districtCard.getByText("Aligned", { exact: true })).toBeVisible();
  await expectAccessible(page);

  // The gaps, each a link to its goal.
  const gaps = page.getByRole("region", { name: "Gaps" });
  await expect(
    gaps
      .getByRole("region", { name: /Community goals aligned to nothing/ })
      .getByRole("link", { name: UNALIGNED }),
  ).toBeVisible();
  await expect(
    gaps
      .getByRole("region", { name: /School goals no community works on/ })
      .getByRole("link", { name: LONELY }),
  ).toHaveAttribute("href", /\/goals\//);

  // The same map as nested lists.
  await page.getByRole("button", { name: "List view" }).click();
  const list = page.getByRole("region", { name: "Goals and their alignment" });
  await expect(
    list.getByRole("listitem").filter({ hasText: DISTRICT }).getByRole("link", { name: TEAM }),
  ).toBeVisible();
  await expectAccessible(page);
});

test("the administrator sees the district's map and every school's cycles", async ({ page }) => {
  await signIn(page, "admin@riverside.example");
  await page.goto(`/dashboard?q=${run}`);
  await expect(page.getByRole("heading", { level: 1, name: "Improvement dashboard" })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Cycles of inquiry" }).getByRole("link", { name: CYCLE }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.goto("/alignment");
  await expect(page.getByRole("heading", { level: 1, name: "Alignment map" })).toBeVisible();
  await expect(page.getByRole("button", { name: new RegExp(DISTRICT) })).toBeVisible();
  await expectAccessible(page);
});

test("a teacher has no Improvement item and is told the dashboard is not theirs", async ({ page }) => {
  await signIn(page, "teacher1@riverside.example");
  await expect(page.getByRole("navigation").getByRole("link", { name: "Improvement" })).toHaveCount(0);
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Improvement dashboard" })).toBeVisible();
  await expect(
    page.getByText("The improvement dashboard is for administrators and school leaders"),
  ).toBeVisible();
  await expectAccessible(page);
});
