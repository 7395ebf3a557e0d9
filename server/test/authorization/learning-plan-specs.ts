import { and, eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import {
  journalEntries,
  learningPlanActivities,
  learningPlanGoals,
  learningPlans,
} from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { unique } from "../factories.ts";
import { type Actor, ids, type Runnable, spec, type Target, t } from "./matrix.ts";

/*
 * Personal learning plans (features/learning-plans/policy.ts): every route acts on the caller's own plan.
 * A goal or activity of anyone else's plan is 404 — administrators included. Rows: own = in the caller's
 * plan (anon: teacher8's); toSomeoneElse = in teacher8's; otherDistrict = in a Lakeside teacher's;
 * nonexistent = a random id; district = the caller's plan of the year itself.
 */

const YEAR = "2027-28";
const base = `/api/v1/learning-plans/${YEAR}`;

async function planOf(orgId: string, personId: string) {
  await t.db
    .insert(learningPlans)
    .values({ id: newId(), orgId, personId, schoolYear: YEAR })
    .onConflictDoNothing();
  const [plan] = await t.db
    .select()
    .from(learningPlans)
    .where(and(eq(learningPlans.personId, personId), eq(learningPlans.schoolYear, YEAR)));
  return { id: plan?.id ?? "", orgId };
}

/** Whose plan the row's thing lives in. */
function ownerFor(target: Target, actor: Actor) {
  if (target === "otherDistrict") return { org: ids.lakeside, person: ids.lakeFacilitator };
  if (target === "own" && actor.id)
    return { org: actor.key === "oAdm" ? ids.lakeside : ids.riverside, person: actor.id };
  return { org: ids.riverside, person: ids.teacher8 };
}

type Fx = { id: string; title: string; planted: boolean };

async function goal(target: Target, actor: Actor): Promise<Fx & { secret: string }> {
  const title = unique("Learn to listen");
  if (target === "nonexistent") return { id: newId(), title, planted: false, secret: title };
  const owner = ownerFor(target, actor);
  const plan = await planOf(owner.org, owner.person);
  const id = newId();
  await t.db.insert(learningPlanGoals).values({ id, orgId: owner.org, planId: plan.id, position: 1, title });
  return { id, title, planted: true, secret: title };
}

async function activity(target: Target, actor: Actor): Promise<Fx & { secret: string }> {
  const title = unique("A course");
  if (target === "nonexistent") return { id: newId(), title, planted: false, secret: title };
  const owner = ownerFor(target, actor);
  const plan = await planOf(owner.org, owner.person);
  const id = newId();
  await t.db
    .insert(learningPlanActivities)
    .values({ id, orgId: owner.org, planId: plan.id, kind: "course", title, hours: "2" });
  return { id, title, planted: true, secret: title };
}

async function entry(target: Target, actor: Actor): Promise<Fx & { secret: string }> {
  const title = unique("An entry to add");
  if (target === "nonexistent") return { id: newId(), title, planted: false, secret: title };
  const owner = ownerFor(target, actor);
  const id = newId();
  await t.db
    .insert(journalEntries)
    .values({ id, orgId: owner.org, personId: owner.person, title, body: title, writtenOn: "2027-09-01" });
  return { id, title, planted: true, secret: title };
}

const ownOnly = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  own            Y    Y    Y    Y    Y    Y    Y    Y    Y    A
  toSomeoneElse  H    H    H    H    H    H    H    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    H    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;
const mine = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  district       Y    Y    Y    Y    Y    Y    Y    Y    Y    A`;

const goalRow = async (id: string) =>
  (await t.db.select().from(learningPlanGoals).where(eq(learningPlanGoals.id, id)))[0];
const activityRow = async (id: string) =>
  (await t.db.select().from(learningPlanActivities).where(eq(learningPlanActivities.id, id)))[0];
const titled = async (title: string) => ({
  goals: (await t.db.select().from(learningPlanGoals).where(eq(learningPlanGoals.title, title))).length,
  activities: (
    await t.db.select().from(learningPlanActivities).where(eq(learningPlanActivities.title, title))
  ).length,
});
const fresh = async () => {
  const title = unique("Matrix learning");
  return { id: "", title, planted: false, secret: title };
};

export const learningPlanSpecs: Runnable[] = [
  spec<Fx>({
    routes: ["GET /api/v1/learning-plans/:year"],
    grid: mine,
    prepare: (_target, actor) => goal("own", actor),
    call: (a) => a.client.get(base),
    verify: (outcome, response, fx) => {
      if (outcome === "Y")
        expect(response.body.goals.map((g: { title: string }) => g.title)).toContain(fx.title);
    },
  }),
  spec<Fx>({
    routes: ["PATCH /api/v1/learning-plans/:year"],
    grid: mine,
    prepare: fresh,
    call: async (a, fx) => {
      const seen = await a.client.get(base);
      return a.client.patch(base, { version: seen.body.version ?? 0, reflection: fx.title });
    },
    changed: async (fx) =>
      (await t.db.select().from(learningPlans).where(eq(learningPlans.reflection, fx.title))).length === 1,
  }),
  spec<Fx>({
    routes: ["POST /api/v1/learning-plans/:year/goals"],
    grid: mine,
    prepare: fresh,
    call: (a, fx) => a.client.post(`${base}/goals`, { title: fx.title }),
    changed: async (fx) => (await titled(fx.title)).goals === 1,
  }),
  spec<Fx>({
    routes: ["PATCH /api/v1/learning-plans/:year/goals/:goalId"],
    grid: ownOnly,
    prepare: goal,
    call: (a, fx) => a.client.patch(`${base}/goals/${fx.id}`, { status: "achieved" }),
    changed: async (fx) => (await goalRow(fx.id))?.status === "achieved",
  }),
  spec<Fx>({
    routes: ["DELETE /api/v1/learning-plans/:year/goals/:goalId"],
    grid: ownOnly,
    prepare: goal,
    call: (a, fx) => a.client.delete(`${base}/goals/${fx.id}`),
    changed: async (fx) => fx.planted && (await goalRow(fx.id)) === undefined,
  }),
  spec<Fx>({
    routes: ["POST /api/v1/learning-plans/:year/activities"],
    grid: mine,
    prepare: fresh,
    call: (a, fx) => a.client.post(`${base}/activities`, { kind: "reading", title: fx.title, hours: 1.5 }),
    changed: async (fx) => (await titled(fx.title)).activities === 1,
  }),
  spec<Fx>({
    routes: ["PATCH /api/v1/learning-plans/:year/activities/:activityId"],
    grid: ownOnly,
    prepare: activity,
    call: (a, fx) => a.client.patch(`${base}/activities/${fx.id}`, { hours: 7.75 }),
    changed: async (fx) => (await activityRow(fx.id))?.hours === "7.75",
  }),
  spec<Fx>({
    routes: ["DELETE /api/v1/learning-plans/:year/activities/:activityId"],
    grid: ownOnly,
    prepare: activity,
    call: (a, fx) => a.client.delete(`${base}/activities/${fx.id}`),
    changed: async (fx) => fx.planted && (await activityRow(fx.id)) === undefined,
  }),
  spec<Fx>({
    routes: ["POST /api/v1/journal-entries/:id/learning-plan"],
    grid: ownOnly,
    prepare: entry,
    call: (a, fx) =>
      a.client.post(`/api/v1/journal-entries/${fx.id}/learning-plan`, { newGoalTitle: fx.title }),
    changed: async (fx) =>
      (
        await t.db.execute(
          sql`select 1 from learning_plan_activities where journal_entry_id = ${fx.id}::uuid`,
        )
      ).rows.length === 1,
  }),
];
