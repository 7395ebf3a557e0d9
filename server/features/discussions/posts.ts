import { and, eq, sql } from "drizzle-orm";
import type { Post, PostEdit, ReplyInput, Revision } from "../../../shared/schemas/discussions.ts";
import { postRevisions, posts, threads } from "../../db/schema/index.ts";
import { conflict, forbidden, invalid, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { newId } from "../../lib/ids.ts";
import { mentionedIds, renderMarkdown } from "../../lib/markdown.ts";
import { recordAudit } from "../audit/record.ts";
import { asNotFound, loadThread, type PostRow, presentPosts, queryPosts, readersAmong } from "./load.ts";
import { follow, notifyFollowers, notifyMentions } from "./notify-people.ts";
import { canChangePost, canContribute, canRemovePost } from "./policy.ts";

const whereOf = (thread: { id: string; title: string; community_id: string }, communityName: string) => ({
  threadId: thread.id,
  threadTitle: thread.title,
  communityId: thread.community_id,
  communityName,
});

/** Replies to a thread: followers and newly mentioned people are told, and the replier follows it. */
export async function reply(ctx: ServiceContext, threadId: string, input: ReplyInput): Promise<Post> {
  const { thread, community } = await loadThread(ctx.db, ctx.actor, threadId, true);
  if (!canContribute(community.access))
    throw forbidden(
      community.access.archived
        ? "This community is archived: its discussions can be read, not added to."
        : "Only the community's members, partners and facilitators can reply.",
    );
  if (input.replyToId) {
    const [target] = await queryPosts(ctx.db, ctx.actor.orgId, sql`po.id = ${input.replyToId}`);
    if (target?.thread_id !== threadId)
      throw invalid("replyToId", "Choose a post of this discussion to answer.");
  }
  const id = newId();
  await ctx.db.insert(posts).values({
    id,
    orgId: ctx.actor.orgId,
    threadId,
    communityId: thread.community_id,
    authorId: ctx.actor.id,
    replyToId: input.replyToId,
    body: input.body,
  });
  await ctx.db
    .update(threads)
    .set({ replyCount: sql`${threads.replyCount} + 1`, lastPostAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(threads.id, threadId));
  const where = whereOf(thread, community.row.name);
  const mentioned = await notifyMentions(ctx, where, input.body);
  await notifyFollowers(ctx, where, mentioned);
  await follow(ctx.db, ctx.actor.orgId, threadId, ctx.actor.id);
  return presentOne(ctx, id);
}

/** A post to change: the thread locked first, then the post (the order reply uses too). */
async function loadPostForChange(
  ctx: ServiceContext,
  tx: ServiceContext["db"],
  postId: string,
  allowed: typeof canChangePost = canChangePost,
) {
  const [peek] = await queryPosts(tx, ctx.actor.orgId, sql`po.id = ${postId}`);
  if (!peek) throw notFound("This post");
  const { thread, community } = await loadThread(tx, ctx.actor, peek.thread_id, true).catch(
    asNotFound("This post"),
  );
  const [post] = await queryPosts(tx, ctx.actor.orgId, sql`po.id = ${postId}`, true);
  if (!post) throw notFound("This post");
  if (post.deleted) throw conflict("This post was removed.");
  if (!allowed(community.access, post.author_id, post.deleted))
    throw forbidden(
      post.author_id === ctx.actor.id
        ? "This community's discussions can no longer be changed."
        : allowed === canRemovePost
          ? "Only the person who wrote a post, or the community's facilitators, can remove it."
          : "Only the person who wrote a post can change it.",
    );
  return { thread, community, post };
}

/** Edits one's own post; its previous text goes to its history. An edit of an older version is refused. */
export async function editPost(ctx: ServiceContext, postId: string, input: PostEdit): Promise<Post> {
  return ctx.db.transaction(async (tx) => {
    const { thread, community, post } = await loadPostForChange(ctx, tx, postId);
    if (input.version !== post.version)
      throw conflict(
        "This post was changed since you opened it. Copy your text, reload, and edit the latest version.",
        "body",
      );
    if (input.body === post.body) return presentOne({ ...ctx, db: tx }, postId);
    await tx.insert(postRevisions).values({
      id: newId(),
      orgId: ctx.actor.orgId,
      postId,
      body: post.body,
      replacedBy: ctx.actor.id,
    });
    await tx.update(posts).set({ body: input.body, editedAt: sql`now()` }).where(eq(posts.id, postId));
    // Only people this edit newly mentions are told; the others heard the first time.
    await notifyMentions({ ...ctx, db: tx }, whereOf(thread, community.row.name), input.body, post.body);
    return presentOne({ ...ctx, db: tx }, postId);
  });
}

/**
 * Removes a post (one's own, or as a facilitator or leader); it keeps its place in the thread as "This
 * post was removed". A removal by someone else is audited: it silences a colleague.
 */
export async function deletePost(ctx: ServiceContext, postId: string): Promise<Post> {
  return ctx.db.transaction(async (tx) => {
    const { thread, post } = await loadPostForChange(ctx, tx, postId, canRemovePost);
    await tx
      .update(posts)
      .set({ deletedAt: sql`now()` })
      .where(and(eq(posts.id, postId), eq(posts.orgId, ctx.actor.orgId)));
    if (post.author_id !== ctx.actor.id)
      await recordAudit(tx, {
        orgId: ctx.actor.orgId,
        actorId: ctx.actor.id,
        action: "post.removed",
        subjectType: "thread",
        subjectId: thread.id,
        details: { title: thread.title, communityId: thread.community_id, authorId: post.author_id },
        ip: ctx.ip,
      });
    const opening = await isOpening(ctx, tx, thread.id, post);
    if (!opening)
      await tx
        .update(threads)
        .set({ replyCount: sql`greatest(${threads.replyCount} - 1, 0)` })
        .where(eq(threads.id, thread.id));
    return presentOne({ ...ctx, db: tx }, postId);
  });
}

async function isOpening(ctx: ServiceContext, tx: ServiceContext["db"], threadId: string, post: PostRow) {
  const [first] = await queryPosts(tx, ctx.actor.orgId, sql`po.thread_id = ${threadId}`);
  return first?.id === post.id;
}

/** A post's earlier texts, newest first (none once it is removed). */
export async function postHistory(ctx: ServiceContext, postId: string): Promise<{ items: Revision[] }> {
  const [post] = await queryPosts(ctx.db, ctx.actor.orgId, sql`po.id = ${postId}`);
  if (!post) throw notFound("This post");
  const { community } = await loadThread(ctx.db, ctx.actor, post.thread_id).catch(asNotFound("This post"));
  if (post.deleted) return { items: [] };
  const rows = await ctx.db.execute<{
    id: string;
    body: string;
    replaced_at: string;
    replaced_by: string;
    replaced_by_name: string;
  }>(sql`
    select r.id, r.body, to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as replaced_at,
      r.replaced_by, p.name as replaced_by_name
    from post_revisions r join people p on p.id = r.replaced_by
    where r.post_id = ${postId} and r.org_id = ${ctx.actor.orgId}
    order by r.created_at desc, r.id desc`);
  const people = await readersAmong(
    ctx.db,
    community.row.id,
    rows.rows.flatMap((r) => mentionedIds(r.body)),
  );
  return {
    items: rows.rows.map((r) => ({
      id: r.id,
      body: r.body,
      html: renderMarkdown(r.body, people),
      replacedAt: r.replaced_at,
      replacedBy: { id: r.replaced_by, name: r.replaced_by_name },
    })),
  };
}

async function presentOne(ctx: ServiceContext, postId: string): Promise<Post> {
  const rows = await queryPosts(ctx.db, ctx.actor.orgId, sql`po.id = ${postId}`);
  const { community } = await loadThread(ctx.db, ctx.actor, rows[0]?.thread_id ?? postId);
  const [post] = await presentPosts(ctx.db, community, rows);
  if (!post) throw notFound("This post");
  return post;
}
