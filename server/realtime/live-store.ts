import { and, eq, sql } from "drizzle-orm";
import type { ProtocolDefinition } from "../../shared/protocols/definition.ts";
import type { LiveState } from "../../shared/schemas/live.ts";
import type { MeetingRole } from "../../shared/schemas/meeting-enums.ts";
import type { Db, Executor } from "../db/client.ts";
import { meetingLiveStates, meetings } from "../db/schema/index.ts";
import { recordAudit } from "../features/audit/record.ts";
import { generateMinutes } from "../features/minutes/generate.ts";
import type { RoomMeeting } from "./access.ts";
import { type Agenda, initialState } from "./state-machine.ts";

/** What a room loads once when it opens: the agenda, who presents each item, and the meeting roles. */
export type RoomPlan = {
  agenda: Agenda;
  /** Presenter of each agenda item, by index (null when none). */
  presenters: (string | null)[];
  /** Meeting roles by person. */
  roles: Map<string, MeetingRole[]>;
};

type ItemRow = {
  id: string;
  title: string;
  minutes: number;
  presenter_id: string | null;
  definition: ProtocolDefinition | null;
};

/** The meeting's agenda as steps: a protocol item has its protocol version's steps; any other item is one step. */
export async function loadPlan(db: Executor, meetingId: string): Promise<RoomPlan> {
  const items = await db.execute<ItemRow>(sql`
    select a.id, a.title, a.minutes, a.presenter_id, v.definition
    from agenda_items a left join protocol_versions v on v.id = a.protocol_version_id
    where a.meeting_id = ${meetingId}
    order by a.position, a.id`);
  const roleRows = await db.execute<{ person_id: string; role: MeetingRole }>(
    sql`select person_id, role from meeting_roles where meeting_id = ${meetingId}`,
  );
  const roles = new Map<string, MeetingRole[]>();
  for (const row of roleRows.rows) roles.set(row.person_id, [...(roles.get(row.person_id) ?? []), row.role]);
  const agenda: Agenda = items.rows.map((item) => ({
    id: item.id,
    title: item.title,
    steps: item.definition
      ? item.definition.steps.map((s) => ({
          title: s.title,
          minutes: s.minutes,
          captures: s.captures,
          anonymity: s.anonymity,
        }))
      : [{ title: item.title, minutes: item.minutes, captures: "note", anonymity: "named" }],
  }));
  return { agenda, presenters: items.rows.map((item) => item.presenter_id), roles };
}

type StateRow = typeof meetingLiveStates.$inferSelect;

function toLiveState(row: StateRow, agenda: Agenda): LiveState {
  // Until someone starts the room, the clock shows the first step as the agenda is now.
  if (row.version === 0 && row.phase === "not_started") return initialState(agenda);
  return {
    version: row.version,
    phase: row.phase,
    itemIndex: row.itemIndex,
    stepIndex: row.stepIndex,
    durationSeconds: row.durationSeconds,
    endsAt: row.endsAt ? row.endsAt.toISOString() : null,
    remainingMs: row.remainingMs,
  };
}

/** The room's persisted state (created on first use) and the name of whoever changed it last. */
export async function loadState(
  db: Executor,
  meeting: RoomMeeting,
  agenda: Agenda,
): Promise<{ state: LiveState; by: string | null }> {
  await db
    .insert(meetingLiveStates)
    .values({ meetingId: meeting.id, orgId: meeting.orgId })
    .onConflictDoNothing({ target: meetingLiveStates.meetingId });
  const [row] = await db.select().from(meetingLiveStates).where(eq(meetingLiveStates.meetingId, meeting.id));
  if (!row) throw new Error(`live state of ${meeting.id} vanished`);
  const by = row.updatedBy
    ? ((await db.execute<{ name: string }>(sql`select name from people where id = ${row.updatedBy}`)).rows[0]
        ?.name ?? null)
    : null;
  return { state: toLiveState(row, agenda), by };
}

/**
 * Persists a state the state machine produced from version `expected`, in one transaction with what the
 * command means for the meeting (live, ended, minutes). Returns false when another server process
 * applied a command first (the version moved): nothing is written then.
 */
export async function saveState(
  db: Db,
  meeting: RoomMeeting,
  expected: number,
  state: LiveState,
  actorId: string,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(meetingLiveStates)
      .set({
        version: state.version,
        phase: state.phase,
        itemIndex: state.itemIndex,
        stepIndex: state.stepIndex,
        durationSeconds: state.durationSeconds,
        endsAt: state.endsAt ? new Date(state.endsAt) : null,
        remainingMs: state.remainingMs,
        updatedBy: actorId,
        updatedAt: sql`now()`,
      })
      .where(and(eq(meetingLiveStates.meetingId, meeting.id), eq(meetingLiveStates.version, expected)))
      .returning({ version: meetingLiveStates.version });
    if (updated.length === 0) return false;
    if (state.phase === "ended") {
      await tx
        .update(meetings)
        .set({ status: "ended", endedAt: sql`now()`, startedAt: sql`coalesce(${meetings.startedAt}, now())` })
        .where(eq(meetings.id, meeting.id));
      await generateMinutes(tx, meeting);
      await auditRoom(tx, meeting, actorId, "meeting.ended");
    } else if (state.phase !== "not_started") {
      const started = await tx
        .update(meetings)
        .set({ status: "live", startedAt: sql`coalesce(${meetings.startedAt}, now())` })
        .where(and(eq(meetings.id, meeting.id), sql`${meetings.status} <> 'live'`))
        .returning({ id: meetings.id });
      // Only the command that took the meeting live is a start; pauses and next steps are not audited.
      if (started.length > 0) await auditRoom(tx, meeting, actorId, "meeting.started");
    }
    return true;
  });
}

/** Starting and ending are recorded like scheduling is (server/features/meetings/service.ts). */
async function auditRoom(
  tx: Executor,
  meeting: RoomMeeting,
  actorId: string,
  action: "meeting.started" | "meeting.ended",
): Promise<void> {
  await recordAudit(tx, {
    orgId: meeting.orgId,
    actorId,
    action,
    subjectType: "meeting",
    subjectId: meeting.id,
    details: { title: meeting.title, communityId: meeting.communityId },
  });
}
