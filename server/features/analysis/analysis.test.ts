import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../test/app.ts";
import { createCommunity, createPerson, orgId as orgIdOf, schoolId, unique } from "../../test/factories.ts";
import { createClass, createStudent, enrollStudent, enrollTeacher } from "../../test/student-factories.ts";
import { ensureAggregates } from "./aggregates.ts";
import { type Answers, createAssessmentWithItems, importResultsDirectly } from "./test-data.ts";

/*
 * A team's assessment (mastery 75 %) with four items, and fifteen students:
 *   class X (Riverside Elementary, taught by Tess):  8 students  Q1=2 Q2=B Q3=3 Q4=C  (7 of 8 points)
 *                                                    4 students  Q1=1 Q2=A Q3=1 Q4=A  (2 of 8)
 *   class Y (Riverside Middle, taught by Yan):       3 students  Q1=0 Q2=C Q3=4 Q4=C  (5 of 8)
 * Standards: 7.RP.1 = Q1 (2 points) + Q2 (choice, key B); 7.EE.1 = Q3 (4 points); "" = Q4 (choice, key C).
 * Every expected number is worked out by hand in the comments next to it.
 */

let t: TestApp;
let org: string;
let assessmentId: string;
let importY: string;
let districtWideId: string;
let schoolA: string;
let schoolB: string;
let classX: string;
let classY: string;
let communityId: string;
const emails = {} as Record<"tess" | "mo" | "leaderB" | "admin" | "partner" | "outsider" | "lake", string>;

async function person(
  key: keyof typeof emails,
  orgRole: "educator" | "school_leader" | "administrator" | "partner",
  schools: string[],
  o = org,
) {
  const p = await createPerson(t.db, {
    orgId: o,
    orgRole,
    schoolIds: schools,
    canSignIn: true,
    name: unique(key),
  });
  emails[key] = p.email;
  return p.id;
}

const get = async (who: keyof typeof emails, url: string) => (await t.as(emails[who])).get(url);

beforeAll(async () => {
  t = await startTestApp();
  org = await orgIdOf(t.db, "riverside");
  schoolA = await schoolId(t.db, "Riverside Elementary");
  schoolB = await schoolId(t.db, "Riverside Middle");
  const tess = await person("tess", "educator", [schoolA]);
  const mo = await person("mo", "educator", [schoolA]);
  await person("leaderB", "school_leader", [schoolB]);
  const admin = await person("admin", "administrator", []);
  const partner = await person("partner", "partner", []);
  await person("outsider", "educator", [schoolA]);
  await person("lake", "administrator", [], await orgIdOf(t.db, "lakeside"));
  const yan = (await createPerson(t.db, { orgId: org, name: unique("Yan") })).id;
  communityId = (
    await createCommunity(t.db, {
      orgId: org,
      visibility: "organization",
      schoolIds: [schoolA, schoolB],
      members: [
        [tess, "facilitator"],
        [mo, "member"],
        [partner, "partner"],
      ],
    })
  ).id;
  classX = (await createClass(t.db, { orgId: org, schoolId: schoolA, title: unique("Math 7 X") })).id;
  classY = (await createClass(t.db, { orgId: org, schoolId: schoolB, title: unique("Math 7 Y") })).id;
  await enrollTeacher(t.db, org, classX, tess);
  await enrollTeacher(t.db, org, classY, yan);
  const a = await createAssessmentWithItems(t.db, {
    orgId: org,
    communityId,
    createdBy: admin,
    masteryPercent: 75,
    items: [
      { label: "Q1", standard: "7.RP.1", maxPoints: 2 },
      { label: "Q2", kind: "choice", standard: "7.RP.1", maxPoints: 1, answerKey: "B" },
      { label: "Q3", standard: "7.EE.1", maxPoints: 4 },
      { label: "Q4", kind: "choice", maxPoints: 1, answerKey: "C" },
    ],
  });
  assessmentId = a.id;
  const strong: Answers = { Q1: 2, Q2: [1, "B"], Q3: 3, Q4: [1, "C"] };
  const weak: Answers = { Q1: 1, Q2: [0, "A"], Q3: 1, Q4: [0, "a"] };
  const middle: Answers = { Q1: 0, Q2: [0, "C"], Q3: 4, Q4: [1, "C"] };
  const inX: [string, Answers][] = [];
  for (let n = 0; n < 12; n++) {
    const s = await createStudent(t.db, { orgId: org, schoolIds: [schoolA], givenName: `X${n}` });
    await enrollStudent(t.db, org, classX, s.id);
    inX.push([s.id, n < 8 ? strong : weak]);
  }
  const inY: [string, Answers][] = [];
  for (let n = 0; n < 3; n++) {
    const s = await createStudent(t.db, { orgId: org, schoolIds: [schoolB], givenName: `Y${n}` });
    await enrollStudent(t.db, org, classY, s.id);
    inY.push([s.id, middle]);
  }
  const target = { orgId: org, assessmentId, itemIds: a.itemIds, createdBy: admin };
  await importResultsDirectly(t.db, target, inX);
  importY = await importResultsDirectly(t.db, target, inY);
  // The same students on a district-wide assessment (no team).
  const d = await createAssessmentWithItems(t.db, {
    orgId: org,
    communityId: null,
    createdBy: admin,
    items: [{ label: "Q1", standard: "7.RP.1", maxPoints: 1 }],
  });
  districtWideId = d.id;
  await importResultsDirectly(
    t.db,
    { orgId: org, assessmentId: d.id, itemIds: d.itemIds, createdBy: admin },
    [...inX, ...inY].map(([id], n) => [id, { Q1: n % 2 }]),
  );
});
afterAll(() => t.close());

const analysisUrl = (query = "") => `/api/v1/assessments/${assessmentId}/analysis${query}`;
const aggregateRows = async () =>
  (
    await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from assessment_standard_scores where assessment_id = ${assessmentId}`,
    )
  ).rows[0]?.n;

describe("aggregates", () => {
  it("are stale after an import, rebuilt once by two readers at the same time, then fresh", async () => {
    const [a, b] = await Promise.all([
      ensureAggregates(t.db, org, assessmentId),
      ensureAggregates(t.db, org, assessmentId),
    ]);
    expect([a, b].sort()).toEqual([false, true]);
    // 15 students × 3 standards (7.RP.1, 7.EE.1 and "").
    expect(await aggregateRows()).toBe(45);
    expect(await ensureAggregates(t.db, org, assessmentId)).toBe(false);
    const [row] = (
      await t.db.execute<{ points: number; max_points: number }>(sql`
        select points, max_points from assessment_standard_scores ss join student_identities i on i.student_id = ss.student_id
         where ss.assessment_id = ${assessmentId} and ss.standard = '7.RP.1' and i.given_name = 'X9'`)
    ).rows;
    // A weak student on 7.RP.1: Q1 1 + Q2 0 of 2 + 1.
    expect(row).toEqual({ points: 1, max_points: 3 });
  });
});

describe("the analysis an administrator reads", () => {
  it("gives mastery by standard, the weakest standard and the whole group", async () => {
    const { status, body } = await get("admin", analysisUrl());
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ students: 15, suppressed: false, minimum: 10, weakestStandard: "7.RP.1" });
    expect(body.standards).toEqual([
      // "": 8 strong + 3 middle answered Q4 right → 11 / 15 = 73.3 %; mean the same.
      { standard: "", students: 15, suppressed: false, percentMastered: 73.3, meanPercent: 73.3 },
      // 7.EE.1: strong 3/4 = 75 % (at the threshold) and middle 4/4 → 11 / 15; mean (8×75 + 4×25 + 3×100) / 15 = 66.7.
      { standard: "7.EE.1", students: 15, suppressed: false, percentMastered: 73.3, meanPercent: 66.7 },
      // 7.RP.1: only strong (3/3) → 8 / 15 = 53.3 %; mean (8×100 + 4×33.3 + 3×0) / 15 = 62.2.
      { standard: "7.RP.1", students: 15, suppressed: false, percentMastered: 53.3, meanPercent: 62.2 },
    ]);
  });

  it("gives item analysis: percent correct, the distribution and the most common wrong answer", async () => {
    const { body } = await get("admin", analysisUrl());
    const items = Object.fromEntries(body.items.map((i: { label: string }) => [i.label, i]));
    // Q1 (2 points): 2 ×8, 1 ×4, 0 ×3 → 20 / 30.
    expect(items.Q1).toMatchObject({
      percentCorrect: 66.7,
      responses: 15,
      mostCommonWrong: "1 of 2",
      distribution: [
        { answer: "0 of 2", count: 3, correct: false },
        { answer: "1 of 2", count: 4, correct: false },
        { answer: "2 of 2", count: 8, correct: true },
      ],
    });
    // Q2 (key B): B ×8, A ×4, C ×3 → 8 / 15; the commonest wrong letter A.
    expect(items.Q2).toMatchObject({ percentCorrect: 53.3, mostCommonWrong: "A" });
    // Q3 (4 points): 3 ×8, 1 ×4, 4 ×3 → 40 / 60.
    expect(items.Q3).toMatchObject({ percentCorrect: 66.7, mostCommonWrong: "3 of 4" });
    // Q4 (key C, "a" counted as A): C ×11, A ×4.
    expect(items.Q4).toMatchObject({ percentCorrect: 73.3, mostCommonWrong: "A" });
  });

  it("gives each class, school and the heat map; a small class in full for an administrator", async () => {
    const { body } = await get("admin", analysisUrl());
    const x = body.byClass.find((c: { id: string }) => c.id === classX);
    const y = body.byClass.find((c: { id: string }) => c.id === classY);
    // X overall: 8 of 12 reach 75 % of 8 points (7/8 = 87.5 %); Y: 5/8 = 62.5 % → none of 3.
    expect(x).toMatchObject({ students: 12, suppressed: false, percentMastered: 66.7, schoolId: schoolA });
    expect(y).toMatchObject({ students: 3, suppressed: false, percentMastered: 0 });
    expect(body.heatmapBy).toBe("class");
    expect(body.heatmap).toContainEqual({
      groupId: classY,
      standard: "7.EE.1",
      students: 3,
      suppressed: false,
      percentMastered: 100,
    });
    expect(body.bySchool.map((s: { id: string; students: number }) => [s.id, s.students]).sort()).toEqual(
      [
        [schoolA, 12],
        [schoolB, 3],
      ].sort(),
    );
    expect(body.byTeacher).toBeNull();
    expect(body.filters.classes.map((c: { id: string }) => c.id).sort()).toEqual([classX, classY].sort());
  });
});

describe("what other readers see", () => {
  it("hides a small class from a member without a roster relationship, and from her colleague's view", async () => {
    for (const who of ["tess", "mo"] as const) {
      const { body } = await get(who, analysisUrl());
      const y = body.byClass.find((c: { id: string }) => c.id === classY);
      expect(y).toMatchObject({ students: 3, suppressed: true, percentMastered: null });
      expect(y.standards.every((s: { percentMastered: null }) => s.percentMastered === null)).toBe(true);
      expect(
        body.heatmap.filter(
          (c: { groupId: string; suppressed: boolean }) => c.groupId === classY && !c.suppressed,
        ),
      ).toEqual([]);
      expect(body.bySchool.find((s: { id: string }) => s.id === schoolB)).toMatchObject({ suppressed: true });
      // The whole team (15 ≥ 10) is shown.
      expect(body.standards[0].percentMastered).toBe(73.3);
    }
  });

  it("shows the small class to the leader of its school", async () => {
    const { status, body } = await get("leaderB", analysisUrl());
    expect(status).toBe(200);
    expect(body.byClass.find((c: { id: string }) => c.id === classY)).toMatchObject({
      suppressed: false,
      percentMastered: 0,
    });
  });

  it("suppresses everything when the filter leaves a group the reader is not related to", async () => {
    const { body } = await get("tess", analysisUrl(`?schoolId=${schoolB}`));
    expect(body).toMatchObject({ students: 3, suppressed: true, weakestStandard: null });
    expect(
      body.items.every(
        (i: { percentCorrect: null; distribution: [] }) =>
          i.percentCorrect === null && i.distribution.length === 0,
      ),
    ).toBe(true);
    const own = await get("tess", analysisUrl(`?classId=${classX}`));
    // Class X alone: 8 of 12 strong on 7.RP.1 → 66.7 %.
    expect(own.body).toMatchObject({ students: 12, suppressed: false });
    expect(
      own.body.standards.find((s: { standard: string }) => s.standard === "7.RP.1").percentMastered,
    ).toBe(66.7);
  });

  it("shows results by teacher only when the team's norms share them", async () => {
    // The facilitator ticks "Share assessment results by teacher" on the community's edit form.
    const tess = await t.as(emails.tess);
    const shared = await tess.patch(`/api/v1/communities/${communityId}`, { shareResultsByTeacher: true });
    expect(shared.body.shareResultsByTeacher).toBe(true);
    const { body } = await get("mo", analysisUrl());
    await tess.patch(`/api/v1/communities/${communityId}`, { shareResultsByTeacher: false });
    expect(body.byTeacher).toHaveLength(2);
    expect(
      body.byTeacher.map((g: { students: number; suppressed: boolean }) => [g.students, g.suppressed]).sort(),
    ).toEqual([
      [12, false],
      [3, true],
    ]);
  });

  it("refuses a partner, an educator outside the team, and another district", async () => {
    expect((await get("partner", analysisUrl())).status).toBe(403);
    expect((await get("outsider", analysisUrl())).status).toBe(403);
    expect((await get("lake", analysisUrl())).status).toBe(404);
  });

  it("answers bad filters with a problem naming the field", async () => {
    const bad = await get("admin", analysisUrl("?schoolId=nope"));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("schoolId");
    const elsewhere = await get("admin", analysisUrl(`?classId=${crypto.randomUUID()}`));
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.errors).toEqual([{ path: "classId", message: expect.stringContaining("class") }]);
  });
});

describe("a district-wide assessment", () => {
  const url = () => `/api/v1/assessments/${districtWideId}/analysis`;
  it("is read by administrators whole and by a school leader for her own school's students only", async () => {
    expect((await get("admin", url())).body).toMatchObject({ students: 15 });
    const leader = await get("leaderB", url());
    // Only the 3 students of Riverside Middle; their class is hers to see, so it is not hidden.
    expect(leader.body).toMatchObject({ students: 3, suppressed: false });
    expect(leader.body.bySchool.map((s: { id: string }) => s.id)).toEqual([schoolB]);
    expect(leader.body.filters.classes.map((c: { id: string }) => c.id)).toEqual([classY]);
    const names = await get("leaderB", `/api/v1/assessments/${districtWideId}/students`);
    expect(names.body.students).toHaveLength(3);
  });

  it("is not found for educators and partners, whatever teams they are in", async () => {
    for (const who of ["tess", "mo", "partner"] as const) expect((await get(who, url())).status).toBe(404);
  });
});

describe("students by standard", () => {
  const url = (standard?: string) =>
    `/api/v1/assessments/${assessmentId}/students${standard === undefined ? "" : `?standard=${encodeURIComponent(standard)}`}`;

  it("lists a teacher's own students with names, weakest first, and logs the reading", async () => {
    const { status, body } = await get("tess", url("7.RP.1"));
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.students).toHaveLength(12);
    // Weak students: 1 of 3 = 33.3 %, not mastered; strong: 3 of 3.
    expect(body.students[0]).toMatchObject({ points: 1, maxPoints: 3, percent: 33.3, mastered: false });
    expect(body.students[0].name).toMatch(/^X\d+ /);
    expect(body.students.filter((s: { mastered: boolean }) => s.mastered)).toHaveLength(8);
    const tessId = await t.personId(emails.tess);
    const logged = await t.db.execute<{ details: { count: number } }>(
      sql`select details from audit_events where actor_id = ${tessId} and action = 'student.identities_viewed'`,
    );
    expect(logged.rows[0]?.details.count).toBe(12);
  });

  it("lists nobody for a member without students, the school's students for its leader, 403 for a partner", async () => {
    expect((await get("mo", url())).body.students).toEqual([]);
    const leader = await get("leaderB", url());
    // The whole assessment for class Y: 5 of 8.
    expect(leader.body.students.map((s: { percent: number }) => s.percent)).toEqual([62.5, 62.5, 62.5]);
    expect((await get("partner", url())).status).toBe(403);
  });

  it("refuses a standard the assessment does not have", async () => {
    const bad = await get("tess", url("9.ZZ.9"));
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: "standard", message: expect.any(String) }]);
  });
});

describe("after an import is deleted", () => {
  it("the aggregates are stale, then rebuilt without its students", async () => {
    const admin = await t.as(emails.admin);
    const deleted = await admin.delete(`/api/v1/result-imports/${importY}`);
    expect(deleted.status).toBe(204);
    const { body } = await admin.get(analysisUrl());
    expect(await aggregateRows()).toBe(36);
    // Class X alone: 7.EE.1 8 of 12 = 66.7 %.
    expect(body).toMatchObject({ students: 12 });
    expect(body.standards.find((s: { standard: string }) => s.standard === "7.EE.1").percentMastered).toBe(
      66.7,
    );
  });
});

describe("the student-data setting", () => {
  it("administrators read and change the minimum (audited); others are refused; bad values name the field", async () => {
    const admin = await t.as(emails.admin);
    expect((await admin.get("/api/v1/student-data-settings")).body).toEqual({ studentGroupMinimum: 10 });
    const changed = await admin.put("/api/v1/student-data-settings", { studentGroupMinimum: 3 });
    expect(changed.body).toEqual({ studentGroupMinimum: 3 });
    const audit = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action = 'student_data.settings_changed' and org_id = ${org}`,
    );
    expect(audit.rows[0]?.n).toBe(1);
    const bad = await admin.put("/api/v1/student-data-settings", { studentGroupMinimum: 0 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain("studentGroupMinimum");
    expect((await (await t.as(emails.tess)).get("/api/v1/student-data-settings")).status).toBe(403);
    // A minimum of 3: class Y (3 students) is no longer hidden from its team.
    const { body } = await (await t.as(emails.mo)).get(analysisUrl());
    expect(body.minimum).toBe(3);
    await admin.put("/api/v1/student-data-settings", { studentGroupMinimum: 10 });
  });
});
