import { type SQL, sql } from "drizzle-orm";
import type { StudentGroupSummary } from "../../../shared/schemas/groups.ts";
import { notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { loadCommunity } from "../communities/load.ts";
import { studentVisible } from "../students/visibility.ts";
import { loadUsableAssessment } from "./assessment.ts";
import { canUseStudentData } from "./policy.ts";

/*
 * Lists of saved groups: those the reader made, and those with at least one member the reader may read
 * (the count is of those members only) — never a group that would name no one to them.
 */

async function query(ctx: ServiceContext, where: SQL): Promise<StudentGroupSummary[]> {
  const result = await ctx.db.execute<{
    id: string;
    title: string;
    purpose: StudentGroupSummary["purpose"];
    standard: string;
    assessment_id: string | null;
    assessment_title: string | null;
    created_by: string;
    name: string;
    updated_at: Date;
    visible: number;
  }>(sql`
    select g.id, g.title, g.purpose, g.standard, g.assessment_id, a.title as assessment_title,
      g.created_by, p.name, g.updated_at,
      (select count(*)::int from student_group_members m join students s on s.id = m.student_id
        where m.group_id = g.id and ${studentVisible(ctx.actor)}) as visible
    from student_groups g join people p on p.id = g.created_by
      left join assessments a on a.id = g.assessment_id
    where g.org_id = ${ctx.actor.orgId} and ${where}
    order by g.updated_at desc limit 200`);
  return result.rows
    .filter((g) => g.created_by === ctx.actor.id || g.visible > 0)
    .map((g) => ({
      id: g.id,
      title: g.title,
      purpose: g.purpose,
      standard: g.standard,
      assessmentId: g.assessment_id,
      assessmentTitle: g.assessment_title,
      memberCount: g.visible,
      createdBy: { id: g.created_by, name: g.name },
      updatedAt: new Date(g.updated_at).toISOString(),
    }));
}

/** An assessment's saved groups (whoever may use its data: groups/policy.ts). */
export async function listGroups(ctx: ServiceContext, assessmentId: string) {
  await loadUsableAssessment(ctx.db, ctx.actor, assessmentId);
  return query(ctx, sql`g.assessment_id = ${assessmentId}`);
}

/** A team's saved groups, across its assessments (the same readers as its assessments' data). */
export async function listCommunityGroups(ctx: ServiceContext, communityId: string) {
  const { row, access } = await loadCommunity(ctx.db, ctx.actor, communityId);
  const membership = access.membership?.status === "active" ? access.membership.role : null;
  const usable = canUseStudentData({
    actor: ctx.actor,
    communityId,
    communityRole: membership,
    schoolIds: row.schools.map((s) => s.id),
    archived: false,
  });
  if (!usable) throw notFound("This community");
  return query(ctx, sql`g.community_id = ${communityId}`);
}
