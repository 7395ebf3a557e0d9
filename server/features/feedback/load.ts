import { sql } from "drizzle-orm";
import type { ContributionKind } from "../../../shared/protocols/definition.ts";
import type { FeedbackItem, MeetingFeedback } from "../../../shared/schemas/feedback.ts";
import { isQuestionKind } from "../../../shared/schemas/feedback.ts";
import type { FeedbackKind } from "../../../shared/schemas/work-enums.ts";
import type { Executor } from "../../db/client.ts";
import type { Actor } from "../../http/auth/plugin.ts";

const iso = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

export type FeedbackRow = {
  id: string;
  artifact_id: string;
  kind: FeedbackKind;
  body: string;
  author_id: string;
  author_name: string;
  anonymous: boolean;
  rubric_criterion: string | null;
  version_number: number;
  answer: string | null;
  answered_at: string | null;
  created_at: string;
};

/** Feedback not withdrawn, newest first: of one artifact, or the one item `feedbackId`. */
export async function queryFeedback(
  db: Executor,
  orgId: string,
  where: { artifactId: string } | { feedbackId: string },
): Promise<FeedbackRow[]> {
  const filter =
    "artifactId" in where ? sql`f.artifact_id = ${where.artifactId}` : sql`f.id = ${where.feedbackId}`;
  const result = await db.execute<FeedbackRow>(sql`
    select f.id, f.artifact_id, f.kind, f.body, f.author_id, p.name as author_name, f.anonymous,
      f.rubric_criterion, f.version_number, f.answer,
      ${iso("f.answered_at")} as answered_at, ${iso("f.created_at")} as created_at
    from artifact_feedback f join people p on p.id = f.author_id
    where ${filter} and f.org_id = ${orgId} and f.withdrawn_at is null
    order by f.created_at desc, f.id desc`);
  return result.rows;
}

/**
 * The API shape of one item. An anonymous item never carries its author — not the id, not the name —
 * to anyone; its own author learns only `mine: true`.
 */
export function presentFeedback(actor: Actor, row: FeedbackRow, canAnswer: boolean): FeedbackItem {
  const mine = row.author_id === actor.id;
  return {
    id: row.id,
    kind: row.kind,
    body: row.body,
    author: row.anonymous ? null : { id: row.author_id, name: row.author_name },
    anonymous: row.anonymous,
    mine,
    rubricCriterion: row.rubric_criterion,
    versionNumber: row.version_number,
    answer: row.answer,
    answeredAt: row.answered_at,
    createdAt: row.created_at,
    can: { answer: canAnswer && isQuestionKind(row.kind), withdraw: mine },
  };
}

type ContributionRow = {
  id: string;
  kind: ContributionKind;
  body: string;
  author_id: string;
  author_name: string;
  anonymous: boolean;
  created_at: string;
  meeting_id: string;
  meeting_title: string;
  starts_at: string;
  time_zone: string;
  item_id: string;
  item_title: string;
};

/**
 * The cards given in live protocol runs that presented this artifact (agenda_items.artifact_id), grouped
 * by agenda item, newest meeting first; retracted cards are left out, anonymous ones lose their author.
 * With `attendedBy`, only the meetings that person attended.
 */
export async function meetingFeedback(
  db: Executor,
  orgId: string,
  artifactId: string,
  attendedBy: string | null = null,
): Promise<MeetingFeedback[]> {
  const result = await db.execute<ContributionRow>(sql`
    select c.id, c.kind, c.body, c.author_id, p.name as author_name, c.anonymous,
      ${iso("c.created_at")} as created_at, m.id as meeting_id, m.title as meeting_title,
      ${iso("m.starts_at")} as starts_at, m.time_zone, ai.id as item_id, ai.title as item_title
    from agenda_items ai
    join meetings m on m.id = ai.meeting_id
    join contributions c on c.agenda_item_id = ai.id and c.retracted_at is null
    join people p on p.id = c.author_id
    where ai.artifact_id = ${artifactId} and ai.org_id = ${orgId}
    ${
      attendedBy
        ? sql`and exists (select 1 from attendance at
      where at.meeting_id = m.id and at.person_id = ${attendedBy} and at.present)`
        : sql``
    }
    order by m.starts_at desc, ai.position, c.step_index, c.created_at, c.id`);
  const groups = new Map<string, MeetingFeedback>();
  for (const row of result.rows) {
    let group = groups.get(row.item_id);
    if (!group) {
      group = {
        meetingId: row.meeting_id,
        meetingTitle: row.meeting_title,
        startsAt: row.starts_at,
        timeZone: row.time_zone,
        agendaItemTitle: row.item_title,
        items: [],
      };
      groups.set(row.item_id, group);
    }
    group.items.push({
      id: row.id,
      kind: row.kind,
      body: row.body,
      author: row.anonymous ? null : { id: row.author_id, name: row.author_name },
      anonymous: row.anonymous,
      createdAt: row.created_at,
    });
  }
  return [...groups.values()];
}
