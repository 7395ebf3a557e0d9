import { type SQL, sql } from "drizzle-orm";
import type { AssessmentList, AssessmentSummary } from "../../../shared/schemas/assessments.ts";
import { forbidden, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { canManageResults, canReadResults } from "./policy.ts";
import { accessTo } from "./service.ts";

/*
 * Lists of assessments: a team's (whoever may read the team's results: its members and observers, its
 * school leaders, administrators; never partners) and the district-wide ones (administrators). Counts
 * only — how many items and students — never a student.
 */

/** A team's assessments, newest first. Another district's or a private one the actor cannot see: 404. */
export async function listCommunityAssessments(
  ctx: ServiceContext,
  communityId: string,
): Promise<AssessmentList> {
  const access = await accessTo(ctx, communityId);
  if (!access) throw notFound("This community");
  if (!canReadResults(access))
    throw forbidden("Only the team’s members, its school leaders and administrators see its student data.");
  return {
    items: await summaries(ctx, sql`a.community_id = ${communityId}`),
    can: { create: canManageResults(access) },
  };
}

/** The district-wide assessments (no community), for administrators. */
export async function listDistrictAssessments(ctx: ServiceContext): Promise<AssessmentList> {
  if (ctx.actor.orgRole !== "administrator")
    throw forbidden("Only administrators see the district-wide assessments.");
  return { items: await summaries(ctx, sql`a.community_id is null`), can: { create: true } };
}

async function summaries(ctx: ServiceContext, where: SQL): Promise<AssessmentSummary[]> {
  const result = await ctx.db.execute<{
    id: string;
    title: string;
    community_id: string | null;
    given_on: string | null;
    mastery_percent: number;
    item_count: number;
    standards: string[];
    students: number;
    last_import_at: Date | string | null;
  }>(sql`
    select a.id, a.title, a.community_id, a.given_on::text as given_on, a.mastery_percent,
           (select count(*)::int from assessment_items i where i.assessment_id = a.id) as item_count,
           array(select distinct i.standard from assessment_items i
                  where i.assessment_id = a.id and i.standard <> '' order by 1) as standards,
           (select count(distinct r.student_id)::int from assessment_results r
             where r.org_id = a.org_id and r.assessment_id = a.id) as students,
           (select max(ri.created_at) from result_imports ri
             where ri.assessment_id = a.id and ri.status = 'completed') as last_import_at
      from assessments a
     where a.org_id = ${ctx.actor.orgId} and ${where}
     order by coalesce(a.given_on, a.created_at::date) desc, a.created_at desc
     limit 500`);
  return result.rows.map((r) => ({
    id: r.id,
    title: r.title,
    communityId: r.community_id,
    givenOn: r.given_on,
    masteryPercent: Number(r.mastery_percent),
    itemCount: r.item_count,
    standards: r.standards,
    studentsWithResults: r.students,
    lastImportAt: r.last_import_at === null ? null : new Date(r.last_import_at).toISOString(),
  }));
}
