import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../../test/app.ts";
import { createNotification } from "../../test/exemplar-factories.ts";
import { createCommunity, createPerson, orgId, unique } from "../../test/factories.ts";
import { notify } from "./notify.ts";

let t: TestApp;
let riverside: string;
let me: { id: string; email: string };
let other: { id: string; email: string };
let client: Client;

beforeAll(async () => {
  t = await startTestApp();
  riverside = await orgId(t.db, "riverside");
  me = await createPerson(t.db, { orgId: riverside, name: "Nia Bell", canSignIn: true });
  other = await createPerson(t.db, { orgId: riverside, name: "Omar Diaz", canSignIn: true });
  client = await t.signIn(me.email);
});
afterAll(() => t?.close());

const count = async (c = client) => (await c.get("/api/v1/notifications/unread-count")).body.unread as number;

describe("my notifications", () => {
  it("lists only my own, newest first, with the actor's name (null when anonymous)", async () => {
    const actorId = await t.personId("teacher2@riverside.example");
    const older = await createNotification(t.db, { orgId: riverside, personId: me.id, actorId });
    const anonymous = await createNotification(t.db, { orgId: riverside, personId: me.id, actorId: null });
    const theirs = await createNotification(t.db, { orgId: riverside, personId: other.id, actorId });
    const response = await client.get("/api/v1/notifications");
    expect(response.status).toBe(200);
    const titles = response.body.items.map((n: { data: { title: string } }) => n.data.title);
    expect(titles.indexOf(anonymous.title)).toBeLessThan(titles.indexOf(older.title));
    expect(titles).not.toContain(theirs.title);
    const [first] = response.body.items;
    expect(first).toMatchObject({ kind: "feedback", actorName: null, read: false });
    expect(first.path).toMatch(/^\/artifacts\//);
    expect(response.body.items[1].actorName).toBe("Samuel Okafor");
  });

  it("pages with a cursor and filters the unread ones", async () => {
    const person = await createPerson(t.db, { orgId: riverside, canSignIn: true });
    const mine = await t.signIn(person.email);
    for (let i = 0; i < 5; i++) await createNotification(t.db, { orgId: riverside, personId: person.id });
    const readOne = await createNotification(t.db, { orgId: riverside, personId: person.id, read: true });
    const first = await mine.get("/api/v1/notifications?limit=4");
    expect(first.body.items).toHaveLength(4);
    const second = await mine.get(`/api/v1/notifications?limit=4&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(2);
    expect(second.body.nextCursor).toBeNull();
    const unread = await mine.get("/api/v1/notifications?filter=unread");
    expect(unread.body.items).toHaveLength(5);
    expect(unread.body.items.map((n: { data: { title: string } }) => n.data.title)).not.toContain(
      readOne.title,
    );
    expect(await count(mine)).toBe(5);
  });

  it("refuses a made-up cursor and an unknown filter with the field named", async () => {
    const bad = await client.get("/api/v1/notifications?cursor=nonsense");
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("cursor");
    const filter = await client.get("/api/v1/notifications?filter=everything");
    expect(filter.status).toBe(400);
  });

  it("counts unread, marks one read, then all", async () => {
    const person = await createPerson(t.db, { orgId: riverside, canSignIn: true });
    const mine = await t.signIn(person.email);
    const a = await createNotification(t.db, { orgId: riverside, personId: person.id });
    await createNotification(t.db, { orgId: riverside, personId: person.id });
    await createNotification(t.db, { orgId: riverside, personId: person.id });
    expect(await count(mine)).toBe(3);
    const marked = await mine.post(`/api/v1/notifications/${a.id}/read`);
    expect(marked.status).toBe(200);
    expect(marked.body.read).toBe(true);
    expect(await count(mine)).toBe(2);
    // Marking it again changes nothing.
    expect((await mine.post(`/api/v1/notifications/${a.id}/read`)).status).toBe(200);
    expect(await count(mine)).toBe(2);
    const all = await mine.post("/api/v1/notifications/read-all");
    expect(all.body).toEqual({ marked: 2 });
    expect(await count(mine)).toBe(0);
  });

  it("answers 404 for someone else's notification and leaves it unread", async () => {
    const theirs = await createNotification(t.db, { orgId: riverside, personId: other.id });
    const response = await client.post(`/api/v1/notifications/${theirs.id}/read`);
    expect(response.status).toBe(404);
    expect(JSON.stringify(response.body)).not.toContain(theirs.title);
    const otherClient = await t.signIn(other.email);
    const list = await otherClient.get("/api/v1/notifications?filter=unread");
    expect(list.body.items.map((n: { id: string }) => n.id)).toContain(theirs.id);
    expect((await client.post("/api/v1/notifications/not-an-id/read")).status).toBe(400);
  });

  it("the unread count is one count over the partial index of unread rows", async () => {
    const plan = await t.db.transaction(async (tx) => {
      // A fixture this small would be scanned anyway; forbidding the scan shows the index answers it.
      await tx.execute(sql`set local enable_seqscan = off`);
      return tx.execute<{ "QUERY PLAN": string }>(sql`
        explain select count(*) from notifications
        where person_id = ${me.id} and read_at is null and org_id = ${riverside}`);
    });
    expect(plan.rows.map((r) => r["QUERY PLAN"]).join("\n")).toContain("notifications_unread_idx");
  });
});

describe("mutes", () => {
  it("are saved per kind and notify() skips the muted kinds", async () => {
    const person = await createPerson(t.db, { orgId: riverside, canSignIn: true });
    const mine = await t.signIn(person.email);
    expect((await mine.get("/api/v1/notifications/mutes")).body).toEqual({ muted: [] });
    const saved = await mine.put("/api/v1/notifications/mutes", { muted: ["reply", "mention", "reply"] });
    expect(saved.status).toBe(200);
    expect(saved.body.muted.sort()).toEqual(["mention", "reply"]);
    const input = (kind: "reply" | "feedback") => ({
      orgId: riverside,
      kind,
      actorId: other.id,
      communityId: null,
      path: "/",
      data: { title: unique("Thread") },
    });
    expect(await notify(t.db, [person.id], input("reply"))).toBe(0);
    expect(await notify(t.db, [person.id], input("feedback"))).toBe(1);
    expect(await count(mine)).toBe(1);
    await mine.put("/api/v1/notifications/mutes", { muted: [] });
    expect(await notify(t.db, [person.id], input("reply"))).toBe(1);
  });

  it("refuses an unknown kind", async () => {
    const response = await client.put("/api/v1/notifications/mutes", { muted: ["gossip"] });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].path).toContain("muted");
  });
});

describe("invitations", () => {
  it("notify a person of the district invited into a community, not a new address", async () => {
    const coach = await t.as("coach@riverside.example");
    const coachId = await t.personId("coach@riverside.example");
    const community = await createCommunity(t.db, {
      orgId: riverside,
      visibility: "private",
      members: [[coachId, "facilitator"]],
    });
    const invited = await coach.post(`/api/v1/communities/${community.id}/invitations`, {
      email: me.email,
      role: "member",
    });
    expect(invited.status).toBe(201);
    const list = await client.get("/api/v1/notifications?filter=unread");
    const found = list.body.items.find((n: { kind: string }) => n.kind === "invitation");
    expect(found).toMatchObject({
      kind: "invitation",
      path: "/",
      actorName: "Priya Natarajan",
      data: { community: community.name, role: "member" },
    });
    const stranger = await coach.post(`/api/v1/communities/${community.id}/invitations`, {
      email: `${unique("new").replace(/\W+/g, "-")}@factory.example`,
      role: "member",
    });
    expect(stranger.status).toBe(201);
    const rows = await t.db.execute(sql`select 1 from notifications where community_id = ${community.id}`);
    expect(rows.rows).toHaveLength(1);
  });
});
