import { type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../http/auth/plugin.ts";

/*
 * policy.ts's canReadStudent as SQL, so lists, analysis and exports filter inside the query
 * (`s` is a row of students). access.test.ts checks it against the JS rule case by case.
 */

const uuidArray = (ids: string[]) =>
  ids.length
    ? sql`array[${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}]`
    : sql`'{}'::uuid[]`;

/** The actor teaches or aides the student now: both enrollments active, in an active class. */
export function teaches(actor: Actor, s: SQL = sql.raw("s")): SQL {
  return sql`exists (
    select 1 from enrollments te
      join enrollments se on se.class_id = te.class_id and se.org_id = te.org_id
      join classes tc on tc.id = te.class_id
    where te.org_id = ${actor.orgId} and te.person_id = ${actor.id} and te.active
      and te.role in ('teacher', 'aide') and se.student_id = ${s}.id and se.active and tc.active)`;
}

export function studentVisible(actor: Actor, s: SQL = sql.raw("s")): SQL {
  if (actor.orgRole === "partner") return sql`false`;
  const inOrg = sql`${s}.org_id = ${actor.orgId}`;
  if (actor.orgRole === "administrator") return sql`(${inOrg})`;
  const leads =
    actor.orgRole === "school_leader" ? sql`${s}.school_ids && ${uuidArray(actor.schoolIds)}` : sql`false`;
  return sql`(${inOrg} and (${teaches(actor, s)} or ${leads}))`;
}

/** The ids of the students the actor may read, as a subquery. */
export function visibleStudentIds(actor: Actor): SQL {
  return sql`(select s.id from students s where ${studentVisible(actor)})`;
}
