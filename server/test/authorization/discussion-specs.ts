import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { postRevisions, posts, threadFollows, threads } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { unique } from "../factories.ts";
import {
  type Actor,
  type CommunityFx,
  community,
  ids,
  manage,
  type Runnable,
  shared,
  spec,
  type Target,
  t,
} from "./matrix.ts";

/*
 * Community discussions (features/discussions/policy.ts). Reading follows the community: whoever can
 * read it reads its threads, and anyone else gets 404. Writing is for its active facilitators, members
 * and partners and its leaders — an observer or a district colleague who can only find it gets 403.
 * A post is changed only by its author (the fixture thread's opening post is the member's).
 */
const readers = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    Y    Y    Y    Y    Y    Y    Y    H    A
  private        Y    Y    H    Y    Y    Y    Y    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

const writers = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    Y    F    Y    Y    Y    F    F    H    A
  private        Y    Y    H    Y    Y    Y    F    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

const author = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        F    F    F    F    Y    F    F    F    H    A
  private        F    F    H    F    Y    F    F    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    F    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

/** Removing a post: its author, or the community's facilitators and leaders (moderation). */
const removers = `
  target         adm  lOwn lOth fac  mem  par  obs  out  oAdm anon
  visible        Y    Y    F    Y    Y    F    F    F    H    A
  private        Y    Y    H    Y    Y    F    F    H    H    A
  otherDistrict  H    H    H    H    H    H    H    H    Y    A
  nonexistent    H    H    H    H    H    H    H    H    H    A`;

type ThreadFx = CommunityFx & {
  threadId: string;
  postId: string;
  title: string;
  secret: string;
  /** The caller followed it before the call. */
  followed?: boolean;
};

/** A thread opened by the community's member, with one earlier text of its opening post. */
async function threadIn(fx: CommunityFx, target: Target): Promise<ThreadFx> {
  const title = unique("Secret thread");
  if (target === "nonexistent") return { ...fx, threadId: newId(), postId: newId(), title, secret: title };
  const orgId = target === "otherDistrict" ? ids.lakeside : ids.riverside;
  const threadId = newId();
  const postId = newId();
  await t.db
    .insert(threads)
    .values({ id: threadId, orgId, communityId: fx.id, title, authorId: fx.memberId });
  await t.db.insert(posts).values({
    id: postId,
    orgId,
    threadId,
    communityId: fx.id,
    authorId: fx.memberId,
    body: `Words of ${title}`,
    editedAt: new Date(),
  });
  await t.db
    .insert(postRevisions)
    .values({ id: newId(), orgId, postId, body: `Earlier words of ${title}`, replacedBy: fx.memberId });
  return { ...fx, threadId, postId, title, secret: title };
}

const cache = new Map<Target, Promise<ThreadFx>>();
/** Read-only routes share one thread per target. */
const readOnly = (target: Target) => {
  const made =
    cache.get(target) ??
    (target === "nonexistent"
      ? community(target, { key: "anon", client: t.anonymous, id: null, email: null }).then((fx) =>
          threadIn(fx, target),
        )
      : threadIn(shared[target as keyof typeof shared], target));
  cache.set(target, made);
  return made;
};
const fresh = async (target: Target, actor: Actor) => threadIn(await community(target, actor), target);

const threadRow = async (id: string) => (await t.db.select().from(threads).where(eq(threads.id, id)))[0];
const postRow = async (id: string) => (await t.db.select().from(posts).where(eq(posts.id, id)))[0];
const follows = async (fx: ThreadFx, actor: Actor) =>
  actor.id
    ? (
        await t.db
          .select()
          .from(threadFollows)
          .where(and(eq(threadFollows.threadId, fx.threadId), eq(threadFollows.personId, actor.id)))
      ).length > 0
    : false;

const th = (fx: ThreadFx, path = "") => `/api/v1/threads/${fx.threadId}${path}`;

export const discussionSpecs: Runnable[] = [
  spec<ThreadFx>({
    routes: ["GET /api/v1/communities/:id/threads"],
    grid: readers,
    prepare: readOnly,
    call: (a, fx) => a.client.get(`/api/v1/communities/${fx.id}/threads?limit=100`),
    verify: (outcome, { body }, fx) => {
      if (outcome === "Y") expect(body.items.map((i: { id: string }) => i.id)).toContain(fx.threadId);
    },
  }),
  spec<ThreadFx>({
    routes: ["POST /api/v1/communities/:id/threads"],
    grid: writers,
    prepare: fresh,
    call: (a, fx) =>
      a.client.post(`/api/v1/communities/${fx.id}/threads`, { title: "Matrix", body: "Hello" }),
    changed: async (fx) =>
      (await t.db.select().from(threads).where(eq(threads.communityId, fx.id))).some(
        (r) => r.title === "Matrix",
      ),
  }),
  spec<ThreadFx>({
    routes: ["GET /api/v1/communities/:id/mention-candidates"],
    grid: readers,
    prepare: readOnly,
    call: (a, fx) => a.client.get(`/api/v1/communities/${fx.id}/mention-candidates`),
    verify: (outcome, { body }) => {
      if (outcome === "Y") expect(body.items.length).toBeGreaterThan(0);
    },
  }),
  spec<ThreadFx>({
    routes: ["POST /api/v1/communities/:id/discussion-preview"],
    grid: writers,
    prepare: readOnly,
    call: (a, fx) => a.client.post(`/api/v1/communities/${fx.id}/discussion-preview`, { body: "**Hi**" }),
    verify: (outcome, { body }) => {
      if (outcome === "Y") expect(body.html).toBe("<p><strong>Hi</strong></p>\n");
    },
  }),
  spec<ThreadFx>({
    routes: ["GET /api/v1/threads/:id"],
    grid: readers,
    prepare: readOnly,
    call: (a, fx) => a.client.get(th(fx)),
    verify: (outcome, { body }, fx) => {
      if (outcome === "Y") expect(body.posts[0].body).toBe(`Words of ${fx.title}`);
    },
  }),
  spec<ThreadFx>({
    routes: ["POST /api/v1/threads/:id/posts"],
    grid: writers,
    prepare: fresh,
    call: (a, fx) => a.client.post(th(fx, "/posts"), { body: "A matrix reply" }),
    changed: async (fx) =>
      (await t.db.select().from(posts).where(eq(posts.threadId, fx.threadId))).length > 1,
  }),
  spec<ThreadFx>({
    routes: ["PUT /api/v1/threads/:id/pin"],
    grid: manage,
    prepare: fresh,
    call: (a, fx) => a.client.put(th(fx, "/pin")),
    changed: async (fx) => Boolean((await threadRow(fx.threadId))?.pinnedAt),
  }),
  spec<ThreadFx>({
    routes: ["DELETE /api/v1/threads/:id/pin"],
    grid: manage,
    prepare: async (target, actor) => {
      const fx = await fresh(target, actor);
      if (target !== "nonexistent")
        await t.db.update(threads).set({ pinnedAt: new Date() }).where(eq(threads.id, fx.threadId));
      return fx;
    },
    call: (a, fx) => a.client.delete(th(fx, "/pin")),
    changed: async (fx) => (await threadRow(fx.threadId))?.pinnedAt === null,
  }),
  spec<ThreadFx>({
    routes: ["PUT /api/v1/threads/:id/follow"],
    grid: readers,
    prepare: fresh,
    call: (a, fx) => a.client.put(th(fx, "/follow")),
    changed: follows,
  }),
  spec<ThreadFx>({
    routes: ["DELETE /api/v1/threads/:id/follow"],
    grid: readers,
    prepare: async (target, actor) => {
      const fx = await fresh(target, actor);
      if (target === "nonexistent" || !actor.id) return fx;
      const orgId = target === "otherDistrict" ? ids.lakeside : ids.riverside;
      await t.db.insert(threadFollows).values({ orgId, threadId: fx.threadId, personId: actor.id });
      return { ...fx, followed: true };
    },
    call: (a, fx) => a.client.delete(th(fx, "/follow")),
    changed: async (fx, actor) => fx.followed === true && !(await follows(fx, actor)),
  }),
  spec<ThreadFx>({
    routes: ["PATCH /api/v1/posts/:id"],
    grid: author,
    prepare: fresh,
    call: (a, fx) =>
      a.client.patch(`/api/v1/posts/${fx.postId}`, { body: "Edited in the matrix", version: 2 }),
    changed: async (fx) => (await postRow(fx.postId))?.body === "Edited in the matrix",
  }),
  spec<ThreadFx>({
    routes: ["DELETE /api/v1/posts/:id"],
    grid: removers,
    prepare: fresh,
    call: (a, fx) => a.client.delete(`/api/v1/posts/${fx.postId}`),
    changed: async (fx) => Boolean((await postRow(fx.postId))?.deletedAt),
  }),
  spec<ThreadFx>({
    routes: ["GET /api/v1/posts/:id/revisions"],
    grid: readers,
    prepare: readOnly,
    call: (a, fx) => a.client.get(`/api/v1/posts/${fx.postId}/revisions`),
    verify: (outcome, { body }, fx) => {
      if (outcome === "Y")
        expect(body.items.map((r: { body: string }) => r.body)).toEqual([`Earlier words of ${fx.title}`]);
    },
  }),
];
