import { sql } from "drizzle-orm";
import type { Post, ThreadSummary } from "../../../shared/schemas/discussions.ts";
import type { Executor } from "../../db/client.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { AppError, notFound } from "../../http/errors.ts";
import { mentionedIds, renderMarkdown } from "../../lib/markdown.ts";
import { type LoadedCommunity, loadCommunity } from "../communities/load.ts";
import { canChangePost, canRemovePost } from "./policy.ts";

const iso = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
/** Microseconds, for cursors: a millisecond cursor would skip or repeat threads posted in the same ms. */
const isoMicro = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);

/** A 404 of what something belongs to is told as a 404 of the thing itself; other failures pass. */
export const asNotFound = (what: string) => (error: unknown) => {
  throw error instanceof AppError && error.status === 404 ? notFound(what) : error;
};

export type ThreadRow = {
  id: string;
  community_id: string;
  title: string;
  author_id: string;
  author_name: string;
  pinned: boolean;
  reply_count: number;
  last_post_at: string;
  created_at: string;
  following: boolean;
  sort_at: string;
};

/** The columns of a thread as listed and shown; `t` is threads, `a` its author. */
export const threadColumns = (actorId: string) => sql`
  t.id, t.community_id, t.title, t.author_id, a.name as author_name, t.pinned_at is not null as pinned,
  t.reply_count, ${iso("t.last_post_at")} as last_post_at, ${iso("t.created_at")} as created_at,
  exists (select 1 from thread_follows f where f.thread_id = t.id and f.person_id = ${actorId}) as following,
  ${isoMicro("coalesce(t.pinned_at, t.last_post_at)")} as sort_at`;

export const presentSummary = (row: ThreadRow): ThreadSummary => ({
  id: row.id,
  communityId: row.community_id,
  title: row.title,
  author: { id: row.author_id, name: row.author_name },
  pinned: row.pinned,
  replyCount: row.reply_count,
  lastPostAt: row.last_post_at,
  createdAt: row.created_at,
  following: row.following,
});

/**
 * A thread the actor may read, with its community, or 404 — the same whether it is in another
 * district, does not exist, or is in a community they cannot see. `forUpdate` locks the thread.
 */
export async function loadThread(
  db: Executor,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<{ thread: ThreadRow; community: LoadedCommunity }> {
  const result = await db.execute<ThreadRow>(sql`
    select ${threadColumns(actor.id)} from threads t join people a on a.id = t.author_id
    where t.id = ${id} and t.org_id = ${actor.orgId} ${forUpdate ? sql`for update of t` : sql``}`);
  const thread = result.rows[0];
  if (!thread) throw notFound("This discussion");
  const community = await loadCommunity(db, actor, thread.community_id).catch(asNotFound("This discussion"));
  return { thread, community };
}

export type PostRow = {
  id: string;
  thread_id: string;
  author_id: string;
  author_name: string;
  reply_to_id: string | null;
  body: string;
  created_at: string;
  edited_at: string | null;
  deleted: boolean;
  version: number;
};

/** Posts matching `where` (over `po`), oldest first, each with its version (1 + its earlier texts). */
export async function queryPosts(db: Executor, orgId: string, where: ReturnType<typeof sql>, lock = false) {
  const result = await db.execute<PostRow>(sql`
    select po.id, po.thread_id, po.author_id, pa.name as author_name, po.reply_to_id, po.body,
      ${iso("po.created_at")} as created_at,
      case when po.edited_at is null then null else ${iso("po.edited_at")} end as edited_at,
      po.deleted_at is not null as deleted,
      (select count(*)::int from post_revisions r where r.post_id = po.id) + 1 as version
    from posts po join people pa on pa.id = po.author_id
    where po.org_id = ${orgId} and ${where}
    order by po.created_at, po.id ${lock ? sql`for update of po` : sql``}`);
  return result.rows;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Of these people, the ones who can read the community (the rule of communities/policy.ts canRead, as
 * a query), with their names: only they can be mentioned or told about replies.
 */
export async function readersAmong(
  db: Executor,
  communityId: string,
  personIds: string[],
): Promise<Map<string, string>> {
  const ids = [...new Set(personIds.map((id) => id.toLowerCase()))].filter((id) => UUID.test(id));
  if (ids.length === 0) return new Map();
  const result = await db.execute<{ id: string; name: string }>(sql`
    select p.id, p.name from people p join communities c on c.id = ${communityId} and c.org_id = p.org_id
    where p.id = any(string_to_array(${ids.join(",")}, ',')::uuid[]) and p.status = 'active' and (
      exists (select 1 from memberships m
        where m.community_id = c.id and m.person_id = p.id and m.status = 'active')
      or p.org_role = 'administrator'
      or (p.org_role = 'school_leader' and exists (
        select 1 from person_schools ps join community_schools cs on cs.school_id = ps.school_id
        where ps.person_id = p.id and cs.community_id = c.id))
      or (c.visibility = 'organization' and p.org_role <> 'partner'))`);
  return new Map(result.rows.map((r) => [r.id, r.name]));
}

/** Renders posts together, resolving every mention in them in one query. */
export async function presentPosts(
  db: Executor,
  community: LoadedCommunity,
  rows: PostRow[],
): Promise<Post[]> {
  const people = await readersAmong(
    db,
    community.row.id,
    rows.flatMap((r) => (r.deleted ? [] : mentionedIds(r.body))),
  );
  return rows.map((row) => {
    const change = canChangePost(community.access, row.author_id, row.deleted);
    const remove = canRemovePost(community.access, row.author_id, row.deleted);
    return {
      id: row.id,
      threadId: row.thread_id,
      author: { id: row.author_id, name: row.author_name },
      replyToId: row.reply_to_id,
      body: row.deleted ? null : row.body,
      html: row.deleted ? null : renderMarkdown(row.body, people),
      createdAt: row.created_at,
      editedAt: row.edited_at,
      edited: row.edited_at !== null,
      deleted: row.deleted,
      version: row.version,
      can: { edit: change, delete: remove, history: !row.deleted && row.edited_at !== null },
    };
  });
}
