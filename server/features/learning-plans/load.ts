import { sql } from "drizzle-orm";
import {
  type Activity,
  type LearningGoal,
  type LearningPlan,
  schoolYearOf,
  totalsOf,
} from "../../../shared/schemas/learning-plans.ts";
import type { Executor } from "../../db/client.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { newId } from "../../lib/ids.ts";
import { todayFor } from "../goals/progress.ts";

type PlanRow = {
  id: string;
  person_id: string;
  school_year: string;
  reflection: string;
  modeling_for_students: string;
  version: number;
};

/** "current" is the school year today falls in, in the person's own time zone. */
export async function resolveYear(db: Executor, actor: Actor, year: string) {
  const current = schoolYearOf(await todayFor(db, actor));
  return { year: year === "current" ? current : year, current };
}

export async function findPlan(db: Executor, actor: Actor, year: string, forUpdate = false) {
  const result = await db.execute<PlanRow>(sql`
    select id, person_id, school_year, reflection, modeling_for_students, version from learning_plans
    where org_id = ${actor.orgId} and person_id = ${actor.id} and school_year = ${year}
    ${forUpdate ? sql`for update` : sql``}`);
  return result.rows[0];
}

/**
 * The caller's plan for the year, created by the first write. Two first writes at once make one plan:
 * the unique index (org, person, year) turns the second insert into nothing, and both read the one row.
 */
export async function ensurePlan(db: Executor, actor: Actor, year: string): Promise<PlanRow> {
  await db.execute(sql`
    insert into learning_plans (id, org_id, person_id, school_year)
    values (${newId()}, ${actor.orgId}, ${actor.id}, ${year})
    on conflict (org_id, person_id, school_year) do nothing`);
  const plan = await findPlan(db, actor, year, true);
  if (!plan) throw new Error("the learning plan vanished after its upsert");
  return plan;
}

async function goalsOf(db: Executor, planId: string): Promise<LearningGoal[]> {
  const result = await db.execute<{
    id: string;
    title: string;
    why: string;
    status: LearningGoal["status"];
    goal_id: string | null;
    goal_title: string | null;
  }>(sql`
    select lg.id, lg.title, lg.why, lg.status, g.id as goal_id, g.title as goal_title
    from learning_plan_goals lg left join goals g on g.id = lg.goal_id
    where lg.plan_id = ${planId} order by lg.position, lg.created_at`);
  return result.rows.map((r) => ({
    id: r.id,
    title: r.title,
    why: r.why,
    status: r.status,
    goal: r.goal_id ? { id: r.goal_id, title: r.goal_title ?? "" } : null,
  }));
}

async function activitiesOf(db: Executor, planId: string): Promise<Activity[]> {
  const result = await db.execute<{
    id: string;
    kind: Activity["kind"];
    title: string;
    happened_on: string | null;
    hours: string | null;
    learning_goal_id: string | null;
    community_id: string | null;
    community_name: string | null;
    meeting_id: string | null;
    meeting_title: string | null;
    journal_entry_id: string | null;
    entry_title: string | null;
    evidence: string;
    reflection: string;
  }>(sql`
    select a.id, a.kind, a.title, a.happened_on::text as happened_on, a.hours::text as hours,
      a.learning_goal_id, c.id as community_id, c.name as community_name, m.id as meeting_id,
      m.title as meeting_title, e.id as journal_entry_id, e.title as entry_title, a.evidence, a.reflection
    from learning_plan_activities a
    left join communities c on c.id = a.community_id
    left join meetings m on m.id = a.meeting_id
    left join journal_entries e on e.id = a.journal_entry_id
    where a.plan_id = ${planId}
    order by a.happened_on nulls last, a.created_at, a.id`);
  return result.rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    happenedOn: r.happened_on,
    hours: r.hours === null ? null : Number(r.hours),
    learningGoalId: r.learning_goal_id,
    community: r.community_id ? { id: r.community_id, name: r.community_name ?? "" } : null,
    meeting: r.meeting_id ? { id: r.meeting_id, title: r.meeting_title ?? "" } : null,
    journalEntry: r.journal_entry_id ? { id: r.journal_entry_id, title: r.entry_title ?? "" } : null,
    evidence: r.evidence,
    reflection: r.reflection,
  }));
}

/** The plan as the owner sees it: an empty plan (id null, version 0) before the first write. */
export async function presentPlan(db: Executor, actor: Actor, year: string): Promise<LearningPlan> {
  const { current } = await resolveYear(db, actor, year);
  const plan = await findPlan(db, actor, year);
  const saved = await db.execute<{ school_year: string }>(sql`
    select school_year from learning_plans where org_id = ${actor.orgId} and person_id = ${actor.id}`);
  const years = [...new Set([current, year, ...saved.rows.map((r) => r.school_year)])].sort().reverse();
  const goals = plan ? await goalsOf(db, plan.id) : [];
  const activities = plan ? await activitiesOf(db, plan.id) : [];
  return {
    id: plan?.id ?? null,
    schoolYear: year,
    currentYear: current,
    years,
    reflection: plan?.reflection ?? "",
    modelingForStudents: plan?.modeling_for_students ?? "",
    version: plan?.version ?? 0,
    goals,
    activities,
    totals: totalsOf(
      activities,
      goals.map((g) => g.id),
    ),
  };
}
