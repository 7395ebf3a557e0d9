import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../../test/app.ts";
import { addMember, membershipOf } from "../../test/factories.ts";

let t: TestApp;
let coach: Client;
let elena: Client;
let jordan: Client;
let admin: Client;
const ids = { elena: "", jordan: "", coach: "" };

beforeAll(async () => {
  t = await startTestApp();
  [coach, elena, jordan, admin] = await Promise.all([
    t.as("coach@riverside.example"),
    t.as("teacher3@riverside.example"),
    t.as("teacher1@riverside.example"),
    t.as("admin@riverside.example"),
  ]);
  ids.elena = await t.personId("teacher3@riverside.example");
  ids.jordan = await t.personId("teacher1@riverside.example");
  ids.coach = await t.personId("coach@riverside.example");
});
afterAll(() => t?.close());

let made = 0;
/** A fresh community the coach facilitates; `with` are added as active members. */
async function circle(visibility: "organization" | "private", withMembers: string[] = []) {
  const name = `Membership Circle ${++made}`;
  const created = await coach.post("/api/v1/communities", { name, kind: "other", visibility });
  const id: string = created.body.id;
  for (const personId of withMembers) await addMember(t.db, id, personId, "member");
  return { id, name };
}
const names = (members: { name: string }[]) => members.map((m) => m.name);

describe("asking to join a district-visible community", () => {
  it("shows the request to its facilitator, who approves it", async () => {
    const c = await circle("organization");
    const asked = await elena.post(`/api/v1/communities/${c.id}/join`);
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ myStatus: "requested", myRole: "member" });
    expect(names(asked.body.members)).not.toContain("Elena García");
    // Her own home lists it as requested.
    const hers = (await elena.get("/api/v1/home")).body.communities;
    expect(hers).toContainEqual(expect.objectContaining({ name: c.name, myStatus: "requested" }));

    const home = (await coach.get("/api/v1/home")).body.needsMe;
    expect(home).toContainEqual({
      kind: "join_request",
      communityId: c.id,
      communityName: c.name,
      personId: ids.elena,
      personName: "Elena García",
    });
    const page = await coach.get(`/api/v1/communities/${c.id}`);
    expect(names(page.body.requests)).toEqual(["Elena García"]);

    // Asking twice does not make two requests.
    expect((await elena.post(`/api/v1/communities/${c.id}/join`)).body.myStatus).toBe("requested");
    expect((await coach.get(`/api/v1/communities/${c.id}`)).body.requests).toHaveLength(1);

    const approved = await coach.post(`/api/v1/communities/${c.id}/requests/${ids.elena}`, { approve: true });
    expect(approved.status).toBe(200);
    expect(names(approved.body.members)).toContain("Elena García");
    expect(approved.body.requests).toEqual([]);
    expect(
      (await coach.get("/api/v1/home")).body.needsMe.filter(
        (n: { communityId: string }) => n.communityId === c.id,
      ),
    ).toEqual([]);
    expect((await elena.get(`/api/v1/communities/${c.id}`)).body).toMatchObject({
      myStatus: "active",
      myRole: "member",
    });
  });

  it("lets the facilitator decline; the person may ask again later", async () => {
    const c = await circle("organization");
    await elena.post(`/api/v1/communities/${c.id}/join`);
    const declined = await coach.post(`/api/v1/communities/${c.id}/requests/${ids.elena}`, {
      approve: false,
    });
    expect(declined.status).toBe(200);
    expect(declined.body.requests).toEqual([]);
    expect(names(declined.body.members)).not.toContain("Elena García");
    const seen = await elena.get(`/api/v1/communities/${c.id}`);
    expect(seen.body).toMatchObject({ myStatus: null, myRole: null });
    expect(seen.body.can.requestToJoin).toBe(true);
    expect((await elena.post(`/api/v1/communities/${c.id}/join`)).body.myStatus).toBe("requested");
  });

  it("lets the person withdraw their request by leaving", async () => {
    const c = await circle("organization");
    await elena.post(`/api/v1/communities/${c.id}/join`);
    const withdrawn = await elena.post(`/api/v1/communities/${c.id}/leave`);
    expect(withdrawn.status).toBe(200);
    expect((await coach.get(`/api/v1/communities/${c.id}`)).body.requests).toEqual([]);
  });

  it("does not let members decide requests", async () => {
    const c = await circle("organization", [ids.jordan]);
    await elena.post(`/api/v1/communities/${c.id}/join`);
    const response = await jordan.post(`/api/v1/communities/${c.id}/requests/${ids.elena}`, {
      approve: true,
    });
    expect(response.status).toBe(403);
    expect(response.body.detail).toBe("Only the community's facilitators and leaders can manage members.");
    expect(await membershipOf(t.db, c.id, ids.elena)).toEqual({ role: "member", status: "requested" });
  });

  it("answers 404 for a request that does not exist", async () => {
    const c = await circle("organization");
    const response = await coach.post(`/api/v1/communities/${c.id}/requests/${ids.elena}`, { approve: true });
    expect(response.status).toBe(404);
    expect(response.body.detail).toBe(
      "This request to join does not exist, or you do not have access to it.",
    );
  });
});

describe("communities that cannot be asked to join", () => {
  it("a private community cannot be requested: to outsiders it does not exist", async () => {
    const c = await circle("private");
    const response = await elena.post(`/api/v1/communities/${c.id}/join`);
    expect(response.status).toBe(404);
    expect(JSON.stringify(response.body)).not.toContain(c.name);
    expect(await membershipOf(t.db, c.id, ids.elena)).toBeNull();
    expect((await coach.get("/api/v1/home")).body.needsMe).not.toContainEqual(
      expect.objectContaining({ communityId: c.id }),
    );
  });

  it("an archived community cannot be requested, and says why", async () => {
    const c = await circle("organization");
    await coach.post(`/api/v1/communities/${c.id}/archive`);
    const response = await elena.post(`/api/v1/communities/${c.id}/join`);
    expect(response.status).toBe(403);
    expect(response.body.detail).toBe(
      "This community is archived. Ask its facilitators to restore it first.",
    );
    expect(await membershipOf(t.db, c.id, ids.elena)).toBeNull();
  });

  it("partners cannot ask to join communities they are not in", async () => {
    const c = await circle("organization");
    const grace = await t.as("parent@riverside.example");
    expect((await grace.post(`/api/v1/communities/${c.id}/join`)).status).toBe(404);
  });
});

describe("leaving", () => {
  it("takes a member out of the list and off their home page; what they did stays theirs", async () => {
    const c = await circle("organization", [ids.jordan]);
    const left = await jordan.post(`/api/v1/communities/${c.id}/leave`);
    expect(left.status).toBe(200);
    expect(left.body.myRole).toBeNull();
    expect(left.body.can).toMatchObject({ leave: false, requestToJoin: true });
    expect(names(left.body.members)).toEqual(["Priya Natarajan"]);
    const home = (await jordan.get("/api/v1/home")).body.communities;
    expect(names(home)).not.toContain(c.name);
  });

  it("works for a private community too, after which it is hidden again", async () => {
    const c = await circle("private", [ids.jordan]);
    const left = await jordan.post(`/api/v1/communities/${c.id}/leave`);
    expect(left.status).toBe(200);
    expect(left.body.myRole).toBeNull();
    expect(await membershipOf(t.db, c.id, ids.jordan)).toEqual({ role: "member", status: "left" });
    expect((await jordan.get(`/api/v1/communities/${c.id}`)).status).toBe(404);
  });
});

describe("the last facilitator", () => {
  it("cannot leave", async () => {
    const c = await circle("organization", [ids.jordan]);
    const response = await coach.post(`/api/v1/communities/${c.id}/leave`);
    expect(response.status).toBe(409);
    expect(response.body.detail).toBe(
      "You are the only facilitator. Make someone else a facilitator before you leave.",
    );
    expect(await membershipOf(t.db, c.id, ids.coach)).toEqual({ role: "facilitator", status: "active" });
  });

  it("cannot be demoted, even by an administrator", async () => {
    const c = await circle("organization", [ids.jordan]);
    const response = await admin.patch(`/api/v1/communities/${c.id}/members/${ids.coach}`, {
      role: "member",
    });
    expect(response.status).toBe(409);
    expect(response.body.errors).toEqual([
      {
        path: "role",
        message: "A community needs at least one facilitator. Make someone else a facilitator first.",
      },
    ]);
    expect(await membershipOf(t.db, c.id, ids.coach)).toEqual({ role: "facilitator", status: "active" });
  });

  it("cannot be removed", async () => {
    const c = await circle("organization");
    const response = await admin.delete(`/api/v1/communities/${c.id}/members/${ids.coach}`);
    expect(response.status).toBe(409);
    expect(response.body.detail).toMatch(/^A community needs at least one facilitator/);
    expect(names((await coach.get(`/api/v1/communities/${c.id}`)).body.members)).toEqual(["Priya Natarajan"]);
  });

  it("can hand over, then leave", async () => {
    const c = await circle("organization", [ids.jordan]);
    const promoted = await coach.patch(`/api/v1/communities/${c.id}/members/${ids.jordan}`, {
      role: "facilitator",
    });
    expect(promoted.body.can.leave).toBe(true);
    expect((await coach.post(`/api/v1/communities/${c.id}/leave`)).status).toBe(200);
    const read = await jordan.get(`/api/v1/communities/${c.id}`);
    expect(read.body.members.map((m: { name: string; role: string }) => [m.name, m.role])).toEqual([
      ["Jordan Lee", "facilitator"],
    ]);
    expect(read.body.can.leave).toBe(false);
  });
});

describe("changing and removing members", () => {
  it("records role changes and removals in the audit log, newest first", async () => {
    const c = await circle("organization", [ids.jordan]);
    const changed = await coach.patch(`/api/v1/communities/${c.id}/members/${ids.jordan}`, {
      role: "observer",
    });
    expect(changed.status).toBe(200);
    expect(changed.body.members).toContainEqual(
      expect.objectContaining({ name: "Jordan Lee", role: "observer" }),
    );
    const removed = await coach.delete(`/api/v1/communities/${c.id}/members/${ids.jordan}`);
    expect(names(removed.body.members)).toEqual(["Priya Natarajan"]);

    const log = (await admin.get("/api/v1/audit?limit=5")).body.items;
    expect(log.slice(0, 2)).toEqual([
      expect.objectContaining({
        action: "membership.removed",
        actorName: "Priya Natarajan",
        subjectName: "Jordan Lee",
        details: expect.objectContaining({ community: c.name }),
      }),
      expect.objectContaining({
        action: "membership.role_changed",
        actorName: "Priya Natarajan",
        subjectName: "Jordan Lee",
        details: expect.objectContaining({ community: c.name, from: "member", to: "observer" }),
      }),
    ]);
  });

  it("keeps partners out of member and facilitator roles, naming the field", async () => {
    const parentId = await t.personId("parent@riverside.example");
    const c = await circle("organization");
    await addMember(t.db, c.id, parentId, "partner");
    const response = await coach.patch(`/api/v1/communities/${c.id}/members/${parentId}`, { role: "member" });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { path: "role", message: "Partners join a community as a partner or an observer." },
    ]);
    expect(
      (await coach.patch(`/api/v1/communities/${c.id}/members/${parentId}`, { role: "observer" })).status,
    ).toBe(200);
  });

  it("answers 404 for someone who is not a member", async () => {
    const c = await circle("organization");
    const response = await coach.patch(`/api/v1/communities/${c.id}/members/${ids.elena}`, {
      role: "observer",
    });
    expect(response.status).toBe(404);
    expect(response.body.detail).toBe("This member does not exist, or you do not have access to it.");
  });
});
