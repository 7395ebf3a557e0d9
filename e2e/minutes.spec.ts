import { readFile } from "node:fs/promises";
import { and, eq } from "drizzle-orm";
import { connect } from "../server/db/client.ts";
import { communities, memberships } from "../server/db/schema/index.ts";
import { endedMeeting } from "../server/features/minutes/test-meeting.ts";
import { orgId, personIdOf } from "../server/test/factories.ts";
import { expect, expectAccessible, signIn, test } from "./fixtures.ts";

/*
 * After the meeting: the facilitator reads the minutes of a tuning meeting that ended, edits the
 * summary, adds an action item for teacher1 and downloads the Markdown; teacher1 finds the action item
 * on the home page (overdue, said in words) and marks it done. The ended meeting is written straight into
 * the server's database, as the live room leaves it (contributions, attendance, notes, then minutes).
 */

const DAY = 86_400_000;
const TITLE = "Tuning: ratio tables task";
let meetingId = "";
let communityId = "";
let meetingDay = "";

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
    const coach = await personIdOf(db, "coach@riverside.example");
    const teacher1 = await personIdOf(db, "teacher1@riverside.example");
    const teacher2 = await personIdOf(db, "teacher2@riverside.example");
    // Ten days ago, so an action item due the day after the meeting is overdue today.
    const startsAt = new Date(Date.now() - 10 * DAY);
    meetingDay = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Chicago" }).format(startsAt);
    const meeting = await endedMeeting(db, {
      orgId: riverside,
      communityId,
      presenterId: teacher1,
      title: TITLE,
      startsAt,
      present: [coach, teacher1, teacher2],
      cards: [
        { step: 1, kind: "clarifying_question", body: "Which class tried it first?", by: teacher2 },
        { step: 2, kind: "warm_feedback", body: "Students explained their tables aloud.", by: coach },
        {
          step: 3,
          kind: "cool_feedback",
          body: "The last question is too open.",
          by: teacher2,
          anonymous: true,
        },
      ],
      notes: ["Jordan will try the task with period 3. "],
    });
    meetingId = meeting.id;
  } finally {
    await db.$client.end();
  }
});

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

test("the facilitator reads and edits the minutes, adds an action item and downloads them", async ({
  page,
}) => {
  await signIn(page, "coach@riverside.example");
  await page.goto(`/meetings/${meetingId}/minutes`);
  await expect(page.getByRole("heading", { level: 1, name: `Minutes: ${TITLE}` })).toBeVisible();
  await expect(page.getByText("Students explained their tables aloud.")).toBeVisible();
  await expect(page.getByText("Cool feedback — Anonymous")).toBeVisible();
  await expect(page.getByText("Jordan will try the task with period 3.")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Edit summary" }).click();
  await page
    .getByLabel("Meeting summary")
    .fill("We tuned Jordan's ratio task; the last question needs a tighter focus.");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save summary" }).click();
  await expect(page.getByText("The summary is saved.")).toBeVisible();
  await expect(
    page.getByText("We tuned Jordan's ratio task; the last question needs a tighter focus."),
  ).toBeVisible();

  // A due date before the meeting is refused next to the field.
  await page.getByLabel("What").fill("Rewrite the last question and try it with period 3");
  await page.getByLabel("Owner").selectOption({ label: "Jordan Lee" });
  await page.getByLabel("Due").fill("2020-01-01");
  await page.getByRole("button", { name: "Add action item" }).click();
  await expect(
    page.getByText(`Choose a due date on or after the meeting (${meetingDay}).`).first(),
  ).toBeVisible();
  await page.getByLabel("Due").fill(nextDay(meetingDay));
  await page.getByRole("button", { name: "Add action item" }).click();
  await expect(page.getByText("Action item added for Jordan Lee.")).toBeVisible();
  const row = page.getByRole("row", { name: /Rewrite the last question/ });
  await expect(row).toContainText("Jordan Lee");
  await expect(row).toContainText("Overdue");
  await expectAccessible(page);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download Markdown" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`minutes-${meetingDay}-tuning-ratio-tables-task.md`);
  const markdown = await readFile((await download.path()) ?? "", "utf8");
  expect(markdown).toContain(`# ${TITLE}`);
  expect(markdown).toContain("We tuned Jordan's ratio task");
  expect(markdown).toContain("| Rewrite the last question and try it with period 3 | Jordan Lee |");

  await page.getByRole("link", { name: "All minutes of Grade 7 Math Team" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Minutes of Grade 7 Math Team" })).toBeVisible();
  await expect(page.getByText("3 contributions · 0 decisions · 1 action items")).toBeVisible();
  await expectAccessible(page);
});

test("teacher1 sees the action item on the home page and marks it done", async ({ page }) => {
  await signIn(page, "teacher1@riverside.example");
  const mine = page.getByRole("region", { name: "My action items" });
  const item = mine.getByRole("listitem").filter({ hasText: "Rewrite the last question" });
  await expect(item).toContainText("Overdue");
  await expect(item).toContainText(`From ${TITLE}`);
  await expectAccessible(page);
  await item
    .getByRole("button", { name: "Mark done: Rewrite the last question and try it with period 3" })
    .click();
  await expect(
    page.getByText("Marked done: Rewrite the last question and try it with period 3."),
  ).toBeVisible();
  // Done items leave the list (other specs may have given teacher1 other open ones).
  await expect(item).toHaveCount(0);
  await expectAccessible(page);

  await page.goto(`/meetings/${meetingId}/minutes`);
  await expect(page.getByRole("row", { name: /Rewrite the last question/ })).toContainText("Done");
  await expect(page.getByRole("button", { name: "Edit summary" })).toHaveCount(0);
  await expectAccessible(page);
});

/** The principal (an observer of the team) leaves the community while the list is open, then comes back. */
async function setPrincipalMembership(status: "active" | "left") {
  const db = connectToServerDb();
  try {
    const principal = await personIdOf(db, "principal@riverside.example");
    await db
      .update(memberships)
      .set({ status })
      .where(and(eq(memberships.communityId, communityId), eq(memberships.personId, principal)));
  } finally {
    await db.$client.end();
  }
}

test("the facilitator corrects the attendance and updates the minutes", async ({ page }) => {
  await signIn(page, "coach@riverside.example");
  await page.goto(`/meetings/${meetingId}/minutes`);
  const section = page.getByRole("region", { name: "Attendance" });
  // Absent: every member who never joined — Chris, and whoever else earlier specs brought into the team.
  await expect(section.getByRole("term").first()).toHaveText("Present (3)");
  await expect(section.getByRole("definition").first()).toHaveText(
    "Jordan Lee, Priya Natarajan, Samuel Okafor",
  );
  await expect(section.getByRole("definition").nth(1)).toContainText("Chris Novak");
  await expect(page.getByText("Attendance is taken from who joined", { exact: false })).toHaveCount(0);

  await section.getByRole("button", { name: "Edit attendance" }).click();
  const samuel = section.getByRole("checkbox", { name: "Samuel Okafor" });
  const chris = section.getByRole("checkbox", { name: "Chris Novak" });
  await expect(samuel).toBeChecked();
  await expect(chris).not.toBeChecked();
  await expect(section.getByText("Member · joined the room")).toHaveCount(2);
  await expect(section.getByText("Facilitator · joined the room")).toHaveCount(1);
  await expectAccessible(page);

  // Samuel joined but left at once; Chris was there without opening the room.
  await samuel.uncheck();
  await chris.check();
  await expect(section.getByText("Member · corrected by hand")).toHaveCount(2);
  await expect(page.getByText("Your corrections are saved", { exact: false })).toBeVisible();

  // A refusal is shown next to the person it concerns, and their box goes back to what is saved.
  await setPrincipalMembership("left");
  try {
    // click, not check(): the refused box goes back unchecked, maybe before check() would look at it.
    await section.getByRole("checkbox", { name: "Marcus Bell" }).click();
    const marcus = section.getByRole("listitem").filter({ hasText: "Marcus Bell" });
    await expect(marcus).toContainText("This person is not in the meeting's community.");
    await expect(marcus.getByRole("checkbox")).not.toBeChecked();
    await expectAccessible(page);
  } finally {
    await setPrincipalMembership("active");
  }

  await section.getByRole("button", { name: "Update the minutes" }).click();
  await expect(page.getByText("The minutes now show the corrected attendance.")).toBeVisible();
  await expect(section.getByRole("term").first()).toHaveText("Present (3)");
  await expect(section.getByRole("definition").first()).toHaveText(
    "Chris Novak, Jordan Lee, Priya Natarajan",
  );
  await expect(section.getByRole("definition").nth(1)).toContainText("Samuel Okafor");
  await expect(section.getByRole("definition").nth(1)).not.toContainText("Chris Novak");
  await expect(section.getByRole("checkbox")).toHaveCount(0);
  await expectAccessible(page);

  // Reloaded, the corrected minutes are what everyone reads.
  await page.reload();
  const reloaded = page.getByRole("region", { name: "Attendance" }).getByRole("definition");
  await expect(reloaded.first()).toHaveText("Chris Novak, Jordan Lee, Priya Natarajan");
  await expect(reloaded.nth(1)).toContainText("Samuel Okafor");
});
