import { type SQL, sql } from "drizzle-orm";
import type { JournalEntry } from "../../../shared/schemas/journals.ts";
import type { Executor } from "../../db/client.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { invalid, notFound } from "../../http/errors.ts";
import { renderMarkdown } from "../../lib/markdown.ts";
import { canLinkTo, canReadEntry, type EntryAccess, isAuthor, type Membership } from "./policy.ts";

const iso = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);

export type EntryRow = {
  id: string;
  person_id: string;
  author_name: string;
  title: string;
  prompt: string | null;
  body: string;
  written_on: string;
  shared_community_id: string | null;
  shared_name: string | null;
  shared_at: string | null;
  meeting_id: string | null;
  meeting_title: string | null;
  meeting_starts_at: string | null;
  meeting_community_id: string | null;
  cycle_id: string | null;
  cycle_title: string | null;
  cycle_community_id: string | null;
  in_plan: { schoolYear: string; activityId: string } | null;
  version: number;
  created_at: string;
  updated_at: string;
  shared_membership: Membership;
};

/** Entries with what presenting them and deciding access needs, in one query. */
export async function queryEntries(
  db: Executor,
  actor: Actor,
  where: SQL,
  { limit = 100, forUpdate = false } = {},
): Promise<EntryRow[]> {
  const result = await db.execute<EntryRow>(sql`
    select e.id, e.person_id, p.name as author_name, e.title, e.prompt, e.body,
      e.written_on::text as written_on, e.shared_community_id, c.name as shared_name,
      ${iso("e.shared_at")} as shared_at, e.meeting_id, m.title as meeting_title,
      ${iso("m.starts_at")} as meeting_starts_at, m.community_id as meeting_community_id,
      e.cycle_id, cy.title as cycle_title, cy.community_id as cycle_community_id,
      (select json_build_object('schoolYear', lp.school_year, 'activityId', a.id)
         from learning_plan_activities a join learning_plans lp on lp.id = a.plan_id
         where a.journal_entry_id = e.id and lp.person_id = e.person_id
         order by a.created_at limit 1) as in_plan,
      e.version, ${iso("e.created_at")} as created_at, ${iso("e.updated_at")} as updated_at,
      (select json_build_object('role', ms.role, 'status', ms.status) from memberships ms
         where ms.community_id = e.shared_community_id and ms.person_id = ${actor.id}) as shared_membership
    from journal_entries e
    join people p on p.id = e.person_id
    left join communities c on c.id = e.shared_community_id
    left join meetings m on m.id = e.meeting_id
    left join cycles cy on cy.id = e.cycle_id
    where e.org_id = ${actor.orgId} and ${where}
    order by e.written_on desc, e.created_at desc, e.id desc
    limit ${limit}
    ${forUpdate ? sql`for update of e` : sql``}`);
  return result.rows;
}

export const accessOf = (actor: Actor, row: EntryRow): EntryAccess => ({
  actorId: actor.id,
  authorId: row.person_id,
  shared: row.shared_community_id !== null,
  sharedMembership: row.shared_membership,
});

/** An entry the actor may read, or 404 — the same answer for another's private entry as for none. */
export async function loadEntry(db: Executor, actor: Actor, id: string, forUpdate = false) {
  const [row] = await queryEntries(db, actor, sql`e.id = ${id}`, { limit: 1, forUpdate });
  if (!row || !canReadEntry(accessOf(actor, row))) throw notFound("This journal entry");
  return row;
}

/** Loads an entry only its author may change; anyone else gets the 404 they would get reading it. */
export async function loadOwnEntry(db: Executor, actor: Actor, id: string) {
  const row = await loadEntry(db, actor, id, true);
  if (!isAuthor(accessOf(actor, row))) throw notFound("This journal entry");
  return row;
}

export function presentEntry(actor: Actor, row: EntryRow): JournalEntry {
  const author = isAuthor(accessOf(actor, row));
  // Readers of a shared entry see what it is about only when that lies in the same community.
  const showMeeting = row.meeting_id && (author || row.meeting_community_id === row.shared_community_id);
  const showCycle = row.cycle_id && (author || row.cycle_community_id === row.shared_community_id);
  return {
    id: row.id,
    title: row.title,
    prompt: row.prompt,
    body: row.body,
    bodyHtml: renderMarkdown(row.body),
    writtenOn: row.written_on,
    author: { id: row.person_id, name: row.author_name },
    meeting: showMeeting
      ? { id: row.meeting_id ?? "", title: row.meeting_title ?? "", startsAt: row.meeting_starts_at ?? "" }
      : null,
    cycle: showCycle ? { id: row.cycle_id ?? "", title: row.cycle_title ?? "" } : null,
    sharedWith:
      row.shared_community_id && row.shared_name
        ? { id: row.shared_community_id, name: row.shared_name }
        : null,
    sharedAt: row.shared_at,
    inLearningPlan: author ? row.in_plan : null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    can: { edit: author },
  };
}

/** The actor's membership in a community of their district (null when none, or not in their district). */
export async function membershipIn(db: Executor, actor: Actor, communityId: string) {
  const result = await db.execute<{ role: string; status: string; archived: boolean; name: string }>(sql`
    select ms.role, ms.status, c.archived_at is not null as archived, c.name
    from communities c left join memberships ms on ms.community_id = c.id and ms.person_id = ${actor.id}
    where c.id = ${communityId} and c.org_id = ${actor.orgId}`);
  const row = result.rows[0];
  if (!row) return null;
  return {
    name: row.name,
    archived: row.archived,
    membership: row.role ? ({ role: row.role, status: row.status } as Membership) : null,
  };
}

/** A meeting or cycle an entry may be about: one of a community the author is active in. */
export async function checkSubject(
  db: Executor,
  actor: Actor,
  field: "meetingId" | "cycleId",
  id: string | null | undefined,
) {
  if (!id) return;
  const table = sql.raw(field === "meetingId" ? "meetings" : "cycles");
  const result = await db.execute<{ community_id: string }>(
    sql`select community_id from ${table} where id = ${id} and org_id = ${actor.orgId}`,
  );
  const communityId = result.rows[0]?.community_id;
  const found = communityId ? await membershipIn(db, actor, communityId) : null;
  if (!found || !canLinkTo(found.membership))
    throw invalid(
      field,
      field === "meetingId"
        ? "Choose a meeting of a community you belong to."
        : "Choose an improvement cycle of a community you belong to.",
    );
}
