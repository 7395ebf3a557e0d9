import { sql } from "drizzle-orm";
import type { GoalLevel } from "../../../shared/schemas/goal-enums.ts";
import { type Client, startTestApp, type TestApp } from "../../test/app.ts";
import { createCommunity, orgId, personIdOf, schoolId, unique } from "../../test/factories.ts";
import { createGoal } from "../../test/goal-factories.ts";

/** The people and places of the goal tests (demo people of Riverside, one of Lakeside). */
export let t: TestApp;
export type Person = { client: Client; id: string };
export const cast = {} as Record<
  "admin" | "principal" | "coach" | "member" | "outsider" | "partner" | "lakesideAdmin",
  Person
>;
export const ids = { riverside: "", lakeside: "", middle: "", elementary: "", lakesideHigh: "" };
/** A district-visible community of Riverside Middle (coach facilitates, teacher1 member, parent partner). */
export const team = { id: "", name: "" };
/** A private one of the same school, without the outsider (teacher3) or the partner. */
export const privateTeam = { id: "", name: "" };

const emails = {
  admin: "admin@riverside.example",
  principal: "principal@riverside.example",
  coach: "coach@riverside.example",
  member: "teacher1@riverside.example",
  outsider: "teacher3@riverside.example",
  partner: "parent@riverside.example",
  lakesideAdmin: "admin@lakeside.example",
} as const;

export async function setupCast() {
  t = await startTestApp();
  ids.riverside = await orgId(t.db, "riverside");
  ids.lakeside = await orgId(t.db, "lakeside");
  ids.middle = await schoolId(t.db, "Riverside Middle");
  ids.elementary = await schoolId(t.db, "Riverside Elementary");
  ids.lakesideHigh = await schoolId(t.db, "Lakeside High");
  for (const [key, email] of Object.entries(emails))
    cast[key as keyof typeof emails] = { client: await t.as(email), id: await personIdOf(t.db, email) };
  const members = [
    [cast.coach.id, "facilitator"],
    [cast.member.id, "member"],
    [cast.partner.id, "partner"],
  ] as const;
  Object.assign(
    team,
    await createCommunity(t.db, {
      orgId: ids.riverside,
      name: unique("Goal team"),
      visibility: "organization",
      schoolIds: [ids.middle],
      members: members.map(([id, role]) => [id, role]),
    }),
  );
  Object.assign(
    privateTeam,
    await createCommunity(t.db, {
      orgId: ids.riverside,
      name: unique("Private goal team"),
      visibility: "private",
      schoolIds: [ids.middle],
      members: [[cast.coach.id, "facilitator"]],
    }),
  );
}

/** A goal straight in the database (Riverside unless said otherwise). */
export async function goal(level: GoalLevel, more: Partial<Parameters<typeof createGoal>[1]> = {}) {
  return createGoal(t.db, {
    orgId: ids.riverside,
    level,
    createdBy: cast.admin.id,
    schoolId: level === "school" ? ids.middle : undefined,
    communityId: level === "community" ? team.id : undefined,
    ...more,
  });
}

export const smart = (over: Record<string, unknown> = {}) => ({
  title: unique("Goal"),
  improvement: "Proportional reasoning",
  population: "Grade 7 students",
  measure: "Percent proficient on the common assessment",
  unit: "percent",
  baseline: 40,
  target: 70,
  startsOn: "2026-09-01",
  deadline: "2027-06-15",
  ...over,
});

export const goalRow = async (id: string) =>
  (
    await t.db.execute<{ title: string; status: string; version: number; target: number }>(
      sql`select title, status, version, target from goals where id = ${id}`,
    )
  ).rows[0];
