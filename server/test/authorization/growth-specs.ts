import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { goalGrowthMeasures, goalMeasurements, organizations } from "../../db/schema/index.ts";
import { seedAssessment } from "../../features/groups/test-data.ts";
import { newId } from "../../lib/ids.ts";
import { unique } from "../factories.ts";
import { createGoal } from "../goal-factories.ts";
import { createClass, createStudent, enrollStudent, enrollTeacher } from "../student-factories.ts";
import { type CommunityTarget, idOf, ids, type Runnable, shared, spec, type Target, t } from "./matrix.ts";

/*
 * Growth (features/growth). Reading growth between two assessments: whoever may use both assessments'
 * data (groups/policy.ts) — aggregates only. A goal's growth measure: read by the goal's readers (the
 * growth inside only for those who may use the data), set, refreshed and removed by the goal's editors
 * (goals/policy.ts). The fixture: ten students of mem's class (the district's minimum group) on two
 * assessments of the community, and a community goal in percent, with or without the measure.
 */

type Fx = { before: string; after: string; goalId: string; title: string; planted: boolean };
type Pair = { before: string; after: string };

async function assessments(target: Target): Promise<Pair> {
  const lake = target === "otherDistrict";
  const orgId = lake ? ids.lakeside : ids.riverside;
  const teacher = lake ? ids.lakeMember : idOf("mem");
  const school = lake ? ids.lakesideHigh : ids.elementary;
  const klass = await createClass(t.db, { orgId, schoolId: school });
  await enrollTeacher(t.db, orgId, klass.id, teacher);
  const before: Record<string, Record<string, number>> = {};
  const after: Record<string, Record<string, number>> = {};
  for (let n = 0; n < 10; n++) {
    const student = await createStudent(t.db, { orgId, schoolIds: [school] });
    await enrollStudent(t.db, orgId, klass.id, student.id);
    before[student.id] = { Q1: n % 2 };
    after[student.id] = { Q1: 1 };
  }
  const base = {
    orgId,
    communityId: shared[target as CommunityTarget].id,
    createdBy: teacher,
    items: [{ label: "Q1", standard: "7.RP.1", maxPoints: 1 }],
  };
  const b = await seedAssessment(t.db, { ...base, givenOn: "2026-09-10", scores: before });
  const a = await seedAssessment(t.db, { ...base, givenOn: "2026-10-10", scores: after });
  return { before: b.id, after: a.id };
}

const pairs = new Map<Target, Promise<Pair>>();
const pairOf = (target: Target) => {
  const found = pairs.get(target) ?? assessments(target);
  pairs.set(target, found);
  return found;
};

async function fixture(target: Target, linked: boolean): Promise<Fx & { secret: string }> {
  // The analysis grids change the districts' minimum group; these ten students need the default.
  await t.db.update(organizations).set({ studentGroupMinimum: 10 });
  const title = unique("Matrix growth goal");
  if (target === "nonexistent")
    return { before: newId(), after: newId(), goalId: newId(), title, planted: false, secret: title };
  const lake = target === "otherDistrict";
  const { before, after } = await pairOf(target);
  const orgId = lake ? ids.lakeside : ids.riverside;
  const createdBy = lake ? ids.lakeFacilitator : idOf("adm");
  const goal = await createGoal(t.db, {
    orgId,
    createdBy,
    ownerId: null,
    level: "community",
    communityId: shared[target as CommunityTarget].id,
    title,
  });
  if (linked)
    await t.db.insert(goalGrowthMeasures).values({
      goalId: goal.id,
      orgId,
      beforeAssessmentId: before,
      afterAssessmentId: after,
      standard: "7.RP.1",
      createdBy,
    });
  return { before, after, goalId: goal.id, title, planted: true, secret: title };
}

const imported = async (fx: Fx) =>
  (
    await t.db
      .select()
      .from(goalMeasurements)
      .where(and(eq(goalMeasurements.goalId, fx.goalId), eq(goalMeasurements.source, "import")))
  ).length;
const linkOf = async (fx: Fx) =>
  (await t.db.select().from(goalGrowthMeasures).where(eq(goalGrowthMeasures.goalId, fx.goalId)))[0];

const editors = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    Y    F    Y    F    F    F    F    H    A
  private        Y    Y    H    Y    F    F    F    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

/** Those who may use the assessments' data (as the groups grids). */
const users = ["adm", "lOwn", "fac", "mem", "obs", "oAdm"];

export const growthSpecs: Runnable[] = [
  spec<Fx>({
    routes: ["GET /api/v1/growth"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        Y    Y    H    Y    Y    H    Y    H    H    A
      private        Y    Y    H    Y    Y    H    Y    H    H    A
      otherDistrict  H    H    H    H    H    H    H    H    Y    A
      nonexistent    H    H    H    H    H    H    H    H    H    A`,
    prepare: (target) => fixture(target, false),
    call: (a, fx) => a.client.get(`/api/v1/growth?before=${fx.before}&after=${fx.after}&standard=7.RP.1`),
    verify: (outcome, { body }) => {
      if (outcome !== "Y") return;
      // 5 of 10 at mastery before, all 10 after.
      expect(body.overall).toMatchObject({ students: 10, change: { percentMastered: 50 } });
    },
  }),
  spec<Fx>({
    routes: ["GET /api/v1/goals/:id/growth-measure"],
    grid: `
      target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
      visible        Y    Y    Y    Y    Y    Y    Y    Y    H    A
      private        Y    Y    H    Y    Y    Y    Y    H    H    A
      otherDistrict  H    H    H    H    H    H    H    H    Y    A
      nonexistent    H    H    H    H    H    H    H    H    H    A`,
    prepare: (target) => fixture(target, true),
    call: (a, fx) => a.client.get(`/api/v1/goals/${fx.goalId}/growth-measure`),
    verify: (outcome, { body }, _fx, actor) => {
      if (outcome !== "Y") return;
      expect(body.measure.standard).toBe("7.RP.1");
      expect(body.measure.growth === null).toBe(!users.includes(actor.key));
    },
  }),
  spec<Fx>({
    routes: ["PUT /api/v1/goals/:id/growth-measure"],
    grid: editors,
    prepare: (target) => fixture(target, false),
    call: (a, fx) =>
      a.client.put(`/api/v1/goals/${fx.goalId}/growth-measure`, {
        beforeAssessmentId: fx.before,
        afterAssessmentId: fx.after,
        standard: "7.RP.1",
      }),
    changed: async (fx) => fx.planted && (await imported(fx)) === 2,
  }),
  spec<Fx>({
    routes: ["POST /api/v1/goals/:id/growth-measure/refresh"],
    grid: editors,
    prepare: (target) => fixture(target, true),
    call: (a, fx) => a.client.post(`/api/v1/goals/${fx.goalId}/growth-measure/refresh`),
    changed: async (fx) => fx.planted && (await imported(fx)) === 2,
  }),
  spec<Fx>({
    routes: ["DELETE /api/v1/goals/:id/growth-measure"],
    grid: editors,
    prepare: (target) => fixture(target, true),
    call: (a, fx) => a.client.delete(`/api/v1/goals/${fx.goalId}/growth-measure`),
    changed: async (fx) => fx.planted && !(await linkOf(fx)),
  }),
];
