import { sql } from "drizzle-orm";
import type { CommunityRole } from "../../shared/schemas/communities.ts";
import type { MeetingRole, MeetingStatus } from "../../shared/schemas/meeting-enums.ts";
import type { Executor } from "../db/client.ts";
import type { Actor } from "../http/auth/plugin.ts";
import { notFound } from "../http/errors.ts";
import { canJoin, type RoomAccess } from "./policy.ts";

export type RoomMeeting = {
  id: string;
  orgId: string;
  communityId: string;
  title: string;
  status: MeetingStatus;
};

type Row = RoomMeeting & { community_role: CommunityRole | null; meeting_roles: MeetingRole[] };

/**
 * Loads a meeting with the actor's relation to it (one query, scoped to the actor's district), or
 * throws 404: another district's meeting, a missing one and one the actor may not join look the same.
 */
export async function loadRoomAccess(
  db: Executor,
  actor: Actor,
  meetingId: string,
): Promise<{ meeting: RoomMeeting; access: RoomAccess }> {
  const result = await db.execute<Row>(sql`
    select m.id, m.org_id as "orgId", m.community_id as "communityId", m.title, m.status,
      (select ms.role from memberships ms
        where ms.community_id = m.community_id and ms.person_id = ${actor.id} and ms.status = 'active')
        as community_role,
      array(select r.role from meeting_roles r where r.meeting_id = m.id and r.person_id = ${actor.id})
        as meeting_roles
    from meetings m
    where m.id = ${meetingId} and m.org_id = ${actor.orgId}`);
  const row = result.rows[0];
  if (!row) throw notFound("This meeting");
  const access: RoomAccess = { actor, communityRole: row.community_role, meetingRoles: row.meeting_roles };
  if (!canJoin(access)) throw notFound("This meeting");
  const { community_role: _r, meeting_roles: _m, ...meeting } = row;
  return { meeting, access };
}
