import { sql } from "drizzle-orm";
import type { ProtocolDefinition } from "../../../shared/protocols/definition.ts";
import type { AgendaItemKind } from "../../../shared/schemas/meeting-enums.ts";
import type { MinutesContribution, MinutesItem, MinutesRecord } from "../../../shared/schemas/minutes.ts";
import type { Executor } from "../../db/client.ts";
import { readNotesText } from "../../realtime/notes-store.ts";

type Person = { id: string; name: string };
const iso = (value: Date | string) => new Date(value).toISOString();

/** Everything a meeting's minutes record says, read from the meeting's tables as they are now. */
export async function buildRecord(db: Executor, meetingId: string): Promise<MinutesRecord> {
  const meeting = await readMeeting(db, meetingId);
  // One after another: inside the ending transaction, queries share one connection.
  const attendance = await readAttendance(db, meetingId, meeting.community_id);
  const items = await readItems(db, meetingId);
  const notes = await readNotesText(db, meetingId);
  const outcomes = await readOutcomes(db, meetingId);
  return {
    version: 1,
    meeting: {
      id: meeting.id,
      title: meeting.title,
      startsAt: iso(meeting.starts_at),
      endedAt: meeting.ended_at ? iso(meeting.ended_at) : null,
      durationMinutes: meeting.duration_minutes,
      timeZone: meeting.time_zone,
      place: meeting.place,
      videoUrl: meeting.video_url,
    },
    community: { id: meeting.community_id, name: meeting.community_name },
    attendance,
    items,
    notes,
    ...outcomes,
    generatedAt: new Date().toISOString(),
  };
}

async function readMeeting(db: Executor, meetingId: string) {
  const result = await db.execute<{
    id: string;
    title: string;
    starts_at: Date;
    ended_at: Date | null;
    duration_minutes: number;
    time_zone: string;
    place: string;
    video_url: string;
    community_id: string;
    community_name: string;
  }>(sql`
    select m.id, m.title, m.starts_at, m.ended_at, m.duration_minutes, m.time_zone, m.place, m.video_url,
      m.community_id, c.name as community_name
    from meetings m join communities c on c.id = m.community_id where m.id = ${meetingId}`);
  const row = result.rows[0];
  if (!row) throw new Error(`meeting ${meetingId} not found`);
  return row;
}

/**
 * Present: everyone marked present (joined the room, or added by the facilitator). Absent: those marked
 * absent, and the community's facilitators and members who never joined (observers and partners come
 * when they can; their not coming is not an absence).
 */
async function readAttendance(db: Executor, meetingId: string, communityId: string) {
  const result = await db.execute<{ id: string; name: string; present: boolean }>(sql`
    select p.id, p.name, a.present from attendance a join people p on p.id = a.person_id
    where a.meeting_id = ${meetingId}
    union all
    select p.id, p.name, false from memberships ms join people p on p.id = ms.person_id
    where ms.community_id = ${communityId} and ms.status = 'active' and ms.role in ('facilitator', 'member')
      and not exists (select 1 from attendance a where a.meeting_id = ${meetingId} and a.person_id = p.id)
    order by name, id`);
  const pick = (present: boolean): Person[] =>
    result.rows.filter((r) => r.present === present).map((r) => ({ id: r.id, name: r.name }));
  return { present: pick(true), absent: pick(false) };
}

type ItemRow = {
  id: string;
  kind: AgendaItemKind;
  title: string;
  minutes: number;
  presenter_id: string | null;
  presenter_name: string | null;
  focusing_question: string;
  material: string;
  material_url: string;
  details: string;
  definition: ProtocolDefinition | null;
  version: number | null;
};

type ContributionRow = {
  id: string;
  agenda_item_id: string;
  step_index: number;
  kind: MinutesContribution["kind"];
  body: string;
  author_name: string;
  anonymous: boolean;
  created_at: Date;
};

async function readItems(db: Executor, meetingId: string): Promise<MinutesItem[]> {
  const items = await db.execute<ItemRow>(sql`
      select i.id, i.kind, i.title, i.minutes, i.presenter_id, p.name as presenter_name, i.focusing_question,
        i.material, i.material_url, i.details, v.definition, v.version
      from agenda_items i
      left join people p on p.id = i.presenter_id
      left join protocol_versions v on v.id = i.protocol_version_id
      where i.meeting_id = ${meetingId} order by i.position, i.id`);
  // Retracted cards were taken back by their authors: they are not part of the record.
  const contributions = await db.execute<ContributionRow>(sql`
      select c.id, c.agenda_item_id, c.step_index, c.kind, c.body, p.name as author_name, c.anonymous,
        c.created_at
      from contributions c join people p on p.id = c.author_id
      where c.meeting_id = ${meetingId} and c.retracted_at is null
      order by c.created_at, c.id`);
  return items.rows.map((item) =>
    toItem(
      item,
      contributions.rows.filter((c) => c.agenda_item_id === item.id),
    ),
  );
}

function toContribution(row: ContributionRow): MinutesContribution {
  return {
    id: row.id,
    kind: row.kind,
    body: row.body,
    // The author is stored (so they may retract it) but an anonymous card never carries a name.
    author: row.anonymous ? null : row.author_name,
    createdAt: iso(row.created_at),
  };
}

/** Contributions go under the protocol step they were given in; any others stay with the item. */
function toItem(item: ItemRow, contributions: ContributionRow[]): MinutesItem {
  const steps = (item.definition?.steps ?? []).map((step, index) => ({
    index,
    title: step.title,
    minutes: step.minutes,
    captures: step.captures,
    contributions: contributions.filter((c) => c.step_index === index).map(toContribution),
  }));
  const loose = contributions.filter((c) => c.step_index < 0 || c.step_index >= steps.length);
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    minutes: item.minutes,
    presenter:
      item.presenter_id && item.presenter_name ? { id: item.presenter_id, name: item.presenter_name } : null,
    focusingQuestion: item.focusing_question,
    material: item.material,
    materialUrl: item.material_url,
    details: item.details,
    protocol:
      item.definition && item.version !== null ? { name: item.definition.name, version: item.version } : null,
    steps,
    contributions: loose.map(toContribution),
  };
}

async function readOutcomes(db: Executor, meetingId: string) {
  const decisions = await db.execute<{ id: string; text: string }>(sql`
      select id, text from decisions where meeting_id = ${meetingId} order by position, id`);
  const actions = await db.execute<{
    id: string;
    title: string;
    owner: string | null;
    due_on: string | null;
    status: string;
  }>(sql`
      select a.id, a.title, p.name as owner, a.due_on::text as due_on, a.status
      from action_items a left join people p on p.id = a.owner_id
      where a.meeting_id = ${meetingId} order by a.created_at, a.id`);
  return {
    decisions: decisions.rows,
    actionItems: actions.rows.map((a) => ({
      id: a.id,
      title: a.title,
      owner: a.owner,
      dueOn: a.due_on,
      status: a.status,
    })),
  };
}
