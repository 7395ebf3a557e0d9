import { and, eq, sql } from "drizzle-orm";
import type {
  MentionCandidate,
  Thread,
  ThreadInput,
  ThreadList,
} from "../../../shared/schemas/discussions.ts";
import { posts, threadFollows, threads } from "../../db/schema/index.ts";
import { forbidden, invalid } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { mentionedIds, renderMarkdown } from "../../lib/markdown.ts";
import { recordAudit } from "../audit/record.ts";
import { loadCommunity } from "../communities/load.ts";
import {
  loadThread,
  presentPosts,
  presentSummary,
  queryPosts,
  readersAmong,
  type ThreadRow,
  threadColumns,
} from "./load.ts";
import { follow, notifyMentions } from "./notify-people.ts";
import { canContribute, canPin } from "./policy.ts";

type Cursor = { pinned: 0 | 1; at: string; id: string };
const encodeCursor = (c: Cursor) => Buffer.from(`${c.pinned}|${c.at}|${c.id}`).toString("base64url");
function decodeCursor(raw: string): Cursor {
  const [pinned, at, id] = Buffer.from(raw, "base64url").toString().split("|");
  if (
    (pinned !== "0" && pinned !== "1") ||
    !at ||
    Number.isNaN(Date.parse(at)) ||
    !/^[0-9a-f-]{36}$/.test(id ?? "")
  )
    throw invalid("cursor", "This page link is no longer valid. Go back to the first page.");
  return { pinned: pinned === "1" ? 1 : 0, at, id: id ?? "" };
}

/** A community's threads: pinned ones first (latest pinned on top), then by latest activity. */
export async function listThreads(
  ctx: ServiceContext,
  communityId: string,
  query: { cursor?: string | undefined; limit: number },
): Promise<ThreadList> {
  const community = await loadCommunity(ctx.db, ctx.actor, communityId);
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const key = sql`((t.pinned_at is not null)::int, coalesce(t.pinned_at, t.last_post_at), t.id)`;
  const result = await ctx.db.execute<ThreadRow>(sql`
    select ${threadColumns(ctx.actor.id)} from threads t join people a on a.id = t.author_id
    where t.org_id = ${ctx.actor.orgId} and t.community_id = ${communityId}
      ${cursor ? sql`and ${key} < (${cursor.pinned}, ${cursor.at}::timestamptz, ${cursor.id}::uuid)` : sql``}
    order by (t.pinned_at is not null) desc, coalesce(t.pinned_at, t.last_post_at) desc, t.id desc
    limit ${query.limit + 1}`);
  const page = result.rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentSummary),
    nextCursor:
      result.rows.length > query.limit && last
        ? encodeCursor({ pinned: last.pinned ? 1 : 0, at: last.sort_at, id: last.id })
        : null,
    community: { id: community.row.id, name: community.row.name, archived: community.row.archived },
    can: { create: canContribute(community.access) },
  };
}

/** Starts a thread with its opening post; the author follows it, and the people it mentions are told. */
export async function createThread(ctx: ServiceContext, communityId: string, input: ThreadInput) {
  const community = await loadCommunity(ctx.db, ctx.actor, communityId);
  if (!canContribute(community.access))
    throw forbidden(
      community.access.archived
        ? "This community is archived: its discussions can be read, not added to."
        : "Only the community's members, partners and facilitators can start a discussion.",
    );
  const id = newId();
  await ctx.db.insert(threads).values({
    id,
    orgId: ctx.actor.orgId,
    communityId,
    title: input.title,
    authorId: ctx.actor.id,
  });
  await ctx.db.insert(posts).values({
    id: newId(),
    orgId: ctx.actor.orgId,
    threadId: id,
    communityId,
    authorId: ctx.actor.id,
    body: input.body,
  });
  await follow(ctx.db, ctx.actor.orgId, id, ctx.actor.id);
  const where = { threadId: id, threadTitle: input.title, communityId, communityName: community.row.name };
  await notifyMentions(ctx, where, input.body);
  return getThread(ctx, id);
}

/** A thread with all its posts (removed ones keep their place, without their words). */
export async function getThread(ctx: ServiceContext, id: string): Promise<Thread> {
  const { thread, community } = await loadThread(ctx.db, ctx.actor, id);
  const rows = await queryPosts(ctx.db, ctx.actor.orgId, sql`po.thread_id = ${id}`);
  return {
    ...presentSummary(thread),
    communityName: community.row.name,
    archived: community.row.archived,
    posts: await presentPosts(ctx.db, community, rows),
    can: { reply: canContribute(community.access), pin: canPin(community.access), follow: true },
  };
}

/** Pins a thread to the top of the list, or unpins it (facilitators and leaders). */
export async function setPinned(ctx: ServiceContext, id: string, pinned: boolean) {
  return ctx.db.transaction(async (tx) => {
    const { community, thread } = await loadThread(tx, ctx.actor, id, true);
    if (!canPin(community.access))
      throw forbidden("Only the community's facilitators and leaders can pin discussions.");
    if (thread.pinned !== pinned) {
      await tx
        .update(threads)
        .set(pinned ? { pinnedAt: sql`now()`, pinnedBy: ctx.actor.id } : { pinnedAt: null, pinnedBy: null })
        .where(and(eq(threads.id, id), eq(threads.orgId, ctx.actor.orgId)));
      // Pinning decides what a whole community sees first: worth knowing who did it.
      await recordAudit(tx, {
        orgId: ctx.actor.orgId,
        actorId: ctx.actor.id,
        action: pinned ? "thread.pinned" : "thread.unpinned",
        subjectType: "thread",
        subjectId: id,
        details: { title: thread.title, communityId: thread.community_id },
        ip: ctx.ip,
      });
    }
    return getThread({ ...ctx, db: tx }, id);
  });
}

/** Follows or stops following a thread: anyone who can read it may. */
export async function setFollowing(ctx: ServiceContext, id: string, following: boolean) {
  const { thread } = await loadThread(ctx.db, ctx.actor, id);
  if (following) await follow(ctx.db, ctx.actor.orgId, thread.id, ctx.actor.id);
  else
    await ctx.db
      .delete(threadFollows)
      .where(and(eq(threadFollows.threadId, thread.id), eq(threadFollows.personId, ctx.actor.id)));
  return { following };
}

/** Active members someone writing here may mention (name starts a word with `q`), for the picker. */
export async function mentionCandidates(
  ctx: ServiceContext,
  communityId: string,
  q: string,
): Promise<{ items: MentionCandidate[] }> {
  await loadCommunity(ctx.db, ctx.actor, communityId);
  // The escaping of containsPattern, anchored at the start of the name or of a word in it.
  const pattern = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  const result = await ctx.db.execute<MentionCandidate>(sql`
    select p.id, p.name, p.title from memberships m join people p on p.id = m.person_id
    where m.community_id = ${communityId} and m.status = 'active' and p.status = 'active'
      and p.org_id = ${ctx.actor.orgId} and p.id <> ${ctx.actor.id}
      ${q ? sql`and (p.name ilike ${`${pattern}%`} or p.name ilike ${`% ${pattern}%`})` : sql``}
    order by p.name, p.id limit 10`);
  return { items: result.rows };
}

/** Renders a draft as it will appear, for the editor's preview (those who may write here). */
export async function previewMarkdown(ctx: ServiceContext, communityId: string, body: string) {
  const community = await loadCommunity(ctx.db, ctx.actor, communityId);
  if (!canContribute(community.access))
    throw forbidden("Only the community's members, partners and facilitators can write here.");
  return { html: renderMarkdown(body, await readersAmong(ctx.db, communityId, mentionedIds(body))) };
}
