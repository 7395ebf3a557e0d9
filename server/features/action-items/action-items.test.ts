import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberships } from "../../db/schema/index.ts";
import { type Client, startTestApp, type TestApp } from "../../test/app.ts";
import { orgId as orgIdOf } from "../../test/factories.ts";
import { type EndedMeeting, endedMeeting } from "../minutes/test-meeting.ts";

let t: TestApp;
let meeting: EndedMeeting;
let communityId: string;
const ids: Record<string, string> = {};
const as = (who: string): Promise<Client> => t.as(`${who}@riverside.example`);
const itemsOf = (m: { id: string }) => `/api/v1/meetings/${m.id}/action-items`;

beforeAll(async () => {
  t = await startTestApp();
  for (const who of ["coach", "teacher1", "teacher2", "teacher3", "parent"])
    ids[who] = await t.personId(`${who}@riverside.example`);
  const orgId = await orgIdOf(t.db, "riverside");
  communityId = await t.communityId("Grade 7 Math Team");
  await t.db
    .insert(memberships)
    .values({ orgId, communityId, personId: ids.parent ?? "", role: "partner", status: "active" });
  // The meeting was on 12 March 2026 (Chicago).
  meeting = await endedMeeting(t.db, { orgId, communityId, presenterId: ids.teacher1 ?? "" });
});
afterAll(() => t.close());

const valid = () => ({
  title: "Try the revised task in period 3",
  ownerId: ids.teacher1,
  dueOn: "2026-03-26",
});

describe("adding action items", () => {
  it("in a meeting: appear in its minutes, on the owner's home list and in the community's open list", async () => {
    const coach = await as("coach");
    const created = await coach.post(itemsOf(meeting), { ...valid(), agendaItemId: meeting.itemIds[0] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: "Try the revised task in period 3",
      owner: { name: "Jordan Lee" },
      dueOn: "2026-03-26",
      status: "open",
      meetingTitle: "Tuning: proportional reasoning task",
      communityName: "Grade 7 Math Team",
      can: { edit: true, changeStatus: true },
    });
    const minutes = await (await as("teacher2")).get(`/api/v1/meetings/${meeting.id}/minutes`);
    expect(minutes.body.actionItems.map((a: { title: string }) => a.title)).toContain(valid().title);

    const teacher1 = await as("teacher1");
    const mine = await teacher1.get("/api/v1/action-items?mine=1&status=open");
    expect(mine.body.items).toEqual([
      expect.objectContaining({ id: created.body.id, can: { edit: false, changeStatus: true } }),
    ]);
    const open = await (await as("teacher2")).get(
      `/api/v1/communities/${communityId}/action-items?status=open`,
    );
    expect(open.body.items.map((a: { id: string }) => a.id)).toContain(created.body.id);
    expect((await (await as("teacher2")).get("/api/v1/action-items?mine=1")).body.items).toEqual([]);
  });

  it("in a community outside any meeting (facilitators); other members are refused", async () => {
    const coach = await as("coach");
    const created = await coach.post(`/api/v1/communities/${communityId}/action-items`, {
      title: "Collect exit tickets",
      ownerId: ids.teacher2,
      dueOn: null,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ meetingId: null, dueOn: null, owner: { name: "Samuel Okafor" } });
    const member = await as("teacher1");
    const refused = await member.post(`/api/v1/communities/${communityId}/action-items`, valid());
    expect(refused.status).toBe(403);
    expect((await member.post(itemsOf(meeting), valid())).status).toBe(403);
  });

  it("once per Idempotency-Key", async () => {
    const coach = await as("coach");
    const headers = { "idempotency-key": "action-item-retry-1" };
    const body = { ...valid(), title: "Sent twice on a flaky network" };
    const [a, b] = await Promise.all([
      coach.post(itemsOf(meeting), body, headers),
      coach.post(itemsOf(meeting), body, headers),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.id).toBe(b.body.id);
    const minutes = await coach.get(`/api/v1/meetings/${meeting.id}/minutes`);
    expect(minutes.body.actionItems.filter((x: { title: string }) => x.title === body.title)).toHaveLength(1);
  });

  it.each([
    [{ title: "" }, "title", "Enter what needs doing."],
    [{ title: "a".repeat(501) }, "title", "Keep this under 500 characters."],
    [{ ownerId: "" }, "ownerId", "Choose who will do it."],
    [{ dueOn: "2026-03-11" }, "dueOn", "Choose a due date on or after the meeting (2026-03-12)."],
    [{ dueOn: "2026-02-30" }, "dueOn", "This date does not exist; check the day and month."],
    [
      { dueOn: "3026-03-30" },
      "dueOn",
      `Choose a due date in a year from 2000 to ${new Date().getUTCFullYear() + 5}.`,
    ],
    [
      { dueOn: "1999-12-31" },
      "dueOn",
      `Choose a due date in a year from 2000 to ${new Date().getUTCFullYear() + 5}.`,
    ],
    [{ dueOn: "next week" }, "dueOn", "Enter the due date as a date, like 2026-05-14."],
  ])("refuses %j, naming %s", async (change, path, message) => {
    const response = await (await as("coach")).post(itemsOf(meeting), { ...valid(), ...change });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ path, message }]);
  });

  it("refuses an owner who is not an active member of the community", async () => {
    const coach = await as("coach");
    const lakesideAdmin = await t.personId("admin@lakeside.example");
    for (const ownerId of [ids.teacher3, lakesideAdmin]) {
      const response = await coach.post(itemsOf(meeting), { ...valid(), ownerId });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        { path: "ownerId", message: "Choose someone who is an active member of this community." },
      ]);
    }
  });
});

describe("changing action items", () => {
  async function fresh(title: string, ownerId = ids.teacher1) {
    return (await (await as("coach")).post(itemsOf(meeting), { ...valid(), title, ownerId })).body;
  }

  it("the owner marks theirs done (it leaves their open list) and may reopen it", async () => {
    const item = await fresh("Owner closes this");
    const teacher1 = await as("teacher1");
    const done = await teacher1.patch(`/api/v1/action-items/${item.id}`, { status: "done" });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe("done");
    expect(done.body.completedAt).not.toBeNull();
    const open = await teacher1.get("/api/v1/action-items?mine=1&status=open");
    expect(open.body.items.map((a: { id: string }) => a.id)).not.toContain(item.id);
    const reopened = await teacher1.patch(`/api/v1/action-items/${item.id}`, { status: "open" });
    expect(reopened.body).toMatchObject({ status: "open", completedAt: null });
  });

  it("the owner may not change what, who or when (403); another member may not change anything (403)", async () => {
    const item = await fresh("Only status for the owner");
    const teacher1 = await as("teacher1");
    const retitle = await teacher1.patch(`/api/v1/action-items/${item.id}`, { title: "Something easier" });
    expect(retitle.status).toBe(403);
    expect(retitle.body.detail).toMatch(/ask a facilitator/);
    const other = await as("teacher2");
    const refused = await other.patch(`/api/v1/action-items/${item.id}`, { status: "done" });
    expect(refused.status).toBe(403);
  });

  it("facilitators change anything, with the same checks as on creation", async () => {
    const item = await fresh("Facilitator reassigns this");
    const coach = await as("coach");
    const changed = await coach.patch(`/api/v1/action-items/${item.id}`, {
      title: "Reassigned",
      ownerId: ids.teacher2,
      dueOn: "2026-04-02",
      status: "dropped",
    });
    expect(changed.body).toMatchObject({
      title: "Reassigned",
      owner: { name: "Samuel Okafor" },
      status: "dropped",
    });
    const early = await coach.patch(`/api/v1/action-items/${item.id}`, { dueOn: "2026-01-01" });
    expect(early.body.errors[0].path).toBe("dueOn");
    const outsider = await coach.patch(`/api/v1/action-items/${item.id}`, { ownerId: ids.teacher3 });
    expect(outsider.body.errors[0].path).toBe("ownerId");
    const bad = await coach.patch(`/api/v1/action-items/${item.id}`, { status: "finished" });
    expect(bad.body.errors[0]).toEqual({ path: "status", message: "Choose open, done or dropped." });
  });

  it("is 404 for another district and for district colleagues outside the community", async () => {
    const item = await fresh("Private to the team");
    for (const client of [await t.as("admin@lakeside.example"), await as("teacher3")]) {
      expect((await client.patch(`/api/v1/action-items/${item.id}`, { status: "done" })).status).toBe(404);
    }
    expect((await (await as("teacher3")).get(`/api/v1/communities/${communityId}/action-items`)).status).toBe(
      404,
    );
    const lakeside = await t.as("admin@lakeside.example");
    expect((await lakeside.get(`/api/v1/communities/${communityId}/action-items`)).status).toBe(404);
    expect((await lakeside.post(itemsOf(meeting), valid())).status).toBe(404);
  });

  it("partners see only the items they own in the community's list", async () => {
    await fresh("The family night flyer", ids.parent);
    const parent = await as("parent");
    const list = await parent.get(`/api/v1/communities/${communityId}/action-items`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: { title: string }) => a.title)).toEqual(["The family night flyer"]);
    expect((await parent.get("/api/v1/action-items?mine=1")).body.items).toHaveLength(1);
  });

  it("the home list needs mine=1", async () => {
    const response = await (await as("teacher1")).get("/api/v1/action-items?mine=0");
    expect(response.status).toBe(400);
    expect(response.body.errors[0].path).toBe("mine");
  });
});
