import { eq } from "drizzle-orm";
import { connect } from "../server/db/client.ts";
import { communities } from "../server/db/schema/index.ts";
import { endedMeeting } from "../server/features/minutes/test-meeting.ts";
import {
  allowAnonymousFeedback,
  createArtifact,
  presentOnAgendaItem,
} from "../server/test/artifact-factories.ts";
import { orgId, personIdOf } from "../server/test/factories.ts";
import { createMeeting } from "../server/test/meeting-factories.ts";
import { expect, expectAccessible, signedInContext, signIn, test } from "./fixtures.ts";

/*
 * Feedback around work samples: a facilitator allows anonymous feedback in the community's settings and
 * links a work sample to a protocol run on the agenda; a colleague gives named and anonymous feedback on
 * the artifact page, the presenter answers a question and sees the cards of a past tuning meeting. The
 * work sample and the past meeting are written straight into the server's database.
 */

const SAMPLE = "Ratio quiz (feedback spec)";
const MEETING = "Feedback spec tuning";
let communityId = "";
let meetingId = "";
let artifactId = "";

const connectToServerDb = () =>
  connect(
    `postgres://lamplight:lamplight@127.0.0.1:${Number(process.env.E2E_PG_PORT ?? 54340)}/lamplight`,
    2,
  );

test.beforeAll(async () => {
  const db = connectToServerDb();
  try {
    const riverside = await orgId(db, "riverside");
    const [team] = await db
      .select({ id: communities.id })
      .from(communities)
      .where(eq(communities.name, "Grade 7 Math Team"));
    communityId = team?.id ?? "";
    const teacher1 = await personIdOf(db, "teacher1@riverside.example");
    artifactId = (
      await createArtifact(db, {
        orgId: riverside,
        communityId,
        ownerId: teacher1,
        title: SAMPLE,
        rubricCriteria: ["Reasoning", "Precision"],
      })
    ).id;
    const coach = await personIdOf(db, "coach@riverside.example");
    const past = await endedMeeting(db, {
      orgId: riverside,
      communityId,
      presenterId: teacher1,
      title: "Tuning the ratio quiz",
      startsAt: new Date(Date.now() - 40 * 86_400_000),
      generate: false,
      cards: [{ step: 2, kind: "warm_feedback", body: "The context is one students know.", by: coach }],
    });
    await presentOnAgendaItem(db, past.itemIds[0] ?? "", artifactId);
    // Far enough ahead that no other spec's meeting of the team overlaps it.
    const startsAt = new Date(Date.now() + 200 * 86_400_000);
    meetingId = (await createMeeting(db, { orgId: riverside, communityId, title: MEETING, startsAt })).id;
  } finally {
    await db.$client.end();
  }
});

test("a facilitator allows anonymous feedback in the community's settings", async ({ page }) => {
  await signIn(page, "coach@riverside.example");
  await page.goto(`/communities/${communityId}/edit`);
  const allow = page.getByRole("checkbox", { name: "Allow anonymous feedback on work samples" });
  await expect(allow).not.toBeChecked();
  await allow.check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Grade 7 Math Team" })).toBeVisible();
  await page.goto(`/communities/${communityId}/edit`);
  await expect(allow).toBeChecked();
});

test.afterAll(async () => {
  // Back as it was, for the specs after this one.
  const db = connectToServerDb();
  try {
    await allowAnonymousFeedback(db, communityId, false);
  } finally {
    await db.$client.end();
  }
});

test("a facilitator links a work sample to a protocol run on the agenda", async ({ page }) => {
  await signIn(page, "coach@riverside.example");
  await page.goto(`/meetings/${meetingId}`);
  await expect(page.getByRole("heading", { level: 1, name: MEETING })).toBeVisible();
  await page.getByRole("button", { name: "Add an agenda item" }).click();
  const dialog = page.getByRole("dialog", { name: "Add an agenda item" });
  await dialog.getByLabel("Protocol", { exact: true }).selectOption({ label: "Tuning protocol · 60 min" });
  const sample = dialog.getByLabel("Work sample presented");
  await expect(sample.getByRole("option", { name: SAMPLE })).toBeAttached();
  await sample.selectOption({ label: SAMPLE });
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Add item" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("link", { name: `Work sample: ${SAMPLE}` })).toHaveAttribute(
    "href",
    `/artifacts/${artifactId}`,
  );
});

test("a colleague gives feedback on a work sample and the presenter answers the question", async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page, "teacher2@riverside.example");
  await page.goto(`/artifacts/${artifactId}`);
  const panel = page.getByRole("region", { name: "Feedback" });
  await expect(panel.getByRole("heading", { name: "Given in meetings" })).toBeVisible();
  await expect(panel.getByText("The context is one students know.")).toBeVisible();
  await expect(panel.getByText("Given in the meeting")).toBeVisible();
  await expectAccessible(page);

  // Bad input shows next to the field.
  await panel.getByRole("button", { name: "Give feedback" }).click();
  await expect(panel.getByText("Enter your feedback.").first()).toBeVisible();

  await panel.getByRole("radio", { name: "Warm" }).check();
  await panel.getByLabel("Your feedback").fill("Question 3 connects ratios to recipes students know.");
  await panel.getByLabel("Rubric criterion").selectOption({ label: "Reasoning" });
  await panel.getByRole("button", { name: "Give feedback" }).click();
  await expect(page.getByText("Thank you: your feedback is shared with the presenter.")).toBeVisible();
  const warm = panel.getByRole("listitem").filter({ hasText: "Question 3 connects ratios" });
  await expect(warm.getByText("Criterion: Reasoning")).toBeVisible();

  await panel.getByRole("radio", { name: "Clarifying question" }).check();
  await panel.getByLabel("Your feedback").fill("How long do students get for the quiz?");
  await panel.getByRole("checkbox", { name: "Give it anonymously" }).check();
  await panel.getByRole("button", { name: "Give feedback" }).click();
  const question = panel.getByRole("listitem").filter({ hasText: "How long do students get" });
  await expect(question.getByText("Not answered yet.")).toBeVisible();
  await expect(question.getByRole("button", { name: /^Withdraw your feedback/ })).toBeVisible();
  await expectAccessible(page);

  // The presenter sees the question as anonymous, answers it, and cannot give themselves feedback.
  const presenter = await signedInContext(browser, baseURL, "teacher1@riverside.example");
  try {
    const own = presenter.page;
    await own.goto(`/artifacts/${artifactId}`);
    const ownPanel = own.getByRole("region", { name: "Feedback" });
    const asked = ownPanel.getByRole("listitem").filter({ hasText: "How long do students get" });
    await expect(asked.getByText("Anonymous, on version 1")).toBeVisible();
    await expect(ownPanel.getByRole("button", { name: "Give feedback" })).toHaveCount(0);
    await asked.getByRole("button", { name: /^Answer the question: How long/ }).click();
    const dialog = own.getByRole("dialog", { name: "Answer the question" });
    await dialog.getByLabel("Your answer").fill("Twenty minutes, calculators allowed.");
    await expectAccessible(own);
    await dialog.getByRole("button", { name: "Save answer" }).click();
    await expect(dialog).toBeHidden();
    await expect(asked.getByText("Twenty minutes, calculators allowed.")).toBeVisible();
  } finally {
    await presenter.context.close();
  }

  // The colleague sees the answer and withdraws their question.
  await page.reload();
  await expect(question.getByText("Twenty minutes, calculators allowed.")).toBeVisible();
  await question.getByRole("button", { name: /^Withdraw your feedback/ }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Withdraw" }).click();
  await expect(page.getByText("Your feedback is withdrawn.")).toBeVisible();
  await expect(question).toHaveCount(0);
});
