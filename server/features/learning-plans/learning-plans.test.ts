import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schoolYearOf } from "../../../shared/schemas/learning-plans.ts";
import { type Client, startTestApp, type TestApp } from "../../test/app.ts";
import { createCommunity, createPerson, orgId, schoolId } from "../../test/factories.ts";
import { createMeeting } from "../../test/meeting-factories.ts";

/*
 * A teacher's learning plan for a school year: hers alone (others, administrators included, 404), made by
 * its first write — once, even when two arrive together — with goals, activities, hours and totals, and
 * journal entries added to it once.
 */

let t: TestApp;
let ana: Client;
let ben: Client;
let admin: Client;
let teamId: string;
let theirTeamId: string;
let meetingId: string;
let theirMeetingId: string;
const YEAR = "2026-27";
const plan = (year = YEAR) => `/api/v1/learning-plans/${year}`;

beforeAll(async () => {
  t = await startTestApp();
  const org = await orgId(t.db, "riverside");
  const school = await schoolId(t.db, "Riverside Elementary");
  const mk = (email: string) =>
    createPerson(t.db, { orgId: org, email, schoolIds: [school], canSignIn: true });
  const [a, b] = await Promise.all([mk("plan-ana@riverside.example"), mk("plan-ben@riverside.example")]);
  teamId = (await createCommunity(t.db, { orgId: org, visibility: "private", members: [[a.id, "member"]] }))
    .id;
  theirTeamId = (
    await createCommunity(t.db, { orgId: org, visibility: "private", members: [[b.id, "member"]] })
  ).id;
  meetingId = (await createMeeting(t.db, { orgId: org, communityId: teamId, title: "Data meeting" })).id;
  theirMeetingId = (await createMeeting(t.db, { orgId: org, communityId: theirTeamId })).id;
  ana = await t.signIn(a.email);
  ben = await t.signIn(b.email);
  admin = await t.as("admin@riverside.example");
});
afterAll(() => t.close());

describe("a learning plan", () => {
  it("is an empty plan until the first write, for the current year by default", async () => {
    const empty = await ana.get(plan("current"));
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({
      id: null,
      version: 0,
      goals: [],
      activities: [],
      totals: { hours: 0 },
    });
    expect(empty.body.schoolYear).toBe(schoolYearOf(new Date().toISOString().slice(0, 10)));
    expect(empty.body.years).toContain(empty.body.currentYear);
  });

  it("is created once when two first writes arrive together", async () => {
    const [a, b] = await Promise.all([
      ben.post(`${plan()}/goals`, { title: "Questioning" }),
      ben.post(`${plan()}/goals`, { title: "Discourse" }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    const rows = await t.db.execute(
      sql`select count(*)::int as n from learning_plans p join people pe on pe.id = p.person_id
          where pe.email = 'plan-ben@riverside.example' and p.school_year = ${YEAR}`,
    );
    expect(rows.rows[0]).toEqual({ n: 1 });
    expect((await ben.get(plan())).body.goals.map((g: { title: string }) => g.title).sort()).toEqual([
      "Discourse",
      "Questioning",
    ]);
  });

  it("is its owner's alone: a goal or activity of someone else's plan is 404, administrators included", async () => {
    const made = await ana.post(`${plan()}/goals`, { title: "Small-group instruction" });
    const goalId = made.body.goals[0].id;
    for (const other of [ben, admin]) {
      expect((await other.patch(`${plan()}/goals/${goalId}`, { title: "Mine now" })).status).toBe(404);
      expect((await other.delete(`${plan()}/goals/${goalId}`)).status).toBe(404);
      const theirs = await other.get(plan());
      expect(JSON.stringify(theirs.body)).not.toContain("Small-group instruction");
    }
  });

  it("keeps activities with hours and adds them up per goal and per kind", async () => {
    const { body: p } = await ana.get(plan());
    const goalId = p.goals[0].id;
    await ana.post(`${plan()}/activities`, {
      kind: "course",
      title: "Math course",
      hours: 3.5,
      happenedOn: "2026-10-10",
      learningGoalId: goalId,
      evidence: "https://example.org/certificate",
    });
    await ana.post(`${plan()}/activities`, {
      kind: "community",
      title: "Team",
      hours: 1.25,
      communityId: teamId,
    });
    const { body } = await ana.post(`${plan()}/activities`, { kind: "chat", title: "Chat", hours: 0.25 });
    expect(body.totals).toEqual({
      hours: 5,
      byGoal: [
        { learningGoalId: goalId, hours: 3.5 },
        { learningGoalId: null, hours: 1.5 },
      ],
      byKind: [
        { kind: "community", hours: 1.25 },
        { kind: "course", hours: 3.5 },
        { kind: "chat", hours: 0.25 },
      ],
    });
    const course = body.activities.find((a: { title: string }) => a.title === "Math course");
    const edited = await ana.patch(`${plan()}/activities/${course.id}`, { hours: 4 });
    expect(edited.body.totals.hours).toBe(5.5);
    expect((await ben.patch(`${plan()}/activities/${course.id}`, { hours: 9 })).status).toBe(404);
    const removed = await ana.delete(`${plan()}/activities/${course.id}`);
    expect(removed.body.totals.hours).toBe(1.5);
  });

  it("refuses bad input field by field", async () => {
    const bad = async (body: object, path: string) => {
      const r = await ana.post(`${plan()}/activities`, { kind: "course", title: "x", ...body });
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
      return r.body.errors[0].message;
    };
    expect(await bad({ hours: 1.3 }, "hours")).toBe("Use quarter hours: 1, 1.25, 1.5 or 1.75.");
    expect(await bad({ hours: 1001 }, "hours")).toBe("Enter at most 1,000 hours.");
    expect(await bad({ kind: "party" }, "kind")).toBe("Choose what kind of learning it was.");
    expect(await bad({ happenedOn: "2027-08-01" }, "happenedOn")).toContain("2026–27 school year");
    expect(await bad({ communityId: theirTeamId }, "communityId")).toBe("Choose a community you belong to.");
    expect(await bad({ title: "" }, "title")).toBe("Name the activity.");
    expect(await bad({ meetingId: theirMeetingId }, "meetingId")).toBe(
      "Choose a meeting of a community you belong to.",
    );
    const theirEntry = await ben.post("/api/v1/journal-entries", { body: "Mine." });
    expect(await bad({ journalEntryId: theirEntry.body.id }, "journalEntryId")).toBe(
      "Choose one of your own journal entries.",
    );
    const ok = await ana.post(`${plan()}/activities`, {
      kind: "meeting",
      title: "Data",
      communityId: teamId,
      meetingId,
    });
    expect(ok.body.activities.find((a: { title: string }) => a.title === "Data").meeting).toEqual({
      id: meetingId,
      title: "Data meeting",
    });
    const goal = await ana.post(`${plan()}/goals`, { title: "x", status: "done" });
    expect(goal.body.errors[0].path).toBe("status");
    const theirGoal = (await ben.get(plan())).body.goals[0].id;
    expect(await bad({ learningGoalId: theirGoal }, "learningGoalId")).toBe(
      "Choose one of the learning goals of this plan.",
    );
    expect((await ana.get("/api/v1/learning-plans/2026-28")).body.errors[0].path).toBe("year");
  });

  it("keeps the year's reflection, refusing a stale save (409)", async () => {
    const { body: p } = await ana.get(plan());
    const saved = await ana.patch(plan(), {
      version: p.version,
      reflection: "I learned to wait.",
      modelingForStudents: "I think aloud.",
    });
    expect(saved.status).toBe(200);
    const stale = await ana.patch(plan(), { version: p.version, reflection: "Older." });
    expect(stale.status).toBe(409);
    expect(stale.body.errors[0].path).toBe("version");
    expect((await ana.get(plan())).body).toMatchObject({
      reflection: "I learned to wait.",
      modelingForStudents: "I think aloud.",
    });
  });

  it("takes a journal entry once, as a reflection under a new learning goal", async () => {
    const entry = await ana.post("/api/v1/journal-entries", {
      body: "Wait time works.",
      writtenOn: "2026-11-02",
    });
    const add = () =>
      ana.post(`/api/v1/journal-entries/${entry.body.id}/learning-plan`, { newGoalTitle: "Wait time" });
    const [first, second] = await Promise.all([add(), add()]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    const { body } = await ana.get(plan());
    const made = body.activities.filter(
      (a: { journalEntry: { id: string } | null }) => a.journalEntry?.id === entry.body.id,
    );
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ kind: "reflection", happenedOn: "2026-11-02" });
    expect(body.goals.filter((g: { title: string }) => g.title === "Wait time")).toHaveLength(1);
    expect(made[0].learningGoalId).toBe(
      body.goals.find((g: { title: string }) => g.title === "Wait time").id,
    );
    expect((await ana.get(`/api/v1/journal-entries/${entry.body.id}`)).body.inLearningPlan).toMatchObject({
      schoolYear: YEAR,
    });
    expect(
      (await ben.post(`/api/v1/journal-entries/${entry.body.id}/learning-plan`, { newGoalTitle: "x" }))
        .status,
    ).toBe(404);
  });
});
