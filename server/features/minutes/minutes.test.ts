import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attendance, memberships, minutes } from "../../db/schema/index.ts";
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

describe("editing the summary", () => {
  it("saves with the current revision and refuses a stale one with a clear message", async () => {
    const { body } = await coach.get(url());
    const saved = await coach.patch(url(), { summary: "First version.", revision: body.revision });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      summary: "First version.",
      revision: body.revision + 1,
      editedBy: "Priya Natarajan",
    });
    const stale = await coach.patch(url(), { summary: "Written over an old copy.", revision: body.revision });
    expect(stale.status).toBe(409);
    expect(stale.body.errors[0].path).toBe("revision");
    expect(stale.body.detail).toMatch(/Someone else saved the minutes after you opened them/);
    expect((await coach.get(url())).body.summary).toBe("First version.");
  });

  it("names the field when the summary is too long or the revision missing", async () => {
    const long = await coach.patch(url(), { summary: "x".repeat(20_001), revision: 1 });
    expect(long.status).toBe(400);
    expect(long.body.errors).toEqual([
      { path: "summary", message: "Keep the summary under 20,000 characters." },
    ]);
    const noRevision = await coach.patch(url(), { summary: "ok" });
    expect(noRevision.status).toBe(400);
    expect(noRevision.body.errors[0].path).toBe("revision");
  });

  it("is refused to members who are not facilitators (403) and recorded in the audit log", async () => {
    const { body } = await teacher1.get(url());
    expect(body.can).toEqual({ edit: false, recordDecisions: false, addActionItems: false });
    const refused = await teacher1.patch(url(), { summary: "Mine now.", revision: body.revision });
    expect(refused.status).toBe(403);
    const admin = await t.as("admin@riverside.example");
    const audit = await admin.get("/api/v1/audit?action=minutes.edited");
    expect(audit.body.items[0]).toMatchObject({ actorName: "Priya Natarajan" });
    expect(audit.body.items[0].details.meeting).toBe("Tuning: proportional reasoning task");
  });
});

describe("regenerating", () => {
  it("reads corrected attendance again and keeps the summary", async () => {
    const before = (await coach.get(url())).body;
    await coach.patch(url(), { summary: "Kept through regeneration.", revision: before.revision });
    await t.db.insert(attendance).values({
      orgId: meeting.orgId,
      meetingId: meeting.id,
      personId: ids.teacher4 ?? "",
      present: true,
      source: "manual",
    });
    expect(before.record.attendance.present.map((p: { name: string }) => p.name)).not.toContain(
      "Chris Novak",
    );
    const regenerated = await coach.post(`${url()}/regenerate`);
    expect(regenerated.status).toBe(200);
    expect(regenerated.body.summary).toBe("Kept through regeneration.");
    expect(regenerated.body.record.attendance.present.map((p: { name: string }) => p.name)).toContain(
      "Chris Novak",
    );
    expect(regenerated.body.record.attendance.absent).toEqual([]);
    expect((await teacher1.post(`${url()}/regenerate`)).status).toBe(403);
  });
});

describe("exports", () => {
  it("Markdown: a readable file name and everything the minutes say", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: `${url()}.md`,
      headers: { cookie: teacher1.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/markdown");
    expect(response.headers["content-disposition"]).toBe(
      `attachment; filename="minutes-2026-03-12-tuning-proportional-reasoning-task.md"; filename*=UTF-8''minutes-2026-03-12-tuning-proportional-reasoning-task.md`,
    );
    const md = response.body;
    expect(md).toMatch(/^# Tuning: proportional reasoning task\n/);
    expect(md).toContain("Thursday, March 12, 2026 at 4:30 PM (America/Chicago)");
    expect(md).toContain("## Attendance");
    expect(md).toContain("#### Cool feedback (5 min)");
    expect(md).toContain("- **Cool feedback** (Anonymous): Part b gives the answer away.");
    expect(md).toContain("- **Clarifying question** (Samuel Okafor): How long did students have?");
    expect(md).toContain("## Notes\n\nAgreed to try the task again. Jordan will share results.");
    expect(md).not.toContain("I take this one back.");
  });

  it("Markdown: people's text cannot add headings, links or HTML", async () => {
    const { escapeMarkdown } = await import("./markdown.ts");
    expect(escapeMarkdown("# big [x](javascript:alert(1)) <img src=x>")).toBe(
      "\\# big \\[x\\](javascript:alert(1)) \\<img src=x\\>",
    );
  });

  it("PDF: real text, the title in it, several pages when the minutes are long", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: `${url()}.pdf`,
      headers: { cookie: teacher1.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["content-disposition"]).toContain(
      'filename="minutes-2026-03-12-tuning-proportional-reasoning-task.pdf"',
    );
    const pdf = response.rawPayload.toString("latin1");
    expect(pdf.startsWith("%PDF-")).toBe(true);
    expect(pdfText(pdf)).toContain("Tuning: proportional reasoning task");
    expect(pdfText(pdf)).toContain("Part b gives the answer away.");

    // Many cards make a multi-page document.
    const long = await endedMeeting(t.db, {
      orgId: meeting.orgId,
      communityId: meeting.communityId,
      presenterId: ids.teacher1 ?? "",
      title: "A long meeting",
      cards: Array.from({ length: 120 }, (_, n) => ({
        step: 2,
        kind: "warm_feedback" as const,
        body: `Warm card number ${n} with a sentence long enough to wrap onto a second line of the page.`,
        by: ids.teacher2 ?? "",
      })),
    });
    const big = await t.app.inject({
      method: "GET",
      url: `/api/v1/meetings/${long.id}/minutes.pdf`,
      headers: { cookie: coach.cookie },
    });
    const pages = big.rawPayload.toString("latin1").match(/\/Type \/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThan(2);
  });
});

/** The text a PDF shows: pdfkit writes it as hex strings inside TJ arrays (uncompressed here). */
function pdfText(pdf: string): string {
  const arrays = pdf.match(/\[(?:<[0-9a-f]*>\s*-?\d*\s*)+\]\s*TJ/g) ?? [];
  return arrays
    .map((array) =>
      (array.match(/<([0-9a-f]*)>/g) ?? [])
        .map((hex) => Buffer.from(hex.slice(1, -1), "hex").toString("latin1"))
        .join(""),
    )
    .join("\n");
}
