import { readFile } from "node:fs/promises";
import { eq } from "drizzle-orm";
import { connect } from "../server/db/client.ts";
import { organizations, people } from "../server/db/schema/index.ts";
import {
  healthAnswers,
  seedAdministration,
  seedResponses,
  seedSurvey,
} from "../server/features/survey-results/test-data.ts";
import { createCommunity } from "../server/test/factories.ts";
import { expect, expectAccessible, expectToast, signIn, test } from "./fixtures.ts";

/*
 * Survey results in the browser: a team of the coach and six teachers with two administrations of the
 * health self-assessment (fall and spring, written straight into the e2e database with the results'
 * builder — sending and answering are another screen's), and one with only three answers. The coach
 * opens the results, reads the chart and its table, downloads the CSV, turns the weakest attribute into
 * a goal and lands on it; the hidden state says how many have answered. axe on every screen.
 */

const run = Date.now().toString(36);
const PG_PORT = Number(process.env.E2E_PG_PORT ?? 54340);

let seeded = 0;

async function seed() {
  const n = ++seeded;
  const db = connect(`postgres://lamplight:lamplight@127.0.0.1:${PG_PORT}/lamplight`, 2);
  try {
    const [org] = await db.select().from(organizations).where(eq(organizations.slug, "riverside"));
    const idOf = async (email: string) =>
      (await db.select({ id: people.id }).from(people).where(eq(people.email, email)))[0]?.id as string;
    const coach = await idOf("coach@riverside.example");
    const teachers = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => idOf(`teacher${n}@riverside.example`)));
    const orgId = org?.id as string;
    const team = await createCommunity(db, {
      orgId,
      name: `Health team ${run}-${n}`,
      visibility: "private",
      members: [[coach, "facilitator"], ...teachers.map((id) => [id, "member"] as [string, "member"])],
    });
    const survey = await seedSurvey(db, { orgId, createdBy: coach, title: `Health ${run}-${n}` });
    const base = { orgId, ...survey, createdBy: coach, communityId: team.id, recipients: teachers };
    const day = 24 * 3600_000;
    const fall = await seedAdministration(db, {
      ...base,
      title: `Fall check ${run}`,
      closesAt: new Date(Date.now() - 90 * day),
    });
    const spring = await seedAdministration(db, { ...base, title: `Spring check ${run}` });
    const early = await seedAdministration(db, {
      ...base,
      title: `Early check ${run}`,
      closesAt: new Date(Date.now() + 7 * day),
    });
    const answers = (practice: number, leadership: number) =>
      healthAnswers(
        {
          "shared-leadership": leadership,
          "shared-vision": 3,
          "collective-learning": 4,
          "shared-practice": practice,
          "supportive-conditions": 3,
        },
        { "shared-practice": `We rarely visit each other's rooms ${run}` },
      );
    const six = (practice: number[], leadership: number) =>
      practice.map((p) => ({ answers: answers(p, leadership), role: "educator" }));
    await seedResponses(db, { orgId, administrationId: fall, ...survey }, six([2, 2, 1, 2, 2, 3], 3));
    await seedResponses(db, { orgId, administrationId: spring, ...survey }, six([2, 2, 2, 3, 2, 2], 4));
    await seedResponses(db, { orgId, administrationId: early, ...survey }, six([2, 2, 2], 3));
    return { spring, early };
  } finally {
    await db.$client.end();
  }
}

test("the coach reads the health results, downloads them and turns the weakest attribute into a goal", async ({
  page,
}) => {
  const { spring, early } = await seed();
  await signIn(page, "coach@riverside.example");
  await page.goto(`/survey-administrations/${spring}/results`);
  await expect(page.getByRole("heading", { level: 1, name: `Results: Spring check ${run}` })).toBeVisible();
  await expect(page.getByText("6 responses")).toBeVisible();

  const chart = page.getByRole("figure", { name: "Community health by attribute" });
  await expect(chart).toBeVisible();
  await chart.getByRole("button", { name: "Show table: Community health by attribute" }).click();
  const table = chart.getByRole("table");
  await expect(
    table.getByRole("row", { name: /Shared personal practice 2\.17 0\.37 30 Growth area/ }),
  ).toBeVisible();
  await expect(
    table.getByRole("row", { name: /Collective learning and application 4\.00 0\.00 30 Strength/ }),
  ).toBeVisible();
  await expect(page.getByRole("figure", { name: "Community health term to term" })).toBeVisible();
  await expect(page.getByText(`We rarely visit each other's rooms ${run}`).first()).toBeVisible();
  await expectAccessible(page);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download the results (CSV)" }).click(),
  ]);
  const csv = await readFile((await download.path()) as string, "utf8");
  expect(csv.split("\r\n")[0]).toBe(
    '"Section","Question key","Question","Row","Answer","Count","Percent","Mean","SD"',
  );
  expect(csv).toContain('"Shared personal practice","","","section","",30,"",2.17,0.37');
  expect(csv).not.toContain("rarely visit");

  const growth = page.getByRole("region", { name: "Growth areas" });
  await growth.getByRole("button", { name: "Make this a goal: Shared personal practice" }).click();
  await expectToast(page, "Goal created.");
  await growth.getByRole("link", { name: "Open the goal: Strengthen shared personal practice" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Strengthen shared personal practice" }),
  ).toBeVisible();
  await expect(
    page.getByText("Mean agreement on the shared personal practice statements").first(),
  ).toBeVisible();

  await page.goto(`/survey-administrations/${early}/results`);
  await expect(
    page.getByText("Results appear once at least 5 people have answered; 3 have so far."),
  ).toBeVisible();
  await expectAccessible(page);
});

test("the results fit a phone-sized screen", async ({ page }) => {
  const { spring } = await seed();
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "teacher2@riverside.example");
  await page.goto(`/survey-administrations/${spring}/results`);
  await expect(page.getByRole("heading", { level: 1, name: `Results: Spring check ${run}` })).toBeVisible();
  await expect(page.getByRole("figure", { name: "Community health by attribute" })).toBeVisible();
  // a member reads the results but does not turn them into goals
  await expect(page.getByRole("button", { name: /Make this a goal/ })).toHaveCount(0);
  // nothing wider than the phone: wide tables scroll inside their own region
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page);
});
