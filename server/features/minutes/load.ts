import { sql } from "drizzle-orm";
import type { CommunityRole } from "../../../shared/schemas/communities.ts";
import type { MeetingRole, MeetingStatus } from "../../../shared/schemas/meeting-enums.ts";
import type { Executor } from "../../db/client.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { notFound } from "../../http/errors.ts";
import { canReadMinutes, type MeetingAccess } from "./policy.ts";

export type MeetingRow = {
  id: string;
  org_id: string;
  community_id: string;
  community_name: string;
  title: string;
  starts_at: Date;
  time_zone: string;
  status: MeetingStatus;
  ended_at: Date | null;
};

type AccessRow = MeetingRow & {
  archived: boolean;
  community_role: CommunityRole | null;
  school_ids: string[];
  meeting_roles: MeetingRole[];
  attended: boolean;
};

export type LoadedMeeting = { meeting: MeetingRow; access: MeetingAccess };

/**
 * A meeting with the actor's relation to it, in one round trip. Another district's meeting, a missing
 * one, and one whose minutes the actor may not read all answer 404 alike, so nothing leaks.
 */
export async function loadMeeting(
  db: Executor,
  actor: Actor,
  meetingId: string,
  { forUpdate = false, mustRead = true } = {},
): Promise<LoadedMeeting> {
  const result = await db.execute<AccessRow>(sql`
    select m.id, m.org_id, m.community_id, c.name as community_name, m.title, m.starts_at, m.time_zone,
      m.status, m.ended_at, c.archived_at is not null as archived,
      (select ms.role from memberships ms where ms.community_id = c.id and ms.person_id = ${actor.id}
        and ms.status = 'active') as community_role,
      array(select cs.school_id from community_schools cs where cs.community_id = c.id) as school_ids,
      array(select r.role from meeting_roles r where r.meeting_id = m.id and r.person_id = ${actor.id})
        as meeting_roles,
      exists(select 1 from attendance a where a.meeting_id = m.id and a.person_id = ${actor.id}
        and a.present) as attended
    from meetings m join communities c on c.id = m.community_id
    where m.id = ${meetingId} and m.org_id = ${actor.orgId}
    ${forUpdate ? sql`for update of m` : sql``}`);
  const row = result.rows[0];
  if (!row) throw notFound("This meeting");
  const access: MeetingAccess = {
    actor,
    communityRole: row.community_role,
    leadsItsSchool:
      actor.orgRole === "school_leader" && row.school_ids.some((s) => actor.schoolIds.includes(s)),
    meetingRoles: row.meeting_roles,
    attended: row.attended,
    archived: row.archived,
  };
  if (mustRead && !canReadMinutes(access)) throw notFound("This meeting");
  return {
    meeting: {
      ...row,
      starts_at: new Date(row.starts_at),
      ended_at: row.ended_at ? new Date(row.ended_at) : null,
    },
    access,
  };
}

/** The meeting's calendar date where it takes place (YYYY-MM-DD): due dates may not come before it. */
export function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
}
