import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_POST_BODY, MAX_THREAD_TITLE } from "../../../shared/schemas/discussions.ts";
import { auditEvents, postRevisions, posts } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { type Client, startTestApp, type TestApp } from "../../test/app.ts";
import { createCommunity, orgId as orgIdOf } from "../../test/factories.ts";

let t: TestApp;
let communityId: string;
let privateId: string;
let archivedId: string;
let lakesideId: string;
const ids: Record<string, string> = {};
const as = (who: string): Promise<Client> => t.as(`${who}@riverside.example`);
const threadsOf = (id: string) => `/api/v1/communities/${id}/threads`;

beforeAll(async () => {
  t = await startTestApp();
  const orgId = await orgIdOf(t.db, "riverside");
  for (const who of ["coach", "teacher6", "teacher7", "parent", "teacher3"])
    ids[who] = await t.personId(`${who}@riverside.example`);
  const members = [
    [ids.coach, "facilitator"],
    [ids.teacher6, "member"],
    [ids.teacher7, "observer"],
    [ids.parent, "partner"],
  ] as [string, "facilitator" | "member" | "observer" | "partner"][];
  communityId = (await createCommunity(t.db, { orgId, visibility: "organization", members })).id;
  privateId = (await createCommunity(t.db, { orgId, visibility: "private", members })).id;
  archivedId = (await createCommunity(t.db, { orgId, visibility: "organization", members, archived: true }))
    .id;
  const lakeside = await orgIdOf(t.db, "lakeside");
  lakesideId = (await createCommunity(t.db, { orgId: lakeside, visibility: "organization" })).id;
});
afterAll(() => t.close());

const start = async (who: string, body = "First version", id = communityId) => {
  const response = await (await as(who)).post(threadsOf(id), { title: "Edits", body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
};

describe("editing and removing posts", () => {
  it("keeps the earlier text as history and refuses a stale edit with 409", async () => {
    const thread = await start("teacher6");
    const post = thread.posts[0];
    const six = await as("teacher6");
    const edited = await six.patch(`/api/v1/posts/${post.id}`, { body: "Second version", version: 1 });
    expect(edited.body).toMatchObject({ body: "Second version", edited: true, version: 2 });
    expect(edited.body.can.history).toBe(true);
    const stale = await six.patch(`/api/v1/posts/${post.id}`, { body: "From an old tab", version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.errors[0].path).toBe("body");
    const history = await (await as("teacher7")).get(`/api/v1/posts/${post.id}/revisions`);
    expect(history.status, JSON.stringify(history.body)).toBe(200);
    expect(history.body.items).toEqual([
      expect.objectContaining({ body: "First version", html: "<p>First version</p>\n" }),
    ]);
    const read = await six.get(`/api/v1/threads/${thread.id}`);
    expect(read.body.posts[0]).toMatchObject({ body: "Second version", edited: true });
  });

  it("lets only the author edit, refuses a partner removal, and keeps a removed post's place without its words", async () => {
    const thread = await start("teacher6", "Words to remove");
    const post = thread.posts[0];
    const coach = await as("coach");
    expect((await coach.patch(`/api/v1/posts/${post.id}`, { body: "Not mine", version: 1 })).status).toBe(
      403,
    );
    const partner = await as("parent");
    const refused = await partner.delete(`/api/v1/posts/${post.id}`);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/facilitators, can remove it/);
    const removed = await (await as("teacher6")).delete(`/api/v1/posts/${post.id}`);
    expect(removed.body).toMatchObject({ deleted: true, body: null, html: null });
    const read = await coach.get(`/api/v1/threads/${thread.id}`);
    expect(read.body.posts).toHaveLength(1);
    expect(JSON.stringify(read.body.posts)).not.toContain("Words to remove");
    const again = await (await as("teacher6")).patch(`/api/v1/posts/${post.id}`, {
      body: "Back",
      version: 1,
    });
    expect(again.status).toBe(409);
    const [row] = await t.db.select().from(posts).where(eq(posts.id, post.id));
    expect(row?.deletedAt).not.toBeNull();
  });

  it("lets a facilitator remove a colleague's post, offered in `can`, and audits it", async () => {
    const thread = await start("teacher6", "Something against our norms");
    const post = thread.posts[0];
    const coach = await as("coach");
    const seen = await coach.get(`/api/v1/threads/${thread.id}`);
    expect(seen.body.posts[0].can).toMatchObject({ edit: false, delete: true });
    const removed = await coach.delete(`/api/v1/posts/${post.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ deleted: true, body: null });
    const audited = await t.db.select().from(auditEvents).where(eq(auditEvents.subjectId, thread.id));
    expect(audited.map((e) => [e.action, e.actorId])).toEqual([["post.removed", ids.coach]]);
    // A member's own removal is not audited, and a member cannot remove someone else's post.
    const own = await start("teacher6", "My own words");
    await (await as("teacher6")).delete(`/api/v1/posts/${own.posts[0].id}`);
    expect(await t.db.select().from(auditEvents).where(eq(auditEvents.subjectId, own.id))).toEqual([]);
    const coachs = await start("coach", "The coach's words");
    expect((await (await as("teacher6")).delete(`/api/v1/posts/${coachs.posts[0].id}`)).status).toBe(403);
  });

  it("counts replies still shown", async () => {
    const thread = await start("teacher6");
    const reply = await (await as("coach")).post(`/api/v1/threads/${thread.id}/posts`, { body: "Reply" });
    await (await as("coach")).delete(`/api/v1/posts/${reply.body.id}`);
    expect((await (await as("coach")).get(`/api/v1/threads/${thread.id}`)).body.replyCount).toBe(0);
  });

  it("writes an edit and its history together: an edit refused midway leaves no revision", async () => {
    const thread = await start("teacher6");
    const post = thread.posts[0];
    const tooLong = await (await as("teacher6")).patch(`/api/v1/posts/${post.id}`, {
      body: "x".repeat(MAX_POST_BODY + 1),
      version: 1,
    });
    expect(tooLong.status).toBe(400);
    expect(await t.db.select().from(postRevisions).where(eq(postRevisions.postId, post.id))).toEqual([]);
  });
});

describe("harmless Markdown", () => {
  it.each([
    ["<script>alert(1)</script>", "&lt;script&gt;"],
    ["<img src=x onerror=alert(1)>", "&lt;img"],
    ["[click](javascript:alert(1))", "click"],
    ['<a href="jav&#x09;ascript:alert(1)">x</a>', "&lt;a"],
    ["<svg onload=alert(1)>", "&lt;svg"],
  ])("stores %j as written and serves it as text", async (body, shown) => {
    const thread = await start("teacher6", body);
    const html = thread.posts[0].html as string;
    expect(thread.posts[0].body).toBe(body);
    expect(html).toContain(shown);
    expect(html).not.toMatch(/<(script|img|svg)|href="javascript|\son\w+="/i);
  });
});

describe("who may", () => {
  it("lets an observer read but not post, a partner post, and nobody write in an archived community", async () => {
    const thread = await start("parent", "From a family partner");
    const observer = await as("teacher7");
    expect((await observer.get(`/api/v1/threads/${thread.id}`)).status).toBe(200);
    const refused = await observer.post(`/api/v1/threads/${thread.id}/posts`, { body: "Hello" });
    expect(refused.status).toBe(403);
    expect((await observer.post(threadsOf(communityId), { title: "Hi", body: "Hi" })).status).toBe(403);
    const archived = await (await as("coach")).post(threadsOf(archivedId), { title: "Hi", body: "Hi" });
    expect(archived.status).toBe(403);
    expect(archived.body.detail).toContain("archived");
    expect((await (await as("coach")).get(threadsOf(archivedId))).body.can.create).toBe(false);
  });

  it("answers 404 for a private community's thread to outsiders and for another district's", async () => {
    const thread = await start("teacher6", "Private words", privateId);
    const outsider = await as("teacher3");
    expect((await outsider.get(`/api/v1/threads/${thread.id}`)).status).toBe(404);
    expect((await outsider.get(threadsOf(privateId))).status).toBe(404);
    expect((await outsider.get(`/api/v1/posts/${thread.posts[0].id}/revisions`)).status).toBe(404);
    const lakeAdmin = await t.as("admin@lakeside.example");
    const other = await lakeAdmin.get(`/api/v1/threads/${thread.id}`);
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain("Private words");
    expect((await (await as("coach")).get(threadsOf(lakesideId))).status).toBe(404);
  });

  it("lets only facilitators pin", async () => {
    const thread = await start("teacher6");
    expect((await (await as("teacher6")).put(`/api/v1/threads/${thread.id}/pin`)).status).toBe(403);
    expect((await (await as("coach")).put(`/api/v1/threads/${thread.id}/pin`)).body.pinned).toBe(true);
    await (await as("coach")).put(`/api/v1/threads/${thread.id}/pin`);
    await (await as("coach")).delete(`/api/v1/threads/${thread.id}/pin`);
    const logged = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, thread.id))
      .orderBy(auditEvents.id);
    // Pinning twice changes nothing the second time, and records nothing either.
    expect(logged.map((e) => [e.action, e.actorId])).toEqual([
      ["thread.pinned", ids.coach],
      ["thread.unpinned", ids.coach],
    ]);
  });
});

describe("bad input", () => {
  it("names the field and what to fix", async () => {
    const six = await as("teacher6");
    const empty = await six.post(threadsOf(communityId), { title: "  ", body: "" });
    expect(empty.status).toBe(400);
    expect(empty.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["body", "title"]);
    const long = await six.post(threadsOf(communityId), {
      title: "t".repeat(MAX_THREAD_TITLE + 1),
      body: "b",
    });
    expect(long.body.errors[0]).toMatchObject({
      path: "title",
      message: `Keep this under ${MAX_THREAD_TITLE} characters.`,
    });
    const thread = await start("teacher6");
    const blank = await six.post(`/api/v1/threads/${thread.id}/posts`, { body: "   " });
    expect(blank.body.errors[0].path).toBe("body");
    const elsewhere = await start("teacher6");
    const wrongTarget = await six.post(`/api/v1/threads/${thread.id}/posts`, {
      body: "x",
      replyToId: elsewhere.posts[0].id,
    });
    expect(wrongTarget.body.errors[0].path).toBe("replyToId");
    expect((await six.get(`/api/v1/threads/${newId()}`)).status).toBe(404);
    expect((await six.post(`/api/v1/threads/${newId()}/posts`, { body: "x" })).status).toBe(404);
    expect((await six.patch(`/api/v1/posts/${newId()}`, { body: "x", version: 1 })).status).toBe(404);
  });
});
