import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";

/*
 * assessment_standard_scores, kept lazily: the first reader after an import (or an import's deletion)
 * rebuilds the assessment's rows — points and maximum points per student × standard, items without a
 * standard under "" — in one transaction. A transaction-level advisory lock on the assessment makes a
 * second reader wait for the first and then find the rows fresh, instead of building them twice.
 * Fresh means aggregated_at holds exactly the results_changed_at it was built from: any later import
 * or deletion sets a different time, whichever transaction started first.
 */

const staleness = (orgId: string, assessmentId: string) => sql`
  select results_changed_at::text as changed,
         aggregated_at is null or aggregated_at <> results_changed_at as stale
    from assessments where id = ${assessmentId} and org_id = ${orgId}`;

/** Rebuilds the assessment's standard scores when its results changed since; true when it rebuilt. */
export async function ensureAggregates(db: Executor, orgId: string, assessmentId: string): Promise<boolean> {
  return (await freshAggregates(db, orgId, assessmentId)).rebuilt;
}

/** The same, also answering which version of the results the scores stand for (for cache keys). */
export async function freshAggregates(
  db: Executor,
  orgId: string,
  assessmentId: string,
): Promise<{ rebuilt: boolean; version: string }> {
  const [first] = (await db.execute<{ changed: string; stale: boolean }>(staleness(orgId, assessmentId)))
    .rows;
  if (!first?.stale) return { rebuilt: false, version: first?.changed ?? "" };
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`aggregates:${assessmentId}`}, 0))`);
    const [now] = (await tx.execute<{ changed: string; stale: boolean }>(staleness(orgId, assessmentId)))
      .rows;
    if (!now?.stale) return { rebuilt: false, version: now?.changed ?? "" };
    await tx.execute(sql`
      delete from assessment_standard_scores where org_id = ${orgId} and assessment_id = ${assessmentId}`);
    await tx.execute(sql`
      insert into assessment_standard_scores (org_id, assessment_id, student_id, standard, points, max_points)
      select r.org_id, r.assessment_id, r.student_id, i.standard, sum(r.score), sum(i.max_points)
        from assessment_results r join assessment_items i on i.id = r.item_id
       where r.org_id = ${orgId} and r.assessment_id = ${assessmentId}
       group by r.org_id, r.assessment_id, r.student_id, i.standard`);
    await tx.execute(sql`
      update assessments set aggregated_at = ${now.changed}::timestamptz
       where id = ${assessmentId} and org_id = ${orgId}`);
    // Fresh statistics, so the first readers' plans fit the rows just written.
    await tx.execute(sql`analyze assessment_standard_scores`);
    return { rebuilt: true, version: now.changed };
  });
}

/**
 * When the district's roster last changed (its latest completed roster import): classes, enrollments and
 * students' schools change only then, so cached counts keyed by it never outlive a roster change.
 */
export async function rosterVersion(db: Executor, orgId: string): Promise<string> {
  const [row] = (
    await db.execute<{ at: string | null }>(sql`
      select max(finished_at)::text as at from roster_imports where org_id = ${orgId} and status = 'completed'`)
  ).rows;
  return row?.at ?? "none";
}
