import { eq } from "drizzle-orm";
import { connect } from "../server/db/client.ts";
import { communities } from "../server/db/schema/index.ts";
import { createArtifact } from "../server/test/artifact-factories.ts";
import { orgId, personIdOf } from "../server/test/factories.ts";
import { createMeeting } from "../server/test/meeting-factories.ts";
import { expect, expectAccessible, signIn, test } from "./fixtures.ts";

/*
 * Feedback around work samples: a facilitator allows anonymous feedback in the community's settings and
 * links a work sample to a protocol run on the agenda. The work sample is written straight into the
 * server's database (as the artifact page would create it).
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
  // Back as it was, for the specs after this one.
  await allow.uncheck();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Grade 7 Math Team" })).toBeVisible();
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
