import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { studentVisible } from "../students/visibility.ts";

/*
 * A student's percent on a standard of one assessment: the points scored on the standard's items over the
 * maximum points of the items the student has results for — as analysis counts it (its pre-aggregated
 * assessment_standard_scores), so the heat map's share at mastery and the groups built from it agree.
 * The one place groups and growth read it.
 */

export type StandardScore = {
  studentId: string;
  pseudonym: string;
  percent: number;
  /** The titles of the student's active classes, for lists and exports. */
  classes: { id: string; title: string }[];
};

/**
 * Scores of the students with results on the assessment. `who` narrows them: "visible" — only those the
 * actor may read (student-level views); "all" — every student, for aggregates that suppress small groups.
 * `standard` '' means every item of the assessment with a standard; a list, the items of those standards.
 */
export async function standardScores(
  db: Executor,
  actor: Actor,
  q: { assessmentId: string; standard: string | string[]; who: "visible" | "all"; studentIds?: string[] },
): Promise<StandardScore[]> {
  const itemFilter = Array.isArray(q.standard)
    ? q.standard.length
      ? sql`i.standard in (${sql.join(
          q.standard.map((x) => sql`${x}`),
          sql`, `,
        )})`
      : sql`false`
    : q.standard === ""
      ? sql`i.standard <> ''`
      : sql`i.standard = ${q.standard}`;
  const only: SQL = q.studentIds
    ? q.studentIds.length
      ? sql`and s.id in (${sql.join(
          q.studentIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`
      : sql`and false`
    : sql``;
  const result = await db.execute<{
    student_id: string;
    pseudonym: string;
    percent: number;
    classes: { id: string; title: string }[] | null;
  }>(sql`
    with items as (
      select i.id, i.max_points from assessment_items i
      where i.assessment_id = ${q.assessmentId} and i.org_id = ${actor.orgId} and ${itemFilter}),
    points as (
      select r.student_id, sum(r.score) as points, sum(items.max_points) as max from assessment_results r
      join items on items.id = r.item_id
      where r.org_id = ${actor.orgId} and r.assessment_id = ${q.assessmentId}
      group by r.student_id)
    select s.id as student_id, s.pseudonym, 100 * p.points / nullif(p.max, 0) as percent,
      (select json_agg(json_build_object('id', c.id, 'title', c.title) order by c.title)
         from enrollments e join classes c on c.id = e.class_id
        where e.student_id = s.id and e.active and c.active) as classes
    from points p join students s on s.id = p.student_id
    where s.org_id = ${actor.orgId} ${q.who === "visible" ? sql`and ${studentVisible(actor)}` : sql``} ${only}
    order by percent, s.pseudonym`);
  return result.rows.map((r) => ({
    studentId: r.student_id,
    pseudonym: r.pseudonym,
    percent: Number(r.percent ?? 0),
    classes: r.classes ?? [],
  }));
}
