import { sql } from "drizzle-orm";
import type { ContributionKind } from "../../shared/protocols/definition.ts";
import type { LiveContribution } from "../../shared/schemas/live.ts";
import type { Executor } from "../db/client.ts";
import { newId } from "../lib/ids.ts";
import type { RoomMeeting } from "./access.ts";

/** A contribution as the room keeps it: the wire shape without `mine`, plus who wrote it (never sent when anonymous). */
export type StoredContribution = Omit<LiveContribution, "mine"> & { authorId: string };

type Row = {
  id: string;
  client_id: string;
  agenda_item_id: string;
  step_index: number;
  kind: ContributionKind;
  body: string;
  author_id: string;
  author_name: string;
  anonymous: boolean;
  created_at: string;
};

const columns = sql`c.id, c.client_id, c.agenda_item_id, c.step_index, c.kind, c.body, c.author_id,
  p.name as author_name, c.anonymous,
  to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at`;

function fromRow(row: Row): StoredContribution {
  return {
    id: row.id,
    clientId: row.client_id,
    agendaItemId: row.agenda_item_id,
    stepIndex: row.step_index,
    kind: row.kind,
    body: row.body,
    // An anonymous card never carries its author out of the database layer, except as authorId for `mine`.
    author: row.anonymous ? null : { id: row.author_id, name: row.author_name },
    authorId: row.author_id,
    createdAt: row.created_at,
  };
}

/** The meeting's contributions that were not retracted, oldest first. */
export async function listContributions(db: Executor, meetingId: string): Promise<StoredContribution[]> {
  const result = await db.execute<Row>(sql`
    select ${columns} from contributions c join people p on p.id = c.author_id
    where c.meeting_id = ${meetingId} and c.retracted_at is null
    order by c.created_at, c.id`);
  return result.rows.map(fromRow);
}

export type NewContribution = {
  clientId: string;
  agendaItemId: string;
  stepIndex: number;
  kind: ContributionKind;
  body: string;
  anonymous: boolean;
};

/**
 * Stores a contribution once per (meeting, clientId): a resend after a reconnect finds the stored one.
 * Returns it and whether it is new; null when the clientId belongs to someone else's contribution.
 */
export async function storeContribution(
  db: Executor,
  meeting: RoomMeeting,
  authorId: string,
  input: NewContribution,
): Promise<{ contribution: StoredContribution; created: boolean } | null> {
  const inserted = await db.execute<{ id: string }>(sql`
    insert into contributions (id, org_id, meeting_id, agenda_item_id, step_index, kind, body, author_id,
      anonymous, client_id)
    values (${newId()}, ${meeting.orgId}, ${meeting.id}, ${input.agendaItemId}, ${input.stepIndex},
      ${input.kind}, ${input.body}, ${authorId}, ${input.anonymous}, ${input.clientId})
    on conflict (meeting_id, client_id) do nothing
    returning id`);
  const result = await db.execute<Row>(sql`
    select ${columns} from contributions c join people p on p.id = c.author_id
    where c.meeting_id = ${meeting.id} and c.client_id = ${input.clientId}`);
  const row = result.rows[0];
  if (!row || row.author_id !== authorId) return null;
  return { contribution: fromRow(row), created: inserted.rows.length > 0 };
}

/** Retracts the author's own contribution; false when it is not theirs, not in this meeting, or already gone. */
export async function retractContribution(
  db: Executor,
  meetingId: string,
  authorId: string,
  contributionId: string,
): Promise<boolean> {
  const result = await db.execute(sql`
    update contributions set retracted_at = now()
    where id = ${contributionId} and meeting_id = ${meetingId} and author_id = ${authorId}
      and retracted_at is null
    returning id`);
  return result.rows.length > 0;
}

/** Records that a person joined the room (once: later joins keep the first time and any manual correction). */
export async function recordJoin(db: Executor, meeting: RoomMeeting, personId: string): Promise<void> {
  await db.execute(sql`
    insert into attendance (org_id, meeting_id, person_id, present, source, first_joined_at)
    values (${meeting.orgId}, ${meeting.id}, ${personId}, true, 'joined', now())
    on conflict (meeting_id, person_id) do update
      set first_joined_at = coalesce(attendance.first_joined_at, excluded.first_joined_at)
      where attendance.first_joined_at is null`);
}
