import type { Page } from "@playwright/test";
import { sql } from "drizzle-orm";
import { connect } from "../server/db/client.ts";
import { createArtifact, createExemplar } from "../server/test/exemplar-factories.ts";
import { orgId, personIdOf } from "../server/test/factories.ts";
import { expect, expectAccessible, signedInContext, signIn, test } from "./fixtures.ts";

/*
 * The bell and the exemplar library. Work samples are written straight into the server's database
 * (the upload screens are another feature's); everything else goes through the app: a colleague's
 * nomination reaches the facilitator's bell, the notifications page, its settings, and the library's
 * filters for a teacher of another school.
 */

const run = Date.now().toString(36);
const QUIZ = `Ratio quiz ${run}`;
const ESSAY = `Annotated argument essay ${run}`;
const TICKET = `Unit rate exit ticket ${run}`;
const WAITING = `Percent change task ${run}`;
const PANEL = `Proportional reasoning exit slip ${run}`;
let panelId = "";
const STANDARD = `CCSS.MATH.7.RP.A.2`;
let ticketId = "";
let teamId = "";

test.beforeAll(async () => {
  const db = connect(
    `postgres://lamplight:lamplight@127.0.0.1:${Number(process.env.E2E_PG_PORT ?? 54340)}/lamplight`,
    2,
  );
  try {
    const riverside = await orgId(db, "riverside");
    const team = await db.execute<{ id: string }>(
      sql`select id from communities where name = 'Grade 7 Math Team'`,
    );
    teamId = team.rows[0]?.id ?? "";
    const [teacher1, teacher2, coach] = await Promise.all(
      ["teacher1", "teacher2", "coach"].map((p) => personIdOf(db, `${p}@riverside.example`)),
    );
    const work = (title: string, extra: Partial<Parameters<typeof createArtifact>[1]> = {}) =>
      createArtifact(db, { orgId: riverside, communityId: teamId, ownerId: teacher1 ?? "", title, ...extra });
    const quiz = await work(QUIZ, {
      subjects: ["Mathematics"],
      gradeBands: ["6-8"],
      standards: [STANDARD],
      topics: ["Proportional reasoning"],
    });
    const essay = await work(ESSAY, {
      kind: "student_work",
      containsStudentWork: true,
      subjects: ["Literacy"],
    });
    for (const artifact of [quiz, essay])
      await createExemplar(db, {
        orgId: riverside,
        artifactId: artifact.id,
        nominatedBy: teacher2 ?? "",
        reviewedBy: coach ?? "",
        status: "approved",
        note: "Every question targets one idea, and the last asks students to explain.",
      });
    ticketId = (await work(TICKET, { subjects: ["Mathematics"] })).id;
    panelId = (await work(PANEL, { subjects: ["Mathematics"], standards: [STANDARD] })).id;
    const waiting = await work(WAITING, { subjects: ["Mathematics"] });
    await createExemplar(db, { orgId: riverside, artifactId: waiting.id, nominatedBy: teacher2 ?? "" });
  } finally {
    await db.$client.end();
  }
});

const bell = (page: Page) => page.getByRole("link", { name: /^Notifications/ });
async function unreadOf(page: Page): Promise<number> {
  const name = (await bell(page).textContent()) ?? "";
  return Number(/(\d+) unread/.exec(name)?.[1] ?? 0);
}

test("a colleague's nomination reaches the facilitator's bell; the notifications page and its settings", async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page, "coach@riverside.example");
  await expect(bell(page)).toBeVisible();
  const before = await unreadOf(page);

  const colleague = await signedInContext(browser, baseURL, "teacher2@riverside.example");
  const nominated = await colleague.page.request.post(`/api/v1/artifacts/${ticketId}/exemplar`, {
    data: { note: "Short, and it shows who can explain a unit rate." },
    headers: { origin: baseURL ?? "" },
  });
  expect(nominated.status()).toBe(201);
  await colleague.context.close();

  // The bell polls every 30 seconds and asks again when the window regains focus: coming back to the
  // window brings the number without a reload (the poll alone would within 30 s).
  await page.evaluate(() => window.dispatchEvent(new Event("focus")));
  await expect(bell(page)).toHaveAccessibleName(`Notifications, ${before + 1} unread`, { timeout: 45_000 });
  await bell(page).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  const sentence = page.getByRole("link", { name: `Samuel Okafor nominated ${TICKET} as an exemplar` });
  await expect(sentence).toBeVisible();
  await expectAccessible(page);

  // Muting is saved per change.
  const mute = page.getByRole("checkbox", { name: "Exemplar nominations and reviews" });
  await mute.check();
  await expect(page.getByText("Notification settings saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Exemplar nominations and reviews" })).toBeChecked();
  await page.getByRole("checkbox", { name: "Exemplar nominations and reviews" }).uncheck();
  await expect(page.getByRole("checkbox", { name: "Exemplar nominations and reviews" })).not.toBeChecked();

  // Opening it marks it read, then "Mark all as read" clears the bell.
  await page.getByRole("link", { name: `Samuel Okafor nominated ${TICKET} as an exemplar` }).click();
  await expect(page).toHaveURL(new RegExp(`/artifacts/${ticketId}`));
  await page.goto("/notifications");
  await expect(bell(page)).toHaveAccessibleName(
    before === 0 ? "Notifications" : `Notifications, ${before} unread`,
  );
  if (before > 0) {
    await page.getByRole("button", { name: "Mark all as read" }).click();
    await expect(bell(page)).toHaveAccessibleName("Notifications");
  }
  await page.getByRole("link", { name: "Unread", exact: true }).click();
  await expect(page.getByText("You are all caught up")).toBeVisible();
  await expectAccessible(page);
});

test("the exemplar library: filters for a teacher of another school, the review queue for the coach", async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page, "teacher3@riverside.example");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Exemplars" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Exemplars" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Standard").fill(STANDARD);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("link", { name: QUIZ })).toBeVisible();
  await expect(page.getByRole("link", { name: ESSAY })).toHaveCount(0);
  const quizCard = page.locator(".exemplar-card", { has: page.getByRole("link", { name: QUIZ }) });
  await expect(quizCard.getByText("Approved by Priya Natarajan")).toBeVisible();

  await page.getByRole("button", { name: "Clear filters" }).click();
  await page.getByLabel("Kind of work").selectOption("student_work");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("link", { name: ESSAY })).toBeVisible();
  await expect(page.getByRole("link", { name: QUIZ })).toHaveCount(0);
  await expect(page.getByText("Contains student work (district only)").first()).toBeVisible();

  await page.getByLabel("Topic").fill(`nothing-like-this-${run}`);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No exemplars match")).toBeVisible();
  await expectAccessible(page);
  // Not a reviewer: no queue.
  await expect(page.getByRole("heading", { name: "Waiting for review" })).toHaveCount(0);

  const coach = await signedInContext(browser, baseURL, "coach@riverside.example");
  await coach.page.goto("/exemplars");
  const queue = coach.page.getByRole("region", { name: "Waiting for review" });
  await expect(queue.getByRole("link", { name: WAITING })).toBeVisible();
  await expectAccessible(coach.page);
  await coach.context.close();

  const parent = await signedInContext(browser, baseURL, "parent@riverside.example");
  await parent.page.goto("/exemplars");
  await expect(
    parent.page.getByText("The exemplar library is for the district's educators and leaders."),
  ).toBeVisible();
  await parent.context.close();
});

test("the exemplar panel on the artifact page: nominate, approve, take it back to my classroom", async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page, "teacher2@riverside.example");
  await page.goto(`/artifacts/${panelId}`);
  const panel = page.getByRole("region", { name: "Exemplar" });
  await expect(panel.getByText("Not an exemplar yet.")).toBeVisible();
  await panel.getByRole("button", { name: "Nominate as an exemplar" }).click();
  const dialog = page.getByRole("dialog", { name: `Nominate “${PANEL}” as an exemplar` });
  await dialog.getByRole("button", { name: "Send nomination" }).click();
  await expect(dialog.getByText("Say why this work is exemplary.").first()).toBeVisible();
  await expectAccessible(page);
  await dialog
    .getByLabel("Why is this work exemplary?")
    .fill("Three questions, each aimed at one misconception.");
  await dialog.getByRole("button", { name: "Send nomination" }).click();
  await expect(panel.getByText("Nominated as an exemplar by Samuel Okafor")).toBeVisible();
  await expect(panel.getByRole("button", { name: "Withdraw nomination" })).toBeVisible();
  await expectAccessible(page);

  const coach = await signedInContext(browser, baseURL, "coach@riverside.example");
  await coach.page.goto(`/artifacts/${panelId}`);
  const coachPanel = coach.page.getByRole("region", { name: "Exemplar" });
  await coachPanel.getByRole("button", { name: "Approve exemplar" }).click();
  const approve = coach.page.getByRole("dialog", { name: "Approve this exemplar" });
  await approve.getByLabel("Note to the nominator").fill("A model for our unit.");
  await approve.getByRole("button", { name: "Approve exemplar" }).click();
  await expect(coachPanel.getByText(/Approved by Priya Natarajan/)).toBeVisible();
  await expectAccessible(coach.page);
  await coach.context.close();

  const elsewhere = await signedInContext(browser, baseURL, "teacher3@riverside.example");
  await elsewhere.page.goto(`/artifacts/${panelId}`);
  const theirPanel = elsewhere.page.getByRole("region", { name: "Exemplar" });
  await theirPanel.getByRole("button", { name: "Copy to my work" }).click();
  await expect(
    theirPanel.getByText(`Adapted from “${PANEL}” by Jordan Lee (Grade 7 Math Team, Riverside Middle)`),
  ).toBeVisible();
  await expectAccessible(elsewhere.page);
  await theirPanel.getByRole("link", { name: "Open your copy" }).click();
  await expect(elsewhere.page.getByRole("heading", { level: 1, name: PANEL })).toBeVisible();
  await expect(elsewhere.page).not.toHaveURL(new RegExp(panelId));
  await expect(elsewhere.page.getByText(/Adapted from/)).toBeVisible();
  await elsewhere.context.close();
});
