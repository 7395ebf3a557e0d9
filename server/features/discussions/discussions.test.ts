import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mentionToken } from "../../../shared/schemas/discussions.ts";
import { memberships, notificationMutes, notifications } from "../../db/schema/index.ts";
import { type Client, startTestApp, type TestApp } from "../../test/app.ts";
import { createCommunity, orgId as orgIdOf, schoolId } from "../../test/factories.ts";

let t: TestApp;
let orgId: string;
let communityId: string;
let privateId: string;
const ids: Record<string, string> = {};
const as = (who: string): Promise<Client> => t.as(`${who}@riverside.example`);
const threadsOf = (id: string) => `/api/v1/communities/${id}/threads`;
const cast = ["coach", "teacher6", "teacher7", "parent", "teacher3", "teacher4", "admin"];

beforeAll(async () => {
  t = await startTestApp();
  orgId = await orgIdOf(t.db, "riverside");
  for (const who of cast) ids[who] = await t.personId(`${who}@riverside.example`);
  const members = [
    [ids.coach, "facilitator"],
    [ids.teacher6, "member"],
    [ids.teacher4, "member"],
    [ids.teacher7, "observer"],
    [ids.parent, "partner"],
  ] as [string, "facilitator" | "member" | "observer" | "partner"][];
  const school = await schoolId(t.db, "Riverside Elementary");
  communityId = (
    await createCommunity(t.db, { orgId, visibility: "organization", schoolIds: [school], members })
  ).id;
  privateId = (await createCommunity(t.db, { orgId, visibility: "private", schoolIds: [school], members }))
    .id;
});
afterAll(() => t.close());

const start = async (who: string, title: string, body = "Opening words", id = communityId) => {
  const response = await (await as(who)).post(threadsOf(id), { title, body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
};
const notificationsOf = async (who: string, kind: string) =>
  (
    await t.db
      .select()
      .from(notifications)
      .where(eq(notifications.personId, ids[who] ?? ""))
  ).filter((n) => n.kind === kind);

describe("threads and replies", () => {
  it("starts a thread whose author follows it, and replies to it", async () => {
    const thread = await start("teacher6", "Exit tickets that tell us something", "**What** do you ask?");
    expect(thread).toMatchObject({
      title: "Exit tickets that tell us something",
      following: true,
      replyCount: 0,
      can: { reply: true, pin: false },
    });
    expect(thread.posts[0].html).toBe("<p><strong>What</strong> do you ask?</p>\n");
    const replied = await (await as("teacher4")).post(`/api/v1/threads/${thread.id}/posts`, {
      body: "One question about today's *goal*.",
    });
    expect(replied.status).toBe(201);
    expect(replied.body).toMatchObject({ html: "<p>One question about today's <em>goal</em>.</p>\n" });
    const read = await (await as("teacher7")).get(`/api/v1/threads/${thread.id}`);
    expect(read.body.replyCount).toBe(1);
    expect(read.body.posts.map((p: { author: { id: string } }) => p.author.id)).toEqual([
      ids.teacher6,
      ids.teacher4,
    ]);
    expect(read.body.can).toMatchObject({ reply: false, pin: false });
    expect(read.body.posts[0].can).toEqual({ edit: false, delete: false, history: false });
  });

  it("does not create twice for a double submit with one Idempotency-Key", async () => {
    const coach = await as("coach");
    const headers = { "idempotency-key": "discussion-key-0001" };
    const first = await coach.post(threadsOf(communityId), { title: "Once only", body: "x" }, headers);
    const again = await coach.post(threadsOf(communityId), { title: "Once only", body: "x" }, headers);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.id).toBe(first.body.id);
  });

  it("lists pinned threads first, then by latest activity, a page at a time", async () => {
    const id = (
      await createCommunity(t.db, {
        orgId,
        visibility: "organization",
        members: [[ids.coach ?? "", "facilitator"]],
      })
    ).id;
    const a = await start("coach", "A", "a", id);
    const b = await start("coach", "B", "b", id);
    const c = await start("coach", "C", "c", id);
    const coach = await as("coach");
    await coach.post(`/api/v1/threads/${a.id}/posts`, { body: "bump" });
    expect((await coach.put(`/api/v1/threads/${b.id}/pin`)).body.pinned).toBe(true);
    const first = await coach.get(`${threadsOf(id)}?limit=2`);
    expect(first.body.items.map((x: { title: string }) => x.title)).toEqual(["B", "A"]);
    expect(first.body.items[0]).toMatchObject({ pinned: true, following: true });
    expect(first.body.items[1]).toMatchObject({ replyCount: 1 });
    const second = await coach.get(`${threadsOf(id)}?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    expect(second.body.nextCursor).toBeNull();
    await coach.delete(`/api/v1/threads/${b.id}/pin`);
    const after = await coach.get(threadsOf(id));
    expect(after.body.items.map((x: { title: string }) => x.title)).toEqual(["A", "C", "B"]);
    const bad = await coach.get(`${threadsOf(id)}?cursor=nonsense`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("cursor");
  });
});

describe("mentions and followers", () => {
  it("tells exactly the mentioned readers: not outsiders of a private community, not the author, not the muted", async () => {
    await t.db.insert(notificationMutes).values({ orgId, personId: ids.teacher4 ?? "", kind: "mention" });
    const body = [
      mentionToken("Coach", ids.coach ?? ""),
      mentionToken("Four", ids.teacher4 ?? ""),
      mentionToken("Outsider", ids.teacher3 ?? ""),
      mentionToken("Me", ids.teacher6 ?? ""),
      mentionToken("Nobody", "0190a8f0-0000-7000-8000-0000000000ff"),
    ].join(" ");
    const thread = await start("teacher6", "Who to ask", body, privateId);
    expect(await notificationsOf("coach", "mention")).toEqual([
      expect.objectContaining({ path: `/threads/${thread.id}`, actorId: ids.teacher6 }),
    ]);
    expect(await notificationsOf("teacher4", "mention")).toEqual([]);
    expect(await notificationsOf("teacher3", "mention")).toEqual([]);
    expect(await notificationsOf("teacher6", "mention")).toEqual([]);
    const html = thread.posts[0].html as string;
    expect(html).toContain('<span class="mention">@');
    expect(html).toContain("@Outsider");
    expect(html).not.toContain('<span class="mention">@Outsider');
    expect(html.match(/class="mention"/g)).toHaveLength(3);
  });

  it("tells only people newly mentioned by an edit", async () => {
    const thread = await start("teacher6", "Mention on edit", mentionToken("Coach", ids.coach ?? ""));
    const post = thread.posts[0];
    const before = (await notificationsOf("coach", "mention")).length;
    const edited = await (await as("teacher6")).patch(`/api/v1/posts/${post.id}`, {
      body: `${post.body} and ${mentionToken("Admin", ids.admin ?? "")}`,
      version: post.version,
    });
    expect(edited.status).toBe(200);
    expect((await notificationsOf("coach", "mention")).length).toBe(before);
    expect(
      (await notificationsOf("admin", "mention")).filter((n) => n.path === `/threads/${thread.id}`),
    ).toHaveLength(1);
  });

  it("tells followers of a reply, but not the replier, and not twice when they are also mentioned", async () => {
    const thread = await start("teacher6", "Followers hear replies");
    const coach = await as("coach");
    expect((await coach.put(`/api/v1/threads/${thread.id}/follow`)).body).toEqual({ following: true });
    const before = (await notificationsOf("coach", "reply")).length;
    await (await as("parent")).post(`/api/v1/threads/${thread.id}/posts`, { body: "From home: yes." });
    expect((await notificationsOf("coach", "reply")).length).toBe(before + 1);
    const six = (await notificationsOf("teacher6", "reply")).filter(
      (n) => n.path === `/threads/${thread.id}`,
    );
    expect(six).toHaveLength(1);
    expect(await notificationsOf("parent", "reply")).toEqual([]);
    // The replier now follows; a mention of a follower is one notification, a mention.
    await (await as("teacher4")).post(`/api/v1/threads/${thread.id}/posts`, {
      body: `Agree with ${mentionToken("Coach", ids.coach ?? "")}`,
    });
    expect((await notificationsOf("coach", "reply")).length).toBe(before + 1);
    expect((await notificationsOf("parent", "reply")).length).toBe(1);
    await coach.delete(`/api/v1/threads/${thread.id}/follow`);
    await (await as("parent")).post(`/api/v1/threads/${thread.id}/posts`, { body: "Again." });
    expect((await notificationsOf("coach", "reply")).length).toBe(before + 1);
  });

  it("does not tell followers who can no longer read the community", async () => {
    const id = (
      await createCommunity(t.db, {
        orgId,
        visibility: "private",
        members: [
          [ids.coach ?? "", "facilitator"],
          [ids.teacher4 ?? "", "member"],
        ],
      })
    ).id;
    const thread = await start("teacher4", "Before I leave", "Hello", id);
    await t.db
      .update(memberships)
      .set({ status: "left" })
      .where(and(eq(memberships.communityId, id), eq(memberships.personId, ids.teacher4 ?? "")));
    await (await as("coach")).post(`/api/v1/threads/${thread.id}/posts`, { body: "A reply after they left" });
    const told = (await notificationsOf("teacher4", "reply")).filter(
      (n) => n.path === `/threads/${thread.id}`,
    );
    expect(told).toEqual([]);
    const edit = await (await as("teacher4")).patch(`/api/v1/posts/${thread.posts[0].id}`, {
      body: "x",
      version: 1,
    });
    expect(edit.status).toBe(404);
  });

  it("offers active members to mention, matched by the start of a name", async () => {
    const all = await (await as("teacher6")).get(`/api/v1/communities/${communityId}/mention-candidates`);
    const found = all.body.items.map((p: { id: string }) => p.id);
    expect(found).toEqual(expect.arrayContaining([ids.coach, ids.teacher4, ids.parent]));
    expect(found).not.toContain(ids.teacher6);
    expect(found).not.toContain(ids.teacher3);
    const first = all.body.items[0];
    const some = await (await as("teacher6")).get(
      `/api/v1/communities/${communityId}/mention-candidates?q=${encodeURIComponent(first.name.slice(0, 3))}`,
    );
    expect(some.body.items.map((p: { id: string }) => p.id)).toContain(first.id);
    const none = await (await as("teacher6")).get(
      `/api/v1/communities/${communityId}/mention-candidates?q=%25`,
    );
    expect(none.body.items).toEqual([]);
  });
});
