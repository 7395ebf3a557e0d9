import { sql } from "drizzle-orm";
import type { AudienceKind } from "../../../shared/surveys/definition.ts";
import type { Executor } from "../../db/client.ts";

/*
 * Who a survey goes to, decided once when it is sent (survey_recipients): a community's active facilitators
 * and members (not partners, not observers); a school's educators and leaders; the district's educators,
 * school leaders and administrators. Partners never, whatever their membership. Only active people. The
 * sender is among them exactly when they belong to the audience.
 */
export async function recipientsOf(
  db: Executor,
  orgId: string,
  audience: AudienceKind,
  target: { communityId: string | null; schoolId: string | null },
): Promise<string[]> {
  const educators = sql`p.org_id = ${orgId} and p.status = 'active' and p.org_role <> 'partner'`;
  const query =
    audience === "community"
      ? sql`select p.id from memberships m join people p on p.id = m.person_id
          where m.community_id = ${target.communityId} and m.status = 'active'
            and m.role in ('facilitator', 'member') and ${educators}`
      : audience === "school"
        ? sql`select p.id from person_schools ps join people p on p.id = ps.person_id
            where ps.school_id = ${target.schoolId} and p.org_role in ('educator', 'school_leader')
              and ${educators}`
        : sql`select p.id from people p
            where p.org_role in ('educator', 'school_leader', 'administrator') and ${educators}`;
  const result = await db.execute<{ id: string }>(query);
  return [...new Set(result.rows.map((r) => r.id))];
}

/** Recipients who have not submitted: the reminders' list. */
export async function notAnswered(db: Executor, administrationId: string): Promise<string[]> {
  const result = await db.execute<{ person_id: string }>(sql`
    select r.person_id from survey_recipients r
    where r.administration_id = ${administrationId}
      and not exists (select 1 from survey_responses x where x.administration_id = r.administration_id
        and x.person_id = r.person_id and x.submitted_at is not null)`);
  return result.rows.map((r) => r.person_id);
}
