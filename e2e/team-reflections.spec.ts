import { eq } from "drizzle-orm";
import { connect } from "../server/db/client.ts";
import { actionItems, communities, decisions } from "../server/db/schema/index.ts";
import { endedMeeting } from "../server/features/minutes/test-meeting.ts";
import { newId } from "../server/lib/ids.ts";
import { orgId, personIdOf } from "../server/test/factories.ts";
import { expect, expectAccessible, expectToast, signedInContext, signIn, test } from "./fixtures.ts";

/*
 * Team reflection in the browser, on the demo's Grade 7 Math Team: the coach starts a reflection on the
 * learning-communities standard; a teacher, on a phone-sized screen, answers a guiding question, rates
 * where the team stands and saves; the coach sees it; a save made on an older version says who saved
 * and keeps the coach's text until she reloads; the ratings make a trend. A teacher reflects on an ended
 * meeting from its minutes, beside its decisions and action items. axe on every screen.
 */

const EVIDENCE =
  "Which evidence about our students' learning did we look at together this term, and what did it tell us?";
const NEXT_STEPS = "Next steps for Continuous improvement";
const RATING = "Where do we stand on Continuous improvement?";
let communityId = "";
let meetingId = "";
let meetingTitle = "";
let decision = "";

const connectToServerDb = () =>
  connect(
    `postgres://lamplight:lamplight@127.0.0.1:${Number(process.env.E2E_PG_PORT ?? 54340)}/lamplight`,
    2,
  );

test.beforeAll(async () => {
  const run = Date.now().toString(36);
  const db = connectToServerDb();
  try {
    const riverside = await orgId(db, "riverside");
    const [team] = await db
      .select({ id: communities.id })
      .from(communities)
      .where(eq(communities.name, "Grade 7 Math Team"));
    communityId = team?.id ?? "";
    const coach = await personIdOf(db, "coach@riverside.example");
    const teacher2 = await personIdOf(db, "teacher2@riverside.example");
    meetingTitle = `Tuning: unit rate task ${run}`;
    decision = `Start unit 4 with ratio tables ${run}`;
    const meeting = await endedMeeting(db, {
      orgId: riverside,
      communityId,
      presenterId: teacher2,
      title: meetingTitle,
      startsAt: new Date(Date.now() - 2 * 86_400_000),
      present: [coach, teacher2],
    });
    meetingId = meeting.id;
    await db
      .insert(decisions)
      .values({ id: newId(), orgId: riverside, meetingId, position: 0, text: decision, createdBy: coach });
    await db.insert(actionItems).values({
      id: newId(),
      orgId: riverside,
      communityId,
      meetingId,
      title: `Bring three work samples ${run}`,
      ownerId: teacher2,
      createdBy: coach,
    });
  } finally {
    await db.$client.end();
  }
});

test("the coach starts a standard reflection, a teacher answers on a phone, a stale save says who saved", async ({
  page,
  browser,
  baseURL,
}) => {
  const run = Date.now().toString(36);
  await signIn(page, "coach@riverside.example");
  await page.goto(`/communities/${communityId}`);
  await page
    .getByRole("region", { name: "Reflection", exact: true })
    .getByRole("link", { name: "All reflections" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Team reflection" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Reflect on the standard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^(Autumn|Spring|Summer) \d{4}$/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Collective responsibility" })).toBeVisible();
  const url = page.url();
  await expectAccessible(page);

  const { context, page: phone } = await signedInContext(browser, baseURL, "teacher1@riverside.example");
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto(url);
  await phone.getByLabel(EVIDENCE, { exact: true }).fill(`Exit tickets on unit rates ${run}`);
  await phone
    .getByRole("radiogroup", { name: RATING })
    .getByRole("radio", { name: /^2 — Developing/ })
    .check();
  await phone.getByRole("button", { name: "Save", exact: true }).click();
  await expectToast(phone, "Reflection saved.");
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(phone);

  await page.reload();
  await expect(page.getByLabel(EVIDENCE, { exact: true })).toHaveValue(`Exit tickets on unit rates ${run}`);
  await expect(
    page.getByRole("radiogroup", { name: RATING }).getByRole("radio", { name: /^2 — Developing/ }),
  ).toBeChecked();
  await expect(page.getByText("Last saved by Jordan Lee")).toBeVisible();

  // The teacher saves again while the coach's page still holds the version before.
  await phone.getByLabel(NEXT_STEPS).fill(`Visit each other's classes ${run}`);
  await phone.getByRole("button", { name: "Save", exact: true }).click();
  await expectToast(phone, "Reflection saved.");
  await context.close();

  await page.getByLabel(NEXT_STEPS).fill(`Coach's plan ${run}`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Jordan Lee saved this reflection at" }),
  ).toBeVisible();
  await expect(page.getByLabel(NEXT_STEPS)).toHaveValue(`Coach's plan ${run}`);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Reload the saved version" }).click();
  await expect(page.getByLabel(NEXT_STEPS)).toHaveValue(`Visit each other's classes ${run}`);

  // The principal observes the team: she reads the reflection without fields to write in.
  const observer = await signedInContext(browser, baseURL, "principal@riverside.example");
  await observer.page.goto(url);
  await expect(observer.page.getByText("You can read this reflection")).toBeVisible();
  await expect(observer.page.getByText(`Visit each other's classes ${run}`)).toBeVisible();
  await expect(observer.page.getByRole("button", { name: "Save", exact: true })).toHaveCount(0);
  await expectAccessible(observer.page);
  await observer.context.close();

  await page.getByRole("link", { name: "All of the team's reflections" }).click();
  await expect(
    page.getByRole("figure", { name: "Where we stand on the standard, term to term" }),
  ).toBeVisible();
  await expectAccessible(page);
});

test("a teacher reflects on an ended meeting from its minutes, beside its decisions", async ({ page }) => {
  const run = Date.now().toString(36);
  await signIn(page, "teacher2@riverside.example");
  await page.goto(`/meetings/${meetingId}/minutes`);
  await page.getByRole("button", { name: "Reflect on this meeting" }).click();
  await expect(page.getByRole("heading", { level: 1, name: meetingTitle })).toBeVisible();
  const minutes = page.getByRole("complementary", { name: "From the minutes" });
  await expect(minutes.getByText(decision)).toBeVisible();
  await expect(minutes.getByText(/Bring three work samples .* — Samuel Okafor/)).toBeVisible();
  await page.getByLabel("How well did we keep our norms?").fill(`We kept to time ${run}`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expectToast(page, "Reflection saved.");
  await expectAccessible(page);

  // Asking again opens the one reflection of this meeting.
  await page.goto(`/meetings/${meetingId}/minutes`);
  await page.getByRole("button", { name: "Reflect on this meeting" }).click();
  await expect(page.getByLabel("How well did we keep our norms?")).toHaveValue(`We kept to time ${run}`);
});

test("the coach reflects on the team's cycle from its page, beside its stage", async ({ page }) => {
  const run = Date.now().toString(36);
  await signIn(page, "coach@riverside.example");
  await page.goto(`/communities/${communityId}`);
  await page
    .getByRole("region", { name: "Improvement cycles" })
    .getByRole("link", { name: "Ratio tables before algorithms" })
    .click();
  await page.getByRole("button", { name: "Reflect on this cycle" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ratio tables before algorithms" })).toBeVisible();
  await expect(page.getByRole("complementary", { name: "The cycle" })).toContainText("Stage");
  await page.getByLabel("What does the evidence say?").fill(`More students use ratio tables ${run}`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expectToast(page, "Reflection saved.");
  await expectAccessible(page);
});
