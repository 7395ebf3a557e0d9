import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { visibleStudentIds } from "../students/visibility.ts";
import type { AnalysisTarget } from "./access.ts";
import type { AnswerCount } from "./maths.ts";

/*
 * The counting half of analysis, in SQL over assessment_standard_scores (one row per student ×
 * standard, see aggregates.ts) and, for items, assessment_results. Each group row carries how many of
 * its students the reader may see (features/students visibility), for suppression in maths.ts.
 */

export type Scope = { schoolId?: string; classId?: string };
export type GroupKind = "all" | "class" | "school" | "teacher";
export type GroupRow = {
  kind: GroupKind;
  group_id: string | null;
  /** null: the whole assessment (each student's points over all standards). */
  standard: string | null;
  students: number;
  mastered: number;
  visible: number;
  sum_percent: number;
};

const uuids = (ids: string[]) =>
  ids.length
    ? sql`array[${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}]`
    : sql`'{}'::uuid[]`;

/** The students in scope: the filters chosen, and a district-wide assessment's leader's own schools. */
export function scopeFilter(target: AnalysisTarget, scope: Scope, student: SQL): SQL {
  const parts: SQL[] = [sql`true`];
  if (scope.schoolId) parts.push(sql`${student}.school_ids @> ${uuids([scope.schoolId])}`);
  if (target.limitToSchools) parts.push(sql`${student}.school_ids && ${uuids(target.limitToSchools)}`);
  if (scope.classId)
    parts.push(sql`exists (select 1 from enrollments fe join classes fc on fc.id = fe.class_id
      where fe.org_id = ${target.orgId} and fe.class_id = ${scope.classId} and fe.student_id = ${student}.id
        and fe.role = 'student' and fe.active and fc.active)`);
  return sql.join(parts, sql` and `);
}

const scoped = (target: AnalysisTarget, scope: Scope) =>
  Boolean(scope.schoolId || scope.classId || target.limitToSchools);

/**
 * The ids of the students in a scope as an array: the results' key (org, assessment, student, item) then
 * finds a school's rows by index instead of joining every row of a district's assessment to students.
 */
function scopedStudents(target: AnalysisTarget, scope: Scope): SQL {
  return sql`array(select st.id from students st
    where st.org_id = ${target.orgId} and ${scopeFilter(target, scope, sql.raw("st"))})`;
}

/** Runs a query with room to aggregate a district's rows in memory (not in sorted files on disk). */
function roomy<T>(db: Executor, run: (tx: Executor) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '32MB'`);
    return run(tx);
  });
}

/** Counts of a group's rows: how many, mastered, visible to the reader, the sum of their percents. */
const counts = (mp: number) => sql`count(*)::int as students,
  (count(*) filter (where r.points * 100 >= ${mp} * r.max_points - 1e-9))::int as mastered,
  (count(*) filter (where r.visible))::int as visible,
  coalesce(sum(100 * r.points / r.max_points), 0)::float8 as sum_percent`;

/** A count row of the students sharing one set of schools (students.school_ids), per standard. */
export type SchoolSetRow = Omit<GroupRow, "kind" | "group_id"> & { school_ids: string[] };

/**
 * Everyone's and each school's counts from the rows of students grouped by their set of schools: a
 * student is in exactly one set, so everyone is the sum of the sets, and a school the sum of the sets
 * holding it (a student of two schools counts in both). Pure, so the district view aggregates a few
 * dozen rows here instead of joining a quarter-million in SQL.
 */
export function foldSchoolSets(rows: SchoolSetRow[], keepSchool: (id: string) => boolean): GroupRow[] {
  const groups = new Map<string, GroupRow>();
  const add = (kind: GroupKind, groupId: string | null, r: SchoolSetRow) => {
    const key = `${kind}:${groupId}:${r.standard}`;
    const found = groups.get(key) ?? {
      kind,
      group_id: groupId,
      standard: r.standard,
      students: 0,
      mastered: 0,
      visible: 0,
      sum_percent: 0,
    };
    found.students += r.students;
    found.mastered += r.mastered;
    found.visible += r.visible;
    found.sum_percent += r.sum_percent;
    groups.set(key, found);
  };
  for (const r of rows) {
    add("all", null, r);
    for (const school of new Set(r.school_ids)) if (keepSchool(school)) add("school", school, r);
  }
  return [...groups.values()];
}

/**
 * Mastery counts for everyone, each school, each class (when `withClasses`) and, when shared, each
 * teacher, per standard and over the whole assessment (standard null). Everyone and schools come from
 * counts per set of schools (foldSchoolSets); classes and teachers join enrollments, which a
 * district-wide view skips (its heat map shows schools).
 */
export async function groupCounts(
  db: Executor,
  actor: Actor,
  target: AnalysisTarget,
  scope: Scope,
  withClasses = true,
): Promise<GroupRow[]> {
  const org = target.orgId;
  const mp = target.masteryPercent;
  // An administrator may read every student of the district: no need to look each one up.
  const visible =
    actor.orgRole === "administrator" ? sql`true` : sql`ss.student_id in ${visibleStudentIds(actor)}`;
  const pop = sql`(select ss.student_id, ss.standard, ss.points, ss.max_points, st.school_ids, ${visible} as visible
      from assessment_standard_scores ss join students st on st.id = ss.student_id
     where ss.org_id = ${org} and ss.assessment_id = ${target.id}
       and ${scopeFilter(target, scope, sql.raw("st"))})`;
  const perStudent = sql`(select student_id, min(school_ids) as school_ids, bool_or(visible) as visible,
      sum(points) as points, sum(max_points) as max_points from ${pop} p group by student_id)`;
  const sets = roomy(db, (tx) =>
    tx.execute<SchoolSetRow>(sql`
      select r.school_ids, r.standard, ${counts(mp)} from ${pop} r group by r.school_ids, r.standard
      union all
      select r.school_ids, null, ${counts(mp)} from ${perStudent} r group by r.school_ids`),
  );
  const keepSchool = (id: string) =>
    (!scope.schoolId || id === scope.schoolId) &&
    (!target.limitToSchools || target.limitToSchools.includes(id));
  const joined =
    withClasses || target.shareByTeacher ? memberCounts(db, target, scope, pop, withClasses) : null;
  const [setRows, memberRows] = await Promise.all([sets, joined]);
  return [...foldSchoolSets(setRows.rows, keepSchool), ...(memberRows ?? [])];
}

/** Counts per class and (when shared) per teacher, for a scope small enough to list its classes. */
async function memberCounts(
  db: Executor,
  target: AnalysisTarget,
  scope: Scope,
  pop: SQL,
  withClasses: boolean,
) {
  const org = target.orgId;
  const classScope = sql`${scope.classId ? sql`and c.id = ${scope.classId}` : sql``}
    ${scope.schoolId ? sql`and c.school_id = ${scope.schoolId}` : sql``}
    ${target.limitToSchools ? sql`and c.school_id = any(${uuids(target.limitToSchools)})` : sql``}`;
  const parts: SQL[] = [];
  if (withClasses)
    parts.push(sql`select 'class' as kind, se.class_id as group_id, se.student_id
        from enrollments se join classes c on c.id = se.class_id
       where se.org_id = ${org} and se.role = 'student' and se.active and c.active ${classScope}
         and se.student_id in (select student_id from totals)`);
  if (target.shareByTeacher)
    parts.push(sql`select 'teacher', te.person_id, se.student_id
        from enrollments se join classes c on c.id = se.class_id
        join enrollments te on te.class_id = se.class_id and te.org_id = se.org_id
       where se.org_id = ${org} and se.role = 'student' and se.active and c.active ${classScope}
         and te.role = 'teacher' and te.active and te.person_id is not null
         and se.student_id in (select student_id from totals)`);
  const result = await roomy(db, (tx) =>
    tx.execute<GroupRow>(sql`
    with pop as materialized ${pop},
    totals as materialized (
      select student_id, null::text as standard, sum(points) as points, sum(max_points) as max_points,
             bool_or(visible) as visible
        from pop group by student_id
    ),
    rows as (
      select student_id, standard, points, max_points, visible from pop
      union all select student_id, standard, points, max_points, visible from totals
    ),
    members as (select distinct * from (${sql.join(parts, sql` union all `)}) m)
    select m.kind, m.group_id, r.standard, ${counts(target.masteryPercent)}
      from rows r join members m on m.student_id = r.student_id
     group by m.kind, m.group_id, r.standard`),
  );
  return result.rows;
}

export type ItemAnswerRow = AnswerCount & { item_id: string };

/** How many students gave each response (choice items) or score (points items), per item. */
export async function itemAnswers(
  db: Executor,
  target: AnalysisTarget,
  scope: Scope,
): Promise<ItemAnswerRow[]> {
  const result = await roomy(db, (tx) =>
    tx.execute<ItemAnswerRow>(sql`
    select r.item_id,
           case when i.kind = 'choice' then upper(btrim(r.response)) else '' end as response,
           case when i.kind = 'choice' then 0 else r.score end as score,
           count(*)::int as count
      from assessment_results r join assessment_items i on i.id = r.item_id
     where r.org_id = ${target.orgId} and r.assessment_id = ${target.id}
       ${scoped(target, scope) ? sql`and r.student_id = any(${scopedStudents(target, scope)})` : sql``}
     group by 1, 2, 3`),
  );
  return result.rows;
}

export type Names = {
  schools: Map<string, string>;
  classes: Map<string, { name: string; schoolId: string }>;
  people: Map<string, string>;
};

/** Names of the groups (schools, classes, teachers) found in the counts. */
export async function groupNames(db: Executor, orgId: string, rows: GroupRow[]): Promise<Names> {
  const idsOf = (kind: GroupKind) => [
    ...new Set(rows.filter((r) => r.kind === kind && r.group_id).map((r) => r.group_id as string)),
  ];
  const [schools, classes, people] = await Promise.all([
    named(
      db,
      sql`select id, name, null::uuid as school_id from schools where org_id = ${orgId} and id = any(${uuids(idsOf("school"))})`,
    ),
    named(
      db,
      sql`select id, title as name, school_id from classes where org_id = ${orgId} and id = any(${uuids(idsOf("class"))})`,
    ),
    named(
      db,
      sql`select id, name, null::uuid as school_id from people where org_id = ${orgId} and id = any(${uuids(idsOf("teacher"))})`,
    ),
  ]);
  return {
    schools: new Map(schools.map((r) => [r.id, r.name])),
    classes: new Map(classes.map((r) => [r.id, { name: r.name, schoolId: r.school_id as string }])),
    people: new Map(people.map((r) => [r.id, r.name])),
  };
}

async function named(db: Executor, query: SQL) {
  return (await db.execute<{ id: string; name: string; school_id: string | null }>(query)).rows;
}
