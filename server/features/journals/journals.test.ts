import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../../test/app.ts";
import { createCommunity, createPerson, orgId, schoolId } from "../../test/factories.ts";
import { createMeeting } from "../../test/meeting-factories.ts";

/*
 * A teacher's journal as she meets it: her entries are hers alone — another teacher, her coach and the
 * district administrator all get 404 — until she shares one with a community she is in; then the people
 * of that community read it, and no one else does.
 */

let t: TestApp;
let ana: Client;
let ben: Client;
let coach: Client;
let admin: Client;
let lakeAdmin: Client;
let observer: Client;
let teamId: string;
let otherTeamId: string;
let observedTeamId: string;
let meetingId: string;

beforeAll(async () => {
  t = await startTestApp();
  const org = await orgId(t.db, "riverside");
  const school = await schoolId(t.db, "Riverside Elementary");
  const mk = (email: string) =>
    createPerson(t.db, { orgId: org, email, schoolIds: [school], canSignIn: true });
  const [a, b, o] = await Promise.all([
    mk("journal-ana@riverside.example"),
    mk("journal-ben@riverside.example"),
    mk("journal-olu@riverside.example"),
  ]);
  const coachId = await t.personId("coach@riverside.example");
  teamId = (
    await createCommunity(t.db, {
      orgId: org,
      name: "Journal team",
      visibility: "organization",
      schoolIds: [school],
      members: [
        [coachId, "facilitator"],
        [a.id, "member"],
        [o.id, "observer"],
      ],
    })
  ).id;
  otherTeamId = (
    await createCommunity(t.db, { orgId: org, visibility: "organization", members: [[b.id, "member"]] })
  ).id;
  observedTeamId = (
    await createCommunity(t.db, { orgId: org, visibility: "private", members: [[a.id, "observer"]] })
  ).id;
  meetingId = (await createMeeting(t.db, { orgId: org, communityId: teamId, title: "Fractions lab" })).id;
  ana = await t.signIn(a.email);
  ben = await t.signIn(b.email);
  observer = await t.signIn(o.email);
  coach = await t.as("coach@riverside.example");
  admin = await t.as("admin@riverside.example");
  lakeAdmin = await t.as("admin@lakeside.example");
});
afterAll(() => t.close());

const entry = { prompt: "learned-this-week", title: "Number talks", body: "We tried **number talks**." };
const write = (c: Client, body: object = entry, key?: string) =>
  c.post("/api/v1/journal-entries", body, key ? { "idempotency-key": key } : {});

describe("a journal entry", () => {
  it("is written once per Idempotency-Key, today by default, with its Markdown rendered", async () => {
    const [first, retry] = await Promise.all([
      write(ana, entry, "journal-retry-1"),
      write(ana, entry, "journal-retry-1"),
    ]);
    expect([first.status, retry.status].sort()).toEqual([200, 201]);
    expect(retry.body.id).toBe(first.body.id);
    expect(first.body.writtenOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(first.body.bodyHtml).toContain("<strong>number talks</strong>");
    expect(first.body.sharedWith).toBeNull();
    const mine = await ana.get("/api/v1/journal-entries");
    expect(mine.body.items.filter((e: { id: string }) => e.id === first.body.id)).toHaveLength(1);
  });

  it("is private to its author: another teacher, the coach, the administrator, another district all 404", async () => {
    const { body } = await write(ana);
    for (const other of [ben, coach, admin, lakeAdmin]) {
      const read = await other.get(`/api/v1/journal-entries/${body.id}`);
      expect(read.status).toBe(404);
      expect(JSON.stringify(read.body)).not.toContain("number talks");
      expect(
        (await other.patch(`/api/v1/journal-entries/${body.id}`, { version: 1, body: "x" })).status,
      ).toBe(404);
      expect((await other.delete(`/api/v1/journal-entries/${body.id}`)).status).toBe(404);
      const list = await other.get("/api/v1/journal-entries");
      expect(list.body.items.map((e: { id: string }) => e.id)).not.toContain(body.id);
    }
  });

  it("lists newest first, in pages", async () => {
    for (const day of ["2026-09-01", "2026-09-03", "2026-09-02"])
      await write(ben, { body: `Day ${day}`, writtenOn: day });
    const first = await ben.get("/api/v1/journal-entries?limit=2");
    expect(first.body.items.map((e: { writtenOn: string }) => e.writtenOn)).toEqual([
      "2026-09-03",
      "2026-09-02",
    ]);
    const next = await ben.get(`/api/v1/journal-entries?limit=2&cursor=${first.body.nextCursor}`);
    expect(next.body.items.map((e: { writtenOn: string }) => e.writtenOn)).toEqual(["2026-09-01"]);
    expect(next.body.nextCursor).toBeNull();
  });

  it("refuses bad input field by field", async () => {
    const empty = await write(ana, { body: "  " });
    expect(empty.status).toBe(400);
    expect(empty.body.errors.map((e: { path: string }) => e.path)).toEqual(["body"]);
    const prompt = await write(ana, { body: "x", prompt: "made-up" });
    expect(prompt.body.errors[0]).toMatchObject({
      path: "prompt",
      message: "Choose one of the prompts, or none.",
    });
    const day = await write(ana, { body: "x", writtenOn: "01/09/2026" });
    expect(day.body.errors[0].path).toBe("writtenOn");
    const meeting = await write(ben, { body: "x", meetingId });
    expect(meeting.status).toBe(400);
    expect(meeting.body.errors[0]).toMatchObject({ path: "meetingId" });
  });

  it("can be about a meeting of her community", async () => {
    const { status, body } = await write(ana, { body: "After the lab.", meetingId });
    expect(status).toBe(201);
    expect(body.meeting).toMatchObject({ id: meetingId, title: "Fractions lab" });
  });

  it("refuses a stale edit (409) and keeps the newer words", async () => {
    const { body } = await write(ana);
    const edited = await ana.patch(`/api/v1/journal-entries/${body.id}`, {
      version: 1,
      body: "Second thoughts.",
    });
    expect(edited.status).toBe(200);
    expect(edited.body.version).toBe(2);
    const stale = await ana.patch(`/api/v1/journal-entries/${body.id}`, { version: 1, body: "Old tab." });
    expect(stale.status).toBe(409);
    expect(stale.body.errors[0].path).toBe("version");
    expect((await ana.get(`/api/v1/journal-entries/${body.id}`)).body.body).toBe("Second thoughts.");
  });

  it("is deleted by its author", async () => {
    const { body } = await write(ana);
    expect((await ana.delete(`/api/v1/journal-entries/${body.id}`)).status).toBe(204);
    expect((await ana.get(`/api/v1/journal-entries/${body.id}`)).status).toBe(404);
  });
});

describe("sharing an entry", () => {
  it("with a community she is not in, or only observes, is refused", async () => {
    const { body } = await write(ana);
    const share = (communityId: string) =>
      ana.put(`/api/v1/journal-entries/${body.id}/share`, { communityId });
    for (const id of [otherTeamId, observedTeamId]) {
      const refused = await share(id);
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0]).toMatchObject({
        path: "communityId",
        message: "Choose a community you are a member or facilitator of.",
      });
    }
    const targets = await ana.get("/api/v1/journal-entries/share-targets");
    expect(targets.body.items).toEqual([{ id: teamId, name: "Journal team" }]);
  });

  it("lets the people of that community read it — and nobody else — until she unshares it", async () => {
    const { body } = await write(ana, { ...entry, title: "Shared thoughts" });
    const shared = await ana.put(`/api/v1/journal-entries/${body.id}/share`, { communityId: teamId });
    expect(shared.body.sharedWith).toEqual({ id: teamId, name: "Journal team" });
    for (const reader of [coach, observer]) {
      const read = await reader.get(`/api/v1/journal-entries/${body.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ title: "Shared thoughts", author: { name: expect.any(String) } });
      expect(read.body.can.edit).toBe(false);
      expect(
        (await reader.patch(`/api/v1/journal-entries/${body.id}`, { version: 1, body: "x" })).status,
      ).toBe(404);
      const list = await reader.get(`/api/v1/communities/${teamId}/journal-entries`);
      expect(list.body.items[0]).toMatchObject({ id: body.id, title: "Shared thoughts" });
    }
    // The administrator can see the community, but not what its people wrote for each other.
    expect((await admin.get(`/api/v1/journal-entries/${body.id}`)).status).toBe(404);
    expect((await admin.get(`/api/v1/communities/${teamId}/journal-entries`)).body.items).toEqual([]);
    expect((await ben.get(`/api/v1/journal-entries/${body.id}`)).status).toBe(404);
    expect((await lakeAdmin.get(`/api/v1/communities/${teamId}/journal-entries`)).status).toBe(404);
    // The audit says it was shared, never what it says.
    const audit = await admin.get("/api/v1/audit?action=journal_entry.shared");
    expect(audit.body.items[0]).toMatchObject({ subjectName: "Journal team" });
    expect(JSON.stringify(audit.body)).not.toContain("number talks");

    const unshared = await ana.delete(`/api/v1/journal-entries/${body.id}/share`);
    expect(unshared.body.sharedWith).toBeNull();
    expect((await coach.get(`/api/v1/journal-entries/${body.id}`)).status).toBe(404);
    const list = await coach.get(`/api/v1/communities/${teamId}/journal-entries`);
    expect(list.body.items.map((e: { id: string }) => e.id)).not.toContain(body.id);
  });
});
