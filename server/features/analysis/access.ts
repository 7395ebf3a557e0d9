import { sql } from "drizzle-orm";
import type { CommunityRole } from "../../../shared/schemas/communities.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { forbidden, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";

/*
 * Who reads an assessment's analysis (aggregates; no student is named):
 *   - a team's assessment: its active members, observers and facilitators, the leaders of its schools,
 *     the district's administrators;
 *   - a district-wide one: administrators, and school leaders for the students of their own schools.
 * Partners never, whatever their role in the team. Someone who can see the team but not its analysis
 * is refused (403); a private team they cannot see, or another district's assessment, is 404.
 * Numbers about small groups are then suppressed per reader (maths.ts isSuppressed).
 */

export type AnalysisTarget = {
  id: string;
  orgId: string;
  title: string;
  communityId: string | null;
  communityName: string | null;
  masteryPercent: number;
  shareByTeacher: boolean;
  /** The schools a district-wide assessment's school leader is limited to; null: every student. */
  limitToSchools: string[] | null;
  minimum: number;
};

type Row = {
  id: string;
  title: string;
  community_id: string | null;
  community_name: string | null;
  mastery_percent: number;
  share_by_teacher: boolean | null;
  private: boolean | null;
  role: CommunityRole | null;
  school_ids: string[] | null;
  minimum: number;
};

export function mayRead(actor: Actor, row: Pick<Row, "community_id" | "role" | "school_ids">): boolean {
  if (actor.orgRole === "partner" || row.role === "partner") return false;
  if (actor.orgRole === "administrator") return true;
  if (row.community_id === null) return actor.orgRole === "school_leader";
  if (actor.orgRole === "school_leader" && (row.school_ids ?? []).some((s) => actor.schoolIds.includes(s)))
    return true;
  return row.role !== null;
}

/** The assessment, if the actor may read its analysis; throws 404 or 403 otherwise. */
export async function readableAssessment(ctx: ServiceContext, id: string): Promise<AnalysisTarget> {
  const { actor } = ctx;
  const [row] = (
    await ctx.db.execute<Row>(sql`
      select a.id, a.title, a.community_id, c.name as community_name, a.mastery_percent,
             c.share_results_by_teacher as share_by_teacher, c.visibility = 'private' as private,
             (select m.role from memberships m where m.community_id = c.id and m.person_id = ${actor.id}
                and m.status = 'active') as role,
             array(select cs.school_id from community_schools cs where cs.community_id = c.id) as school_ids,
             o.student_group_minimum as minimum
        from assessments a
        join organizations o on o.id = a.org_id
        left join communities c on c.id = a.community_id
       where a.id = ${id} and a.org_id = ${actor.orgId}`)
  ).rows;
  if (!row) throw notFound("This assessment");
  if (!mayRead(actor, row)) {
    const seesTeam = row.community_id !== null && (!row.private || row.role !== null);
    if (!seesTeam) throw notFound("This assessment");
    throw forbidden("Only the team, its schools’ leaders and administrators see this assessment’s analysis.");
  }
  return {
    id: row.id,
    orgId: actor.orgId,
    title: row.title,
    communityId: row.community_id,
    communityName: row.community_name,
    masteryPercent: row.mastery_percent,
    shareByTeacher: row.share_by_teacher === true,
    limitToSchools: row.community_id === null && actor.orgRole === "school_leader" ? actor.schoolIds : null,
    minimum: row.minimum,
  };
}
