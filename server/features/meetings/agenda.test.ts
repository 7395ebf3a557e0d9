import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../test/app.ts";
import { orgId } from "../../test/factories.ts";
import { createProtocol } from "../../test/meeting-factories.ts";
import { dayFromNow, meetingBody, meetingFixtures } from "./test-helpers.ts";

let t: TestApp;
let f: Awaited<ReturnType<typeof meetingFixtures>>;
let protocolId: string;
let lakesideProtocolId: string;
let day = 3;
const as = (who: string) => t.as(`${who}@riverside.example`);

beforeAll(async () => {
  t = await startTestApp();
  f = await meetingFixtures(t);
  protocolId = (await createProtocol(t.db, f.riverside)).protocolId;
  lakesideProtocolId = (await createProtocol(t.db, await orgId(t.db, "lakeside"))).protocolId;
});
afterAll(() => t.close());

async function newMeeting() {
  const created = await (await as("coach")).post(
    `/api/v1/communities/${f.communityId}/meetings`,
    meetingBody({ date: dayFromNow(day++), durationMinutes: 60 }),
  );
  expect(created.status).toBe(201);
  return created.body.id as string;
}
const items = (id: string) => `/api/v1/meetings/${id}/agenda-items`;

describe("building an agenda", () => {
  it("adds a protocol run with its steps, presenter and focusing question; minutes default to the protocol's", async () => {
    const coach = await as("coach");
    const id = await newMeeting();
    const added = await coach.post(items(id), {
      kind: "protocol",
      protocolId,
      presenterId: f.people.teacher1,
      focusingQuestion: "Does the quiz show who understands equivalent fractions?",
      material: "4th-grade fractions quiz",
      materialUrl: "https://docs.example.org/quiz",
    });
    expect(added.status).toBe(201);
    const [item] = added.body.agenda;
    expect(item).toMatchObject({
      kind: "protocol",
      title: "Test tuning",
      minutes: 30,
      presenter: { id: f.people.teacher1, name: "Jordan Lee" },
      focusingQuestion: "Does the quiz show who understands equivalent fractions?",
      protocol: { id: protocolId, name: "Test tuning", version: 1, totalMinutes: 30 },
    });
    expect(item.protocol.definition.steps.map((s: { title: string }) => s.title)).toEqual([
      "Presentation",
      "Clarifying questions",
      "Warm feedback",
      "Cool feedback",
      "Reflection",
    ]);
    const withAction = await coach.post(items(id), { kind: "action_review", minutes: 10 });
    expect(withAction.body.agenda[1]).toMatchObject({ title: "Review of open action items", minutes: 10 });
    expect(withAction.body.agendaMinutes).toBe(40);
    expect(withAction.body.durationMinutes).toBe(60);
    // Members see the same agenda; the list counts its items.
    const member = await (await as("teacher2")).get(`/api/v1/meetings/${id}`);
    expect(member.body.agenda).toHaveLength(2);
    const list = await coach.get(`/api/v1/communities/${f.communityId}/meetings?limit=100`);
    expect(list.body.items.find((m: { id: string }) => m.id === id).agendaItemCount).toBe(2);
  });

  it("refuses bad items, naming the field", async () => {
    const coach = await as("coach");
    const id = await newMeeting();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ kind: "protocol" }, "protocolId", "Choose the protocol"],
      [{ kind: "discussion" }, "title", "what the discussion is about"],
      [{ kind: "discussion", title: "Talk", protocolId }, "protocolId", "Only a protocol run"],
      [{ kind: "discussion", title: "Talk", minutes: 0 }, "minutes", "at least 1 minute"],
      [{ kind: "protocol", protocolId: lakesideProtocolId }, "protocolId", "your district's library"],
      [{ kind: "protocol", protocolId, presenterId: f.people.teacher8 }, "presenterId", "active member"],
      [{ kind: "discussion", title: "Talk", materialUrl: "ftp://x.example.org" }, "materialUrl", "https://"],
      [{ kind: "lecture", title: "Talk" }, "kind", "what kind"],
    ];
    for (const [body, path, words] of cases) {
      const response = await coach.post(items(id), body);
      expect(response.status, path).toBe(400);
      expect(response.body.errors[0].path).toBe(path);
      expect(response.body.errors[0].message).toContain(words);
    }
    expect((await coach.get(`/api/v1/meetings/${id}`)).body.agenda).toHaveLength(0);
  });

  it("edits, reorders and removes items", async () => {
    const coach = await as("coach");
    const id = await newMeeting();
    await coach.post(items(id), { kind: "announcements", title: "News", minutes: 5 });
    await coach.post(items(id), { kind: "discussion", title: "Unit 3", minutes: 20 });
    const third = await coach.post(items(id), { kind: "data_review", title: "Quiz data", minutes: 15 });
    const [a, b, c] = third.body.agenda.map((i: { id: string }) => i.id);
    const edited = await coach.patch(`${items(id)}/${b}`, {
      minutes: 25,
      details: "Bring the pacing guide.",
    });
    expect(edited.body.agenda[1]).toMatchObject({ minutes: 25, details: "Bring the pacing guide." });
    const reordered = await (await t.as("coach@riverside.example")).put(
      `/api/v1/meetings/${id}/agenda-order`,
      {
        itemIds: [c, a, b],
      },
    );
    expect(reordered.status).toBe(200);
    expect(reordered.body.agenda.map((i: { title: string }) => i.title)).toEqual([
      "Quiz data",
      "News",
      "Unit 3",
    ]);
    const stale = await (await t.as("coach@riverside.example")).put(`/api/v1/meetings/${id}/agenda-order`, {
      itemIds: [a, b],
    });
    expect(stale.status).toBe(409);
    const removed = await coach.delete(`${items(id)}/${a}`);
    expect(
      removed.body.agenda.map((i: { title: string; position: number }) => [i.title, i.position]),
    ).toEqual([
      ["Quiz data", 0],
      ["Unit 3", 1],
    ]);
    expect(removed.body.agendaMinutes).toBe(40);
  });

  it("lets only facilitators and leaders change the agenda (403), hides it from other districts (404)", async () => {
    const id = await newMeeting();
    const member = await (await as("teacher1")).post(items(id), { kind: "discussion", title: "Mine" });
    expect(member.status).toBe(403);
    const partner = await (await as("parent")).post(items(id), { kind: "discussion", title: "Mine" });
    expect(partner.status).toBe(403);
    const lakeside = await t.as("admin@lakeside.example");
    expect((await lakeside.post(items(id), { kind: "discussion", title: "Mine" })).status).toBe(404);
    expect((await (await as("teacher3")).post(items(id), { kind: "discussion", title: "Mine" })).status).toBe(
      404,
    );
    const principal = await (await as("admin")).post(items(id), {
      kind: "discussion",
      title: "District news",
    });
    expect(principal.status).toBe(201);
  });

  it("freezes the agenda once the meeting is live (409)", async () => {
    const coach = await as("coach");
    const id = await newMeeting();
    const added = await coach.post(items(id), { kind: "discussion", title: "Unit 3" });
    await t.db.execute(`update meetings set status = 'live' where id = '${id}'`);
    const more = await coach.post(items(id), { kind: "discussion", title: "Late" });
    expect(more.status).toBe(409);
    expect(more.body.detail).toContain("in progress");
    expect((await coach.delete(`${items(id)}/${added.body.agenda[0].id}`)).status).toBe(409);
  });
});

describe("roles", () => {
  it("assigns facilitator, timekeeper and note-taker to active members", async () => {
    const id = await newMeeting();
    const response = await (await t.as("coach@riverside.example")).put(`/api/v1/meetings/${id}/roles`, {
      assignments: [
        { role: "facilitator", personId: f.people.coach },
        { role: "timekeeper", personId: f.people.teacher2 },
        { role: "note_taker", personId: f.people.teacher1 },
      ],
    });
    expect(response.status).toBe(200);
    expect(
      response.body.roles.map((r: { role: string; person: { name: string } }) => [r.role, r.person.name]),
    ).toEqual([
      ["facilitator", "Priya Natarajan"],
      ["note_taker", "Jordan Lee"],
      ["timekeeper", "Samuel Okafor"],
    ]);
    // The timekeeper may run the room, though not edit the agenda.
    const timekeeper = await (await as("teacher2")).get(`/api/v1/meetings/${id}`);
    expect(timekeeper.body.can).toMatchObject({ run: true, editAgenda: false });
  });

  it("refuses someone who is not a member, and members changing roles", async () => {
    const id = await newMeeting();
    const outsider = await (await t.as("coach@riverside.example")).put(`/api/v1/meetings/${id}/roles`, {
      assignments: [{ role: "note_taker", personId: f.people.teacher8 }],
    });
    expect(outsider.status).toBe(400);
    expect(outsider.body.errors[0]).toMatchObject({ path: "assignments.0.personId" });
    const badRole = await (await t.as("coach@riverside.example")).put(`/api/v1/meetings/${id}/roles`, {
      assignments: [{ role: "presenter", personId: f.people.teacher1 }],
    });
    expect(badRole.status).toBe(400);
    expect(badRole.body.errors[0].path).toBe("assignments.0.role");
    const member = await (await t.as("teacher1@riverside.example")).put(`/api/v1/meetings/${id}/roles`, {
      assignments: [],
    });
    expect(member.status).toBe(403);
  });
});
