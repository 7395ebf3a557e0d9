import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, classes, enrollments } from "../../db/schema/index.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { startTestApp, type TestApp } from "../../test/app.ts";
import { createPerson, orgId, schoolId } from "../../test/factories.ts";
import { createClass, createStudent, enrollStudent, enrollTeacher } from "../../test/student-factories.ts";
import { loadStudentAccess, readStudentIdentities, requireStudentAccess } from "./access.ts";
import { canReadStudent } from "./policy.ts";
import { studentVisible } from "./visibility.ts";

/*
 * The student-access rule in JS (policy.ts) and SQL (visibility.ts) on every combination: each district
 * role × how the actor relates to the student's class (none, teacher, aide, an ended enrollment of either
 * side, an inactive class) × whether the student is at a school the actor works in, plus another
 * district's student. Then what a user notices: names for her own students only, logged; 404 and 403.
 */

const roles = ["administrator", "school_leader", "educator", "partner"] as const;
const relations = ["none", "teacher", "aide", "teacherEnded", "studentEnded", "classInactive"] as const;
type Case = { studentId: string; expected: boolean; label: string };

let t: TestApp;
let org: string;
let lakeStudent: string;
const actors = new Map<string, Actor>();
const cases = new Map<string, Case[]>();

async function studentIn(actor: Actor, relation: (typeof relations)[number], school: string) {
  const student = await createStudent(t.db, { orgId: org, schoolIds: [school] });
  if (relation === "none") return student.id;
  const klass = await createClass(t.db, { orgId: org, schoolId: school });
  const mine = await enrollTeacher(t.db, org, klass.id, actor.id, relation === "aide" ? "aide" : "teacher");
  const theirs = await enrollStudent(t.db, org, klass.id, student.id);
  const ended = { teacherEnded: mine.id, studentEnded: theirs.id } as Record<string, string>;
  if (ended[relation])
    await t.db.update(enrollments).set({ active: false }).where(eq(enrollments.id, ended[relation]));
  if (relation === "classInactive")
    await t.db.update(classes).set({ active: false }).where(eq(classes.id, klass.id));
  return student.id;
}

beforeAll(async () => {
  t = await startTestApp();
  org = await orgId(t.db, "riverside");
  const lake = await orgId(t.db, "lakeside");
  const mine = await schoolId(t.db, "Riverside Elementary");
  const other = await schoolId(t.db, "Riverside Middle");
  lakeStudent = (await createStudent(t.db, { orgId: lake })).id;
  for (const orgRole of roles) {
    const person = await createPerson(t.db, { orgId: org, orgRole, schoolIds: [mine] });
    const actor: Actor = {
      id: person.id,
      orgId: org,
      orgRole,
      name: "",
      email: person.email,
      schoolIds: [mine],
    };
    actors.set(orgRole, actor);
    const list: Case[] = [];
    for (const relation of relations)
      for (const [school, where] of [
        [mine, "my school"],
        [other, "another school"],
      ] as const) {
        const studentId = await studentIn(actor, relation, school);
        const access = await loadStudentAccess(t.db, actor, studentId);
        if (!access) throw new Error("fixture student not found");
        const teaches = relation === "teacher" || relation === "aide";
        expect(access.teachesStudent).toBe(teaches);
        list.push({ studentId, expected: canReadStudent(access), label: `${orgRole} ${relation} ${where}` });
      }
    list.push({ studentId: lakeStudent, expected: false, label: `${orgRole} another district` });
    cases.set(orgRole, list);
  }
});
afterAll(() => t.close());

describe("the SQL student-access rule agrees with the policy", () => {
  it.each(roles)("for a district %s, on every relation to a student", async (role) => {
    const list = cases.get(role) ?? [];
    const actor = actors.get(role) as Actor;
    const ids = list.map((c) => sql`${c.studentId}::uuid`);
    const seen = new Set(
      (
        await t.db.execute<{ id: string }>(
          sql`select s.id from students s where s.id in (${sql.join(ids, sql`, `)}) and ${studentVisible(actor)}`,
        )
      ).rows.map((r) => r.id),
    );
    expect(list.filter((c) => seen.has(c.studentId) !== c.expected).map((c) => c.label)).toEqual([]);
  });

  it("matches the rule as the issue states it", () => {
    const seenBy = (role: string) =>
      (cases.get(role) ?? []).filter((c) => c.expected).map((c) => c.label.replace(`${role} `, ""));
    expect(seenBy("partner")).toEqual([]);
    expect(seenBy("educator")).toEqual([
      "teacher my school",
      "teacher another school",
      "aide my school",
      "aide another school",
    ]);
    expect(seenBy("school_leader")).toContain("none my school");
    expect(seenBy("school_leader")).not.toContain("none another school");
    expect(seenBy("school_leader")).toContain("teacher another school");
    expect(seenBy("administrator")).toHaveLength(relations.length * 2);
  });
});

describe("reading students", () => {
  it("gives a teacher her own students' names and logs it; another school's stay pseudonymous", async () => {
    const teacher = actors.get("educator") as Actor;
    const list = cases.get("educator") ?? [];
    const own = list.find((c) => c.label.endsWith("teacher my school"))?.studentId as string;
    const notOwn = list.find((c) => c.label.endsWith("none another school"))?.studentId as string;
    const names = await readStudentIdentities(t.db, teacher, [own, notOwn, lakeStudent], "test");
    expect([...names.keys()]).toEqual([own]);
    expect(names.get(own)?.givenName).toBeTruthy();
    const [entry] = await t.db.select().from(auditEvents).where(eq(auditEvents.actorId, teacher.id));
    expect(entry).toMatchObject({
      action: "student.identities_viewed",
      subjectType: "student",
      subjectId: own,
    });
    expect(entry?.details).toMatchObject({ count: 1, purpose: "test" });
  });

  it("gives a partner nothing and logs nothing", async () => {
    const partner = actors.get("partner") as Actor;
    const all = (cases.get("partner") ?? []).map((c) => c.studentId);
    expect((await readStudentIdentities(t.db, partner, all, "test")).size).toBe(0);
    expect(await t.db.select().from(auditEvents).where(eq(auditEvents.actorId, partner.id))).toEqual([]);
  });

  it("refuses another district's student as not found, and someone else's student as not allowed", async () => {
    const teacher = actors.get("educator") as Actor;
    const notOwn = (cases.get("educator") ?? []).find((c) => c.label.endsWith("none my school"))
      ?.studentId as string;
    await expect(requireStudentAccess(t.db, teacher, lakeStudent)).rejects.toMatchObject({ status: 404 });
    await expect(requireStudentAccess(t.db, teacher, notOwn)).rejects.toMatchObject({ status: 403 });
    await expect(
      requireStudentAccess(t.db, actors.get("administrator") as Actor, notOwn),
    ).resolves.toBeUndefined();
    await expect(requireStudentAccess(t.db, actors.get("partner") as Actor, notOwn)).rejects.toMatchObject({
      status: 403,
    });
  });
});
