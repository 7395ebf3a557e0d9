import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { studentGroupMembers, studentGroups } from "../../db/schema/index.ts";
import { seedAssessment } from "../../features/groups/test-data.ts";
import { newId } from "../../lib/ids.ts";
import { unique } from "../factories.ts";
import { createClass, createStudent, enrollStudent, enrollTeacher } from "../student-factories.ts";
import { type CommunityTarget, idOf, ids, type Runnable, shared, spec, type Target, t } from "./matrix.ts";

/*
 * Groups (features/groups/policy.ts). The fixture: a student of a class the community's member (mem,
 * teacher6@) teaches, at the community's school; the team's assessment with her result; a group mem saved
 * with her in it. Who sees the student: mem (her teacher), the leader of her school (lOwn), the
 * administrator — not the coach (fac teaches no one), and never partners. A group shows itself only to its
 * maker and to those who may read one of its members; only its maker changes it (others who see it: 403).
 */

type Fx = {
  communityId: string;
  assessmentId: string;
  studentId: string;
  groupId: string;
  title: string;
  planted: boolean;
};

async function fixture(target: Target): Promise<Fx & { secret: string }> {
  const title = unique("Matrix group");
  if (target === "nonexistent")
    return {
      communityId: newId(),
      assessmentId: newId(),
      studentId: newId(),
      groupId: newId(),
      title,
      planted: false,
      secret: title,
    };
  const lake = target === "otherDistrict";
  const orgId = lake ? ids.lakeside : ids.riverside;
  const teacher = lake ? ids.lakeMember : idOf("mem");
  const school = lake ? ids.lakesideHigh : ids.elementary;
  const community = shared[target as CommunityTarget];
  const klass = await createClass(t.db, { orgId, schoolId: school });
  await enrollTeacher(t.db, orgId, klass.id, teacher);
  const student = await createStudent(t.db, { orgId, schoolIds: [school], familyName: title });
  await enrollStudent(t.db, orgId, klass.id, student.id);
  const assessment = await seedAssessment(t.db, {
    orgId,
    communityId: community.id,
    createdBy: teacher,
    items: [{ label: "Q1", standard: "7.RP.1", maxPoints: 2 }],
    scores: { [student.id]: { Q1: 1 } },
  });
  const groupId = newId();
  await t.db.insert(studentGroups).values({
    id: groupId,
    orgId,
    communityId: community.id,
    assessmentId: assessment.id,
    standard: "7.RP.1",
    purpose: "intervention",
    title,
    createdBy: teacher,
  });
  await t.db.insert(studentGroupMembers).values({ orgId, groupId, studentId: student.id });
  return {
    communityId: community.id,
    assessmentId: assessment.id,
    studentId: student.id,
    groupId,
    title,
    planted: true,
    secret: title,
  };
}

const groupRow = async (fx: Fx) =>
  (await t.db.select().from(studentGroups).where(eq(studentGroups.id, fx.groupId)))[0];

/** Using the assessment's data: its managers, the team's facilitators, members and observers. */
const users = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    Y    H    Y    Y    H    Y    H    H    A
  private        Y    Y    H    Y    Y    H    Y    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

/** Reading a saved group: its maker (mem) and those who may read its member. */
const readers = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    Y    H    H    Y    H    H    H    H    A
  private        Y    Y    H    H    Y    H    H    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

/** Changing it: its maker only; others who can read it 403. */
const maker = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        F    F    H    H    Y    H    H    H    H    A
  private        F    F    H    H    Y    H    H    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    F    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

export const groupSpecs: Runnable[] = [
  spec<Fx>({
    routes: ["GET /api/v1/assessments/:id/group-suggestions"],
    grid: users,
    prepare: fixture,
    call: (a, fx) => a.client.get(`/api/v1/assessments/${fx.assessmentId}/group-suggestions?standard=7.RP.1`),
    verify: (outcome, { body }, fx, actor) => {
      if (outcome !== "Y") return;
      // Only her teacher, her school's leader and the administrators see the student.
      const sees = ["adm", "lOwn", "mem", "oAdm"].includes(actor.key);
      expect(body.intervention.map((s: { id: string }) => s.id)).toEqual(sees ? [fx.studentId] : []);
    },
  }),
  spec<Fx>({
    routes: ["GET /api/v1/assessments/:id/student-groups"],
    grid: users,
    prepare: fixture,
    call: (a, fx) => a.client.get(`/api/v1/assessments/${fx.assessmentId}/student-groups`),
    verify: (outcome, { body }, fx, actor) => {
      if (outcome !== "Y") return;
      const sees = ["adm", "lOwn", "mem", "oAdm"].includes(actor.key);
      expect(body.items.map((g: { id: string }) => g.id)).toEqual(sees ? [fx.groupId] : []);
    },
  }),
  spec<Fx>({
    routes: ["GET /api/v1/communities/:id/student-groups"],
    grid: users,
    prepare: fixture,
    call: (a, fx) => a.client.get(`/api/v1/communities/${fx.communityId}/student-groups`),
    verify: (outcome, { body }, fx, actor) => {
      if (outcome !== "Y") return;
      const sees = ["adm", "lOwn", "mem", "oAdm"].includes(actor.key);
      expect(body.items.some((g: { id: string }) => g.id === fx.groupId)).toBe(sees);
    },
  }),
  spec<Fx>({
    routes: ["POST /api/v1/student-groups"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        Y    Y    H    B    Y    H    B    H    H    A
      private        Y    Y    H    B    Y    H    B    H    H    A
      otherDistrict  H    H    H    H    H    H    H    H    Y    A
      nonexistent    H    H    H    H    H    H    H    H    H    A`,
    prepare: fixture,
    call: (a, fx) =>
      a.client.post("/api/v1/student-groups", {
        assessmentId: fx.assessmentId,
        standard: "7.RP.1",
        purpose: "extension",
        title: `${fx.title} copy`,
        studentIds: [fx.studentId],
      }),
    changed: async (fx) =>
      (
        await t.db
          .select()
          .from(studentGroups)
          .where(eq(studentGroups.title, `${fx.title} copy`))
      ).length > 0,
  }),
  spec<Fx>({
    routes: ["GET /api/v1/student-groups/:id"],
    grid: readers,
    prepare: fixture,
    call: (a, fx) => a.client.get(`/api/v1/student-groups/${fx.groupId}`),
    verify: (outcome, { body }, fx) => {
      if (outcome === "Y") expect(body.members.map((m: { id: string }) => m.id)).toEqual([fx.studentId]);
    },
  }),
  spec<Fx>({
    routes: ["GET /api/v1/student-groups/:id/export"],
    grid: readers,
    prepare: fixture,
    call: (a, fx) => a.client.get(`/api/v1/student-groups/${fx.groupId}/export`),
    verify: (outcome, { body }, fx) => {
      if (outcome === "Y") expect(String(body)).toContain(fx.title);
    },
  }),
  spec<Fx>({
    routes: ["PATCH /api/v1/student-groups/:id"],
    grid: maker,
    prepare: fixture,
    call: (a, fx) => a.client.patch(`/api/v1/student-groups/${fx.groupId}`, { version: 1, title: "Renamed" }),
    changed: async (fx) => fx.planted && (await groupRow(fx))?.title === "Renamed",
  }),
  spec<Fx>({
    routes: ["DELETE /api/v1/student-groups/:id"],
    grid: maker,
    prepare: fixture,
    call: (a, fx) => a.client.delete(`/api/v1/student-groups/${fx.groupId}`),
    changed: async (fx) => fx.planted && !(await groupRow(fx)),
  }),
];
