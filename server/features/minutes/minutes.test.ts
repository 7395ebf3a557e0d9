import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberships, minutes } from "../../db/schema/index.ts";
import { type Client, startTestApp, type TestApp } from "../../test/app.ts";
import { orgId as orgIdOf } from "../../test/factories.ts";
import { generateMinutes } from "./generate.ts";
import { type EndedMeeting, endedMeeting } from "./test-meeting.ts";

let t: TestApp;
let coach: Client;
let teacher1: Client;
let meeting: EndedMeeting;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  coach = await t.as("coach@riverside.example");
  teacher1 = await t.as("teacher1@riverside.example");
  for (const who of ["coach", "teacher1", "teacher2", "teacher4", "parent", "principal"])
    ids[who] = await t.personId(`${who}@riverside.example`);
  const orgId = await orgIdOf(t.db, "riverside");
  const communityId = await t.communityId("Grade 7 Math Team");
  // A family partner of the team, who attended this meeting.
  await t.db
    .insert(memberships)
    .values({ orgId, communityId, personId: ids.parent ?? "", role: "partner", status: "active" });
  meeting = await endedMeeting(t.db, {
    orgId,
    communityId,
    presenterId: ids.teacher1 ?? "",
    present: [ids.coach ?? "", ids.teacher1 ?? "", ids.teacher2 ?? "", ids.parent ?? ""],
    cards: [
      { step: 1, kind: "clarifying_question", body: "How long did students have?", by: ids.teacher2 ?? "" },
      { step: 2, kind: "warm_feedback", body: "The context is one they care about.", by: ids.coach ?? "" },
      {
        step: 3,
        kind: "cool_feedback",
        body: "Part b gives the answer away.",
        by: ids.teacher2 ?? "",
        anonymous: true,
      },
      { step: 3, kind: "cool_feedback", body: "I take this one back.", by: ids.coach ?? "", retracted: true },
      { item: 1, step: 0, kind: "note", body: "Start the unit on the 14th.", by: ids.coach ?? "" },
    ],
    notes: ["Agreed to try the task again. ", "Jordan will share results."],
  });
});
afterAll(() => t.close());

const url = () => `/api/v1/meetings/${meeting.id}/minutes`;

describe("generated minutes", () => {
  it("put each contribution under its step, anonymous ones without a name, retracted ones left out", async () => {
    const { status, body } = await teacher1.get(url());
    expect(status).toBe(200);
    const [tuning, discussion] = body.record.items;
    expect(tuning.protocol).toEqual({ name: "Test tuning", version: 1 });
    expect(tuning.presenter.name).toBe("Jordan Lee");
    expect(tuning.focusingQuestion).toBe("Does the task push students past additive thinking?");
    expect(tuning.steps.map((s: { title: string }) => s.title)).toEqual([
      "Presentation",
      "Clarifying questions",
      "Warm feedback",
      "Cool feedback",
      "Reflection",
    ]);
    expect(tuning.steps[1].contributions).toMatchObject([
      { kind: "clarifying_question", body: "How long did students have?", author: "Samuel Okafor" },
    ]);
    expect(tuning.steps[2].contributions[0]).toMatchObject({ author: "Priya Natarajan" });
    expect(tuning.steps[3].contributions).toEqual([
      expect.objectContaining({ body: "Part b gives the answer away.", author: null }),
    ]);
    expect(JSON.stringify(body)).not.toContain("I take this one back.");
    expect(discussion.steps).toEqual([]);
    expect(discussion.contributions[0].body).toBe("Start the unit on the 14th.");
  });

  it("record the shared notes (state and unfolded updates), attendance and the meeting", async () => {
    const { body } = await coach.get(url());
    expect(body.record.notes).toBe("Agreed to try the task again. Jordan will share results.");
    const names = (list: { name: string }[]) => list.map((p) => p.name);
    expect(names(body.record.attendance.present)).toEqual([
      "Grace Thompson",
      "Jordan Lee",
      "Priya Natarajan",
      "Samuel Okafor",
    ]);
    // Chris Novak is a member who never joined; the principal is an observer (not counted absent).
    expect(names(body.record.attendance.absent)).toEqual(["Chris Novak"]);
    expect(body.record.meeting).toMatchObject({
      title: "Tuning: proportional reasoning task",
      timeZone: "America/Chicago",
    });
    expect(body.record.community.name).toBe("Grade 7 Math Team");
    expect(body.meeting.status).toBe("ended");
    expect(body.record.version).toBe(1);
  });

  it("are written once however often generation runs, keeping the summary", async () => {
    const before = (await coach.get(url())).body;
    await coach.patch(url(), { summary: "We tuned Jordan's task.", revision: before.revision });
    await t.db.transaction((tx) => generateMinutes(tx, meeting));
    await Promise.all([
      t.db.transaction((tx) => generateMinutes(tx, meeting)),
      t.db.transaction((tx) => generateMinutes(tx, meeting)),
    ]);
    const rows = await t.db.select().from(minutes).where(eq(minutes.meetingId, meeting.id));
    expect(rows).toHaveLength(1);
    const after = (await coach.get(url())).body;
    expect(after.summary).toBe("We tuned Jordan's task.");
    expect(after.record.items[0].steps[1].contributions).toHaveLength(1);
  });
});
