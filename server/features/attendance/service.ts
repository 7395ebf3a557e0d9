import { sql } from "drizzle-orm";
import type { Attendance, AttendanceEntry } from "../../../shared/schemas/attendance.ts";
import type { Executor } from "../../db/client.ts";
import { forbidden, invalid } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { loadMeeting } from "../minutes/load.ts";
import { canEditMinutes } from "../minutes/policy.ts";

type Row = {
  person_id: string;
  name: string;
  role: string | null;
  present: boolean | null;
  source: "joined" | "manual" | null;
  first_joined_at: string | null;
};

/** Members of the meeting's community (active now) and anyone with an attendance record, by name. */
async function listEntries(
  db: Executor,
  meeting: { id: string; communityId: string },
): Promise<AttendanceEntry[]> {
  const result = await db.execute<Row>(sql`
    with people_in as (
      select person_id from memberships where community_id = ${meeting.communityId} and status = 'active'
      union select person_id from attendance where meeting_id = ${meeting.id})
    select p.id as person_id, p.name, ms.role, a.present, a.source,
      to_char(a.first_joined_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as first_joined_at
    from people_in i join people p on p.id = i.person_id
      left join memberships ms on ms.person_id = p.id and ms.community_id = ${meeting.communityId}
        and ms.status = 'active'
      left join attendance a on a.meeting_id = ${meeting.id} and a.person_id = p.id
    order by p.name, p.id`);
  return result.rows.map((row) => ({
    personId: row.person_id,
    name: row.name,
    role: row.role,
    present: row.present ?? false,
    source: row.source,
    firstJoinedAt: row.first_joined_at,
  }));
}

/**
 * Who was at a meeting: taken from who joined the live room, corrected by hand. Attendance is part of
 * the minutes, so it follows their rules (server/features/minutes/policy.ts): whoever reads the minutes
 * reads it, whoever edits them corrects it.
 */
export async function getAttendance(ctx: ServiceContext, meetingId: string): Promise<Attendance> {
  const { meeting, access } = await loadMeeting(ctx.db, ctx.actor, meetingId);
  return { items: await listEntries(ctx.db, meetingOf(meeting)), can: { edit: canEditMinutes(access) } };
}

const meetingOf = (row: { id: string; community_id: string; org_id: string }) => ({
  id: row.id,
  communityId: row.community_id,
  orgId: row.org_id,
});

/** Marks someone present or absent (facilitators and leaders; also after the meeting, for the minutes). */
export async function setAttendance(
  ctx: ServiceContext,
  meetingId: string,
  personId: string,
  present: boolean,
): Promise<Attendance> {
  return ctx.db.transaction(async (tx) => {
    const loaded = await loadMeeting(tx, ctx.actor, meetingId, { forUpdate: true });
    const meeting = meetingOf(loaded.meeting);
    if (!canEditMinutes(loaded.access))
      throw forbidden(
        "Only the meeting's facilitators and the community's leaders can correct the attendance.",
      );
    const entries = await listEntries(tx, meeting);
    if (!entries.some((entry) => entry.personId === personId))
      throw invalid("personId", "This person is not in the meeting's community.");
    await tx.execute(sql`
      insert into attendance (org_id, meeting_id, person_id, present, source)
      values (${meeting.orgId}, ${meeting.id}, ${personId}, ${present}, 'manual')
      on conflict (meeting_id, person_id) do update
        set present = excluded.present, source = 'manual', updated_at = now()`);
    return { items: await listEntries(tx, meeting), can: { edit: true } };
  });
}
