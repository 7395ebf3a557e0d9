import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, studentGroups } from "../../db/schema/index.ts";
import { type Client, startTestApp, type TestApp } from "../../test/app.ts";
import { createCommunity, createPerson, orgId, personIdOf, schoolId } from "../../test/factories.ts";
import { createClass, createStudent, enrollStudent, enrollTeacher } from "../../test/student-factories.ts";
import { seedAssessment } from "./test-data.ts";

/*
 * Groups as a teacher, a coach, a leader, a partner and another district meet them: suggestions hold only
 * the reader's own students (names logged), a saved group never shows anyone a student they could not
 * read, a stale adjustment is a 409, and the export is a spreadsheet with formula cells kept as text.
 */

let t: TestApp;
let assessmentId: string;
const s: Record<string, string> = {};
let teacher: Client; // teaches class A (s1 40%, s2 100% on 7.RP.1)
let colleague: Client; // teaches class B (s3, s4)
let admin: Client;
let anaId: string;
let teamId: string;

beforeAll(async () => {
  t = await startTestApp();
  const org = await orgId(t.db, "riverside");
  const school = await schoolId(t.db, "Riverside Elementary");
  const mk = (email: string) =>
    createPerson(t.db, {
      orgId: org,
      email,
      schoolIds: [school],
      canSignIn: true,
      name: email.split("@")[0],
    });
  const ana = await mk("groups-ana@riverside.example");
  const ben = await mk("groups-ben@riverside.example");
  anaId = ana.id;
  const coach = await personIdOf(t.db, "coach@riverside.example");
  const partner = await personIdOf(t.db, "parent@riverside.example");
  const team = await createCommunity(t.db, {
    orgId: org,
    visibility: "organization",
    schoolIds: [school],
    members: [
      [coach, "facilitator"],
      [ana.id, "member"],
      [ben.id, "member"],
      [partner, "partner"],
    ],
  });
  teamId = team.id;
  const classA = await createClass(t.db, { orgId: org, schoolId: school, title: "Math 7 A" });
  const classB = await createClass(t.db, { orgId: org, schoolId: school, title: "Math 7 B" });
  await enrollTeacher(t.db, org, classA.id, ana.id);
  await enrollTeacher(t.db, org, classB.id, ben.id);
  const names = { s1: "Avery", s2: "Baker", s3: "Chen", s4: "Diaz" };
  for (const [key, familyName] of Object.entries(names)) {
    const student = await createStudent(t.db, {
      orgId: org,
      givenName: key === "s1" ? "=cmd()" : "Kid",
      familyName,
      schoolIds: [school],
    });
    s[key] = student.id;
    await enrollStudent(t.db, org, ["s1", "s2"].includes(key) ? classA.id : classB.id, student.id);
  }
  const score = (q1: number, q2: number, q3: number) => ({ Q1: q1, Q2: q2, Q3: q3 });
  assessmentId = (
    await seedAssessment(t.db, {
      orgId: org,
      communityId: team.id,
      createdBy: coach,
      items: [
        { label: "Q1", standard: "7.RP.1", maxPoints: 2 },
        { label: "Q2", standard: "7.RP.1", maxPoints: 3 },
        { label: "Q3", standard: "7.RP.2", maxPoints: 1 },
      ],
      // On 7.RP.1 (5 points): s1 2/5 = 40%, s2 5/5, s3 4/5 = 80% (exactly mastery), s4 3/5 = 60%.
      scores: {
        [s.s1 as string]: score(1, 1, 1),
        [s.s2 as string]: score(2, 3, 0),
        [s.s3 as string]: score(2, 2, 1),
        [s.s4 as string]: score(0, 3, 1),
      },
    })
  ).id;
  teacher = await t.signIn(ana.email);
  colleague = await t.signIn(ben.email);
  admin = await t.as("admin@riverside.example");
});
afterAll(() => t.close());

const suggestions = (c: Client, standard = "7.RP.1") =>
  c.get(`/api/v1/assessments/${assessmentId}/group-suggestions?standard=${encodeURIComponent(standard)}`);
const ids = (list: { id: string }[]) => list.map((x) => x.id);

describe("suggestions", () => {
  it("give a teacher her own students only, by name, and log that she read them", async () => {
    const { status, body } = await suggestions(teacher);
    expect(status).toBe(200);
    expect(body.standards).toEqual(["7.RP.1", "7.RP.2"]);
    expect(body.intervention).toEqual([
      expect.objectContaining({ id: s.s1, name: "=cmd() Avery", percent: 40, classes: ["Math 7 A"] }),
    ]);
    expect(ids(body.extension)).toEqual([s.s2]);
    const logged = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "student.identities_viewed"), eq(auditEvents.actorId, anaId)));
    expect(logged.map((e) => e.details)).toEqual([
      expect.objectContaining({ count: 2, purpose: "group suggestions" }),
    ]);
  });

  it("put a student exactly at the threshold in extension, and give the administrator everyone", async () => {
    const { body } = await suggestions(admin);
    expect(ids(body.intervention)).toEqual([s.s1, s.s4]);
    expect(ids(body.extension)).toEqual([s.s2, s.s3]);
  });

  it("count a student's percent over the items she has results for, as the analysis does", async () => {
    // s1 answered Q1 only (2 of 2): 100% on 7.RP.1 for the groups and for the heat map alike.
    const partial = await seedAssessment(t.db, {
      orgId: await orgId(t.db, "riverside"),
      communityId: teamId,
      createdBy: await personIdOf(t.db, "coach@riverside.example"),
      items: [
        { label: "Q1", standard: "7.RP.1", maxPoints: 2 },
        { label: "Q2", standard: "7.RP.1", maxPoints: 3 },
      ],
      scores: { [s.s1 as string]: { Q1: 2 } },
    });
    const { body } = await admin.get(`/api/v1/assessments/${partial.id}/group-suggestions?standard=7.RP.1`);
    expect(body.intervention).toEqual([]);
    expect(body.extension).toEqual([expect.objectContaining({ id: s.s1, percent: 100 })]);
    const analysis = await admin.get(`/api/v1/assessments/${partial.id}/analysis`);
    expect(analysis.status).toBe(200);
    expect(analysis.body.standards).toEqual([
      expect.objectContaining({ standard: "7.RP.1", students: 1, percentMastered: 100 }),
    ]);
  });

  it("show the coach, who teaches none of them, no one", async () => {
    const { body } = await suggestions(await t.as("coach@riverside.example"));
    expect(body.intervention).toEqual([]);
    expect(body.extension).toEqual([]);
  });

  it("offer the standards when none is chosen, and refuse one the assessment does not have", async () => {
    const none = await suggestions(teacher, "");
    expect(none.body.intervention).toEqual([]);
    const bad = await suggestions(teacher, "8.EE.1");
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("standard");
    expect(bad.body.errors[0].message).toContain("7.RP.1, 7.RP.2");
  });

  it("are not found for a partner of the team or another district", async () => {
    expect((await suggestions(await t.as("parent@riverside.example"))).status).toBe(404);
    expect((await suggestions(await t.as("admin@lakeside.example"))).status).toBe(404);
  });
});

describe("a saved group", () => {
  let groupId: string;
  const body = () => ({
    assessmentId,
    standard: "7.RP.1",
    purpose: "intervention",
    title: "Re-teach ratios",
    studentIds: [s.s1, s.s2],
  });

  it("is saved once per Idempotency-Key", async () => {
    const headers = { "idempotency-key": "group-retry-1" };
    const [a, b] = await Promise.all([
      teacher.post("/api/v1/student-groups", body(), headers),
      teacher.post("/api/v1/student-groups", body(), headers),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    groupId = a.body.id;
    expect(a.body).toMatchObject({ title: "Re-teach ratios", version: 1, can: { edit: true } });
    expect(ids(a.body.members).sort()).toEqual([s.s1, s.s2].sort());
    expect(
      await t.db.select().from(studentGroups).where(eq(studentGroups.title, "Re-teach ratios")),
    ).toHaveLength(1);
  });

  it("refuses another teacher's student, an unknown standard and an empty list, naming the field", async () => {
    const other = await teacher.post("/api/v1/student-groups", { ...body(), studentIds: [s.s3] });
    expect(other.status).toBe(400);
    expect(other.body.errors[0].path).toBe("studentIds");
    const standard = await teacher.post("/api/v1/student-groups", { ...body(), standard: "8.EE.1" });
    expect(standard.body.errors[0].path).toBe("standard");
    const empty = await teacher.post("/api/v1/student-groups", { ...body(), studentIds: [] });
    expect(empty.body.errors[0]).toMatchObject({
      path: "studentIds",
      message: "Choose at least one student.",
    });
  });

  it("is adjusted with its version; a stale version is a 409 and changes nothing", async () => {
    const renamed = await teacher.patch(`/api/v1/student-groups/${groupId}`, {
      version: 1,
      title: "Ratios, Tuesday",
      remove: [s.s2],
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ title: "Ratios, Tuesday", version: 2 });
    expect(ids(renamed.body.members)).toEqual([s.s1]);
    const stale = await teacher.patch(`/api/v1/student-groups/${groupId}`, { version: 1, add: [s.s2] });
    expect(stale.status).toBe(409);
    expect((await teacher.get(`/api/v1/student-groups/${groupId}`)).body.members).toHaveLength(1);
    const add = await teacher.patch(`/api/v1/student-groups/${groupId}`, { version: 2, add: [s.s3] });
    expect(add.body.errors[0].path).toBe("add");
  });

  it("shows others only the members they may read, and no one else may change it", async () => {
    expect((await colleague.get(`/api/v1/student-groups/${groupId}`)).status).toBe(404);
    const list = await colleague.get(`/api/v1/assessments/${assessmentId}/student-groups`);
    expect(list.body.items).toEqual([]);
    expect((await colleague.get(`/api/v1/communities/${teamId}/student-groups`)).body.items).toEqual([]);
    const teamList = await teacher.get(`/api/v1/communities/${teamId}/student-groups`);
    expect(teamList.body.items).toEqual([expect.objectContaining({ id: groupId, assessmentId })]);
    const seen = await admin.get(`/api/v1/student-groups/${groupId}`);
    expect(seen.body).toMatchObject({ can: { edit: false } });
    expect(ids(seen.body.members)).toEqual([s.s1]);
    expect((await admin.patch(`/api/v1/student-groups/${groupId}`, { version: 2, title: "x" })).status).toBe(
      403,
    );
    expect(
      (await (await t.as("admin@lakeside.example")).get(`/api/v1/student-groups/${groupId}`)).status,
    ).toBe(404);
    const mine = await teacher.get(`/api/v1/assessments/${assessmentId}/student-groups`);
    expect(mine.body.items).toEqual([
      expect.objectContaining({ id: groupId, memberCount: 1, purpose: "intervention" }),
    ]);
  });

  it("exports a spreadsheet with names, district ids and scores, formula cells kept as text", async () => {
    const { status, headers, body: csv } = await teacher.get(`/api/v1/student-groups/${groupId}/export`);
    expect(status).toBe(200);
    expect(headers["content-type"]).toContain("text/csv");
    expect(headers["content-disposition"]).toContain("group-ratios-tuesday.csv");
    const rows = parse(csv as string);
    expect(rows[0]).toEqual(["Name", "District ID", "Class", "Percent on 7.RP.1", "Group", "Purpose"]);
    expect(rows[1]?.[0]).toBe("'=cmd() Avery");
    expect(rows[1]?.slice(2, 4)).toEqual(["Math 7 A", "40"]);
    const logged = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "student.identities_viewed"));
    expect(logged.some((e) => (e.details as { purpose?: string }).purpose === "student group export")).toBe(
      true,
    );
  });

  it("is deleted by its maker only", async () => {
    expect((await admin.delete(`/api/v1/student-groups/${groupId}`)).status).toBe(403);
    expect((await teacher.delete(`/api/v1/student-groups/${groupId}`)).status).toBe(204);
    expect((await teacher.get(`/api/v1/student-groups/${groupId}`)).status).toBe(404);
    const story = await t.db
      .select({ action: auditEvents.action, details: auditEvents.details })
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, groupId))
      .orderBy(auditEvents.createdAt);
    expect(story.map((e) => e.action)).toEqual([
      "student_group.saved",
      "student_group.changed",
      "student_group.deleted",
    ]);
    expect(story[0]?.details).toEqual({
      title: "Re-teach ratios",
      purpose: "intervention",
      standard: "7.RP.1",
      students: 2,
    });
    expect(JSON.stringify(story)).not.toContain("Avery");
  });
});
