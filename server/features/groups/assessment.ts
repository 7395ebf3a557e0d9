import { asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { assessmentItems } from "../../db/schema/index.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { notFound } from "../../http/errors.ts";
import type { ResultsAccess } from "../results/policy.ts";
import { canUseStudentData } from "./policy.ts";

/** An assessment as groups and growth read it: its standards (in item order) and mastery threshold. */
export type UsableAssessment = {
  id: string;
  title: string;
  communityId: string | null;
  givenOn: string | null;
  masteryPercent: number;
  standards: string[];
  access: ResultsAccess;
};

/** The assessment when the actor may use its student data (policy.ts), else 404 (`what` names it). */
export async function loadUsableAssessment(
  db: Executor,
  actor: Actor,
  id: string,
  what = "This assessment",
): Promise<UsableAssessment> {
  const result = await db.execute<{
    id: string;
    title: string;
    community_id: string | null;
    given_on: string | null;
    mastery_percent: number;
    role: ResultsAccess["communityRole"];
    school_ids: string[];
    archived: boolean;
  }>(sql`
    select a.id, a.title, a.community_id, a.given_on::text as given_on, a.mastery_percent,
      (select m.role from memberships m where m.community_id = a.community_id
         and m.person_id = ${actor.id} and m.status = 'active') as role,
      array(select cs.school_id from community_schools cs where cs.community_id = a.community_id) as school_ids,
      coalesce(c.archived_at is not null, false) as archived
    from assessments a left join communities c on c.id = a.community_id
    where a.id = ${id} and a.org_id = ${actor.orgId}`);
  const row = result.rows[0];
  if (!row) throw notFound(what);
  const access: ResultsAccess = {
    actor,
    communityId: row.community_id,
    communityRole: row.role,
    schoolIds: row.school_ids,
    // Reading an archived team's data stays possible; canManageResults would refuse it.
    archived: false,
  };
  if (!canUseStudentData(access)) throw notFound(what);
  const items = await db
    .select({ standard: assessmentItems.standard })
    .from(assessmentItems)
    .where(eq(assessmentItems.assessmentId, id))
    .orderBy(asc(assessmentItems.position));
  const standards = [...new Set(items.map((i) => i.standard).filter((s) => s !== ""))];
  return {
    id: row.id,
    title: row.title,
    communityId: row.community_id,
    givenOn: row.given_on,
    masteryPercent: row.mastery_percent,
    standards,
    access,
  };
}
