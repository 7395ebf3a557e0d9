import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { meetings, memberships, people } from "../../db/schema/index.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { conflict, forbidden, invalid, notFound } from "../../http/errors.ts";
import { type LoadedCommunity, loadCommunity } from "../communities/load.ts";
import { canReadMeetings, canScheduleMeetings } from "./policy.ts";

export type MeetingRow = typeof meetings.$inferSelect;
export type LoadedMeeting = { meeting: MeetingRow; community: LoadedCommunity };

/**
 * The community whose meetings the actor reads or schedules. Another district's, or a private one the
 * actor is not in, is 404 (loadCommunity); a visible community the actor is not a member of is 403.
 */
export async function loadCommunityForMeetings(
  db: Executor,
  actor: Actor,
  communityId: string,
  write: boolean,
): Promise<LoadedCommunity> {
  const community = await loadCommunity(db, actor, communityId);
  if (!canReadMeetings(community.access)) throw forbidden("Join this community to see its meetings.");
  if (write) assertCanSchedule(community);
  return community;
}

export function assertCanSchedule(community: LoadedCommunity): void {
  if (community.access.archived && canScheduleMeetingsIgnoringArchive(community))
    throw forbidden("This community is archived. Restore it before planning meetings.");
  if (!canScheduleMeetings(community.access))
    throw forbidden("Only the community's facilitators and district leaders can plan its meetings.");
}

function canScheduleMeetingsIgnoringArchive(community: LoadedCommunity): boolean {
  return canScheduleMeetings({ ...community.access, archived: false });
}

/** A meeting the actor may read (404/403 as for its community); `forUpdate` locks the row for a write. */
export async function loadMeeting(
  db: Executor,
  actor: Actor,
  id: string,
  options: { write?: boolean; forUpdate?: boolean } = {},
): Promise<LoadedMeeting> {
  const query = db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, id), eq(meetings.orgId, actor.orgId)));
  const [meeting] = options.forUpdate ? await query.for("update") : await query;
  if (!meeting) throw notFound("This meeting");
  const community = await loadCommunityForMeetings(db, actor, meeting.communityId, options.write ?? false);
  return { meeting, community };
}

/** Refuses changes to a meeting that has started, ended or (for most changes) been cancelled. */
export function assertChangeable(meeting: MeetingRow, what: string, allowCancelled = false): void {
  if (meeting.status === "live")
    throw conflict(`This meeting is in progress, so ${what} can no longer be changed.`);
  if (meeting.status === "ended")
    throw conflict(`This meeting has ended, so ${what} can no longer be changed.`);
  if (meeting.status === "cancelled" && !allowCancelled)
    throw conflict(`This meeting is cancelled. Restore it before changing ${what}.`);
}

/** Refuses people who are not active members of the community (for roles and presenters). */
export async function assertActiveMembers(
  db: Executor,
  communityId: string,
  personIds: string[],
  path: (index: number) => string,
): Promise<void> {
  const unique = [...new Set(personIds)];
  if (unique.length === 0) return;
  const rows = await db
    .select({ id: memberships.personId })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(
      and(
        eq(memberships.communityId, communityId),
        eq(memberships.status, "active"),
        eq(people.status, "active"),
        sql`${memberships.personId} in ${unique}`,
      ),
    );
  const found = new Set(rows.map((r) => r.id));
  const missing = personIds.findIndex((id) => !found.has(id));
  if (missing !== -1)
    throw invalid(path(missing), "Choose someone who is an active member of this community.");
}
