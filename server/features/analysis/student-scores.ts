import { sql } from "drizzle-orm";
import type { StudentScores } from "../../../shared/schemas/analysis.ts";
import { invalid } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { readStudentIdentities } from "../students/access.ts";
import { studentVisible } from "../students/visibility.ts";
import { readableAssessment } from "./access.ts";
import { ensureAggregates } from "./aggregates.ts";
import { isMastered } from "./maths.ts";
import { scopeFilter } from "./queries.ts";

/*
 * Student by student: each student of the assessment the reader may see (features/students — her own
 * classes' students, her schools' as a leader, all as an administrator; never a partner), with their
 * percent of a standard's points (or of the whole assessment's) and whether it reaches the threshold.
 * Names come through readStudentIdentities, which writes the audit entry. Groups for intervention and
 * extension are built on this.
 */

/** `standard` null (or ""): the whole assessment. A standard the assessment lacks is a 400. */
export async function studentStandardScores(
  ctx: ServiceContext,
  assessmentId: string,
  standard: string | null,
): Promise<StudentScores> {
  const target = await readableAssessment(ctx, assessmentId);
  const wanted = standard?.trim() || null;
  if (wanted !== null) {
    const found = await ctx.db.execute(sql`
      select 1 from assessment_items where assessment_id = ${target.id} and org_id = ${target.orgId}
         and standard = ${wanted} limit 1`);
    if (!found.rows.length) throw invalid("standard", "Choose one of this assessment’s standards.");
  }
  await ensureAggregates(ctx.db, target.orgId, target.id);
  const rows = (
    await ctx.db.execute<{ student_id: string; pseudonym: string; points: number; max_points: number }>(sql`
      select ss.student_id, st.pseudonym, sum(ss.points)::float8 as points, sum(ss.max_points)::float8 as max_points
        from assessment_standard_scores ss join students st on st.id = ss.student_id
       where ss.org_id = ${target.orgId} and ss.assessment_id = ${target.id}
         ${wanted !== null ? sql`and ss.standard = ${wanted}` : sql``}
         and ${studentVisible(ctx.actor, sql.raw("st"))} and ${scopeFilter(target, {}, sql.raw("st"))}
       group by ss.student_id, st.pseudonym`)
  ).rows;
  const names = await readStudentIdentities(
    ctx.db,
    ctx.actor,
    rows.map((r) => r.student_id),
    `assessment ${target.id} scores${wanted ? ` on ${wanted}` : ""}`,
  );
  const students = rows.map((r) => {
    const who = names.get(r.student_id);
    const given = who ? who.preferredName || who.givenName : "";
    return {
      studentId: r.student_id,
      pseudonym: r.pseudonym,
      name: who ? `${given} ${who.familyName}`.trim() : r.pseudonym,
      points: r.points,
      maxPoints: r.max_points,
      percent: Math.round((r.points / r.max_points) * 1000) / 10,
      mastered: isMastered(r.points, r.max_points, target.masteryPercent),
    };
  });
  students.sort((a, b) => a.percent - b.percent || a.name.localeCompare(b.name));
  return { assessmentId: target.id, standard: wanted ?? "", masteryPercent: target.masteryPercent, students };
}
