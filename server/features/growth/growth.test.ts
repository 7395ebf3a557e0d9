import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organizations } from "../../db/schema/index.ts";
import { type Client, startTestApp, type TestApp } from "../../test/app.ts";
import { createCommunity, createPerson, orgId, personIdOf, schoolId, unique } from "../../test/factories.ts";
import { createClass, createStudent, enrollStudent, enrollTeacher } from "../../test/student-factories.ts";
import { seedAssessment } from "../groups/test-data.ts";

/*
 * Growth against a hand-computed fixture, through the API: five students in two classes on 7.RP.1 before
 * and after (the district's minimum group set to 3), a class of two suppressed for a teacher of the other
 * class but not for its own teacher; the refusals; and a goal measured by it.
 *
 * 7.RP.1, mastery 80:   before (2 points)        after (4 points)
 *   class A  a1          1 → 50                   4 → 100
 *            a2          2 → 100                  4 → 100
 *            a3          0 → 0                    2 → 50
 *   class B  b1          1 → 50                   3 → 75
 *            b2          2 → 100                  4 → 100
 * All: mastered 2/5 = 40% → 3/5 = 60% (+20); average 60 → 85 (+25).
 * A:   1/3 = 33.3% → 2/3 = 66.7% (+33.3); average 50 → 83.3 (+33.3).
 * B:   1/2 = 50% → 1/2 = 50% (0); average 75 → 87.5 (+12.5).
 */

let t: TestApp;
let ana: Client;
let ben: Client;
let coach: Client;
let teamId: string;
const a: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  const org = await orgId(t.db, "riverside");
  await t.db.update(organizations).set({ studentGroupMinimum: 3 }).where(eq(organizations.id, org));
  const school = await schoolId(t.db, "Riverside Elementary");
  const mk = (email: string) =>
    createPerson(t.db, { orgId: org, email, schoolIds: [school], canSignIn: true });
  const anaP = await mk("growth-ana@riverside.example");
  const benP = await mk("growth-ben@riverside.example");
  const coachId = await personIdOf(t.db, "coach@riverside.example");
  const partner = await personIdOf(t.db, "parent@riverside.example");
  const team = await createCommunity(t.db, {
    orgId: org,
    visibility: "organization",
    schoolIds: [school],
    members: [
      [coachId, "facilitator"],
      [anaP.id, "member"],
      [benP.id, "member"],
      [partner, "partner"],
    ],
  });
  teamId = team.id;
  const classA = await createClass(t.db, { orgId: org, schoolId: school, title: "Math 7 A" });
  const classB = await createClass(t.db, { orgId: org, schoolId: school, title: "Math 7 B" });
  await enrollTeacher(t.db, org, classA.id, anaP.id);
  await enrollTeacher(t.db, org, classB.id, benP.id);
  const st: Record<string, string> = {};
  for (const key of ["a1", "a2", "a3", "b1", "b2", "x"]) {
    st[key] = (await createStudent(t.db, { orgId: org, schoolIds: [school] })).id;
    if (key !== "x") await enrollStudent(t.db, org, key.startsWith("a") ? classA.id : classB.id, st[key]);
  }
  const by = (scores: Record<string, number>, label: string) =>
    Object.fromEntries(Object.entries(scores).map(([k, v]) => [st[k] as string, { [label]: v }]));
  const base = { orgId: org, communityId: team.id, createdBy: coachId };
  a.before = (
    await seedAssessment(t.db, {
      ...base,
      title: "Ratios pre",
      givenOn: "2026-09-10",
      items: [
        { label: "Q1", standard: "7.RP.1", maxPoints: 2 },
        { label: "Q2", standard: "7.RP.2", maxPoints: 1 },
      ],
      scores: by({ a1: 1, a2: 2, a3: 0, b1: 1, b2: 2 }, "Q1"),
    })
  ).id;
  a.after = (
    await seedAssessment(t.db, {
      ...base,
      title: "Ratios post",
      givenOn: "2026-10-10",
      items: [
        { label: "Q1", standard: "7.RP.1", maxPoints: 4 },
        { label: "Q3", standard: "7.G.1", maxPoints: 1 },
      ],
      scores: by({ a1: 4, a2: 4, a3: 2, b1: 3, b2: 4, x: 4 }, "Q1"),
    })
  ).id;
  a.geometry = (
    await seedAssessment(t.db, { ...base, items: [{ label: "Q1", standard: "7.G.2", maxPoints: 1 }] })
  ).id;
  a.nobody = (
    await seedAssessment(t.db, { ...base, items: [{ label: "Q1", standard: "7.RP.1", maxPoints: 1 }] })
  ).id;
  ana = await t.signIn(anaP.email);
  ben = await t.signIn(benP.email);
  coach = await t.as("coach@riverside.example");
});
afterAll(() => t.close());

const growth = (c: Client, before = a.before, after = a.after, standard = "") =>
  c.get(`/api/v1/growth?before=${before}&after=${after}&standard=${encodeURIComponent(standard)}`);

describe("growth between two assessments", () => {
  it("matches the hand-computed fixture, by class, for the teacher of the larger class", async () => {
    const { status, body } = await growth(ana);
    expect(status).toBe(200);
    expect(body.sharedStandards).toEqual(["7.RP.1"]);
    expect(body.overall).toEqual({
      key: "all",
      label: "All students",
      students: 5,
      suppressed: false,
      before: { percentMastered: 40, averagePercent: 60 },
      after: { percentMastered: 60, averagePercent: 85 },
      change: { percentMastered: 20, averagePercent: 25 },
    });
    const [classA, classB] = body.classes;
    expect(classA).toMatchObject({
      label: "Math 7 A",
      students: 3,
      before: { percentMastered: 33.3, averagePercent: 50 },
      after: { percentMastered: 66.7, averagePercent: 83.3 },
      change: { percentMastered: 33.3, averagePercent: 33.3 },
    });
    // Two students, below the minimum of three, and not her class: suppressed.
    expect(classB).toMatchObject({ label: "Math 7 B", students: null, suppressed: true });
    expect(classB.after).toEqual({ percentMastered: null, averagePercent: null });
  });

  it("shows the small class to its own teacher", async () => {
    const { body } = await growth(ben, a.before, a.after, "7.RP.1");
    expect(body.classes[1]).toMatchObject({
      students: 2,
      suppressed: false,
      change: { percentMastered: 0, averagePercent: 12.5 },
    });
  });

  it("refuses the same assessment twice, no shared standard, a standard not in both, no shared students", async () => {
    const cases: [string, string, string, string][] = [
      [a.before as string, a.before as string, "", "after"],
      [a.before as string, a.geometry as string, "", "standard"],
      [a.before as string, a.after as string, "7.RP.2", "standard"],
      [a.before as string, a.nobody as string, "", "after"],
    ];
    for (const [before, after, standard, path] of cases) {
      const r = await growth(ana, before, after, standard);
      expect(r.status, `${path} ${standard}`).toBe(400);
      expect(r.body.errors[0].path).toBe(path);
    }
    const missing = await growth(ana, a.before, "00000000-0000-4000-8000-000000000000");
    expect(missing.status).toBe(404);
  });

  it("is not found for a partner or another district", async () => {
    expect((await growth(await t.as("parent@riverside.example"))).status).toBe(404);
    expect((await growth(await t.as("admin@lakeside.example"))).status).toBe(404);
  });
});

describe("a goal measured by growth", () => {
  let goalId: string;
  const url = () => `/api/v1/goals/${goalId}/growth-measure`;
  const measure = () => ({ beforeAssessmentId: a.before, afterAssessmentId: a.after, standard: "7.RP.1" });
  const imports = async () =>
    (
      await t.db.execute<{ value: number; measured_on: string }>(sql`
        select value, measured_on::text from goal_measurements where goal_id = ${goalId} and source = 'import'
        order by measured_on`)
    ).rows;

  beforeAll(async () => {
    const created = await coach.post("/api/v1/goals", {
      level: "community",
      communityId: teamId,
      title: unique("Ratios goal"),
      improvement: "Proportional reasoning",
      population: "Grade 7 students",
      measure: "Percent at mastery on 7.RP.1",
      unit: "percent",
      baseline: 40,
      target: 70,
      startsOn: "2026-09-01",
      deadline: "2027-06-15",
    });
    expect(created.status).toBe(201);
    goalId = created.body.id;
  });

  it("records the before and after as import measurements on the assessments' dates, audited", async () => {
    const r = await coach.put(url(), measure());
    expect(r.status).toBe(200);
    expect(r.body.measure).toMatchObject({ standard: "7.RP.1", growth: { overall: { students: 5 } } });
    expect(await imports()).toEqual([
      { value: 40, measured_on: "2026-09-10" },
      { value: 60, measured_on: "2026-10-10" },
    ]);
    const goal = await coach.get(`/api/v1/goals/${goalId}`);
    expect(goal.body.measurements.map((m: { source: string }) => m.source)).toEqual(["import", "import"]);
    const audit = await t.db.execute<{ details: { fields: string[] } }>(
      sql`select details from audit_events where subject_id = ${goalId} and action = 'goal.changed'`,
    );
    expect(audit.rows[0]?.details.fields).toEqual(["growthMeasure"]);
  });

  it("replaces them when set again, and recomputes on refresh", async () => {
    await coach.put(url(), { ...measure(), standard: "" });
    expect(await imports()).toHaveLength(2);
    const refreshed = await coach.post(`${url()}/refresh`);
    expect(refreshed.status).toBe(200);
    expect(await imports()).toHaveLength(2);
  });

  it("refuses non-editors, the same assessment twice, and too few students", async () => {
    expect((await ana.put(url(), measure())).status).toBe(403);
    const twice = await coach.put(url(), { ...measure(), afterAssessmentId: a.before });
    expect(twice.body.errors[0].path).toBe("afterAssessmentId");
    await t.db.update(organizations).set({ studentGroupMinimum: 10 });
    const few = await coach.put(url(), measure());
    expect(few.body.errors[0]).toMatchObject({ path: "afterAssessmentId" });
    expect(few.body.errors[0].message).toContain("at least 10 students");
    await t.db.update(organizations).set({ studentGroupMinimum: 3 });
  });

  it("is read by the goal's readers and removed with its measurements", async () => {
    const read = await ana.get(url());
    expect(read.body).toMatchObject({
      can: { edit: false },
      measure: { standard: "", growth: { standard: "" } },
    });
    expect((await coach.delete(url())).status).toBe(204);
    expect(await imports()).toEqual([]);
    expect((await coach.get(url())).body.measure).toBeNull();
    expect((await coach.post(`${url()}/refresh`)).status).toBe(404);
  });
});
