import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../../test/app.ts";
import { createCommunity, createPerson, orgId, personIdOf, schoolId } from "../../test/factories.ts";
import { createMeeting } from "../../test/meeting-factories.ts";
import { endedMeeting } from "../minutes/test-meeting.ts";

/*
 * A team reflecting together: the coach starts a standard reflection, members write into it, a stale
 * save is refused naming who saved, observers read without writing, partners and other districts are
 * kept out; a meeting or cycle has one reflection, and the standard's ratings make a trend.
 */

let t: TestApp;
let coach: Client;
let ana: Client;
let ben: Client;
let observer: Client;
let partner: Client;
let lakeside: Client;
let teamId: string;
let otherTeamId: string;
let anaId: string;

beforeAll(async () => {
  t = await startTestApp();
  const org = await orgId(t.db, "riverside");
  const school = await schoolId(t.db, "Riverside Elementary");
  const mk = (email: string, name: string) =>
    createPerson(t.db, { orgId: org, email, name, schoolIds: [school], canSignIn: true });
  const anaP = await mk("reflect-ana@riverside.example", "Ana Reyes");
  const benP = await mk("reflect-ben@riverside.example", "Ben Okafor");
  anaId = anaP.id;
  const coachId = await personIdOf(t.db, "coach@riverside.example");
  const team = await createCommunity(t.db, {
    orgId: org,
    visibility: "organization",
    schoolIds: [school],
    members: [
      [coachId, "facilitator"],
      [anaP.id, "member"],
      [benP.id, "member"],
      [await personIdOf(t.db, "parent@riverside.example"), "partner"],
      [await personIdOf(t.db, "teacher7@riverside.example"), "observer"],
    ],
  });
  teamId = team.id;
  otherTeamId = (
    await createCommunity(t.db, {
      orgId: org,
      visibility: "organization",
      members: [[coachId, "facilitator"]],
    })
  ).id;
  coach = await t.as("coach@riverside.example");
  ana = await t.signIn(anaP.email);
  ben = await t.signIn(benP.email);
  observer = await t.as("teacher7@riverside.example");
  partner = await t.as("parent@riverside.example");
  lakeside = await t.as("admin@lakeside.example");
});
afterAll(() => t.close());

const list = (c: Client, community = teamId) => c.get(`/api/v1/communities/${community}/team-reflections`);
const create = (c: Client, body: unknown, headers?: Record<string, string>) =>
  c.post(`/api/v1/communities/${teamId}/team-reflections`, body, headers);
const one = (c: Client, id: string) => c.get(`/api/v1/team-reflections/${id}`);
const save = (c: Client, id: string, content: unknown, version: number) =>
  c.put(`/api/v1/team-reflections/${id}`, { content, version });
const rated = (ci: number, cr: number | null) => ({
  elements: {
    "continuous-improvement": { answers: { evidence: "Exit tickets on ratios." }, rating: ci, nextSteps: "" },
    ...(cr === null
      ? {}
      : { "collective-responsibility": { answers: {}, rating: cr, nextSteps: "Visits." } }),
  },
});

describe("a standard reflection", () => {
  let id: string;

  it("is started once per Idempotency-Key, titled by the term, and audited", async () => {
    const headers = { "idempotency-key": "reflect-standard-1" };
    const [a, b] = await Promise.all([
      create(coach, { kind: "standard" }, headers),
      create(coach, { kind: "standard" }, headers),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.id).toBe(b.body.id);
    id = a.body.id;
    expect(a.body.title).toMatch(/^(Autumn|Spring|Summer) \d{4}$/);
    expect(a.body).toMatchObject({ kind: "standard", version: 1, can: { edit: true, delete: true } });
    const audit = await t.db.execute(
      sql`select details from audit_events where action = 'team_reflection.created' and details->>'reflectionId' = ${id}`,
    );
    expect(audit.rows).toHaveLength(1);
  });

  it("takes a member's answers and rating; the coach reads them with who saved", async () => {
    const saved = await save(ana, id, rated(2, null), 1);
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(2);
    const read = await one(coach, id);
    expect(read.body.content.elements["continuous-improvement"].answers.evidence).toBe(
      "Exit tickets on ratios.",
    );
    expect(read.body.lastEditedBy.name).toBe("Ana Reyes");
    expect(read.body.ratings["continuous-improvement"]).toBe(2);
  });

  it("refuses a stale save (409) naming who saved, and keeps what was saved", async () => {
    const stale = await save(ben, id, rated(4, 4), 1);
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toContain("Ana Reyes saved this reflection");
    expect(stale.body.errors).toEqual([expect.objectContaining({ path: "version" })]);
    expect((await one(ben, id)).body.ratings["continuous-improvement"]).toBe(2);
  });

  it("refuses bad content naming the field", async () => {
    const bad = await save(ana, id, { elements: { "continuous-improvement": { rating: 7 } } }, 2);
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe("content.elements.continuous-improvement.rating");
    const unknown = await save(
      ana,
      id,
      { elements: { "continuous-improvement": { answers: { mood: "ok" } } } },
      2,
    );
    expect(unknown.body.errors[0].path).toBe("content.elements.continuous-improvement.answers.mood");
    expect((await one(ana, id)).body.version).toBe(2);
  });

  it("is read by observers who cannot write it; partners and other districts are kept out", async () => {
    expect((await one(observer, id)).body.can).toEqual({ edit: false, delete: false });
    expect((await save(observer, id, rated(1, 1), 2)).status).toBe(403);
    expect((await create(observer, { kind: "standard" })).status).toBe(403);
    expect((await one(partner, id)).status).toBe(404);
    expect((await list(partner)).status).toBe(403);
    expect((await one(lakeside, id)).status).toBe(404);
    expect((await list(lakeside)).status).toBe(404);
    expect((await save(lakeside, id, rated(1, 1), 2)).status).toBe(404);
  });

  it("is no longer written once the community is archived", async () => {
    const archived = await createCommunity(t.db, {
      orgId: await orgId(t.db, "riverside"),
      visibility: "organization",
      members: [[anaId, "member"]],
    });
    const started = await ana.post(`/api/v1/communities/${archived.id}/team-reflections`, {
      kind: "standard",
    });
    await t.db.execute(sql`update communities set archived_at = now() where id = ${archived.id}`);
    expect((await save(ana, started.body.id, rated(1, null), 1)).status).toBe(403);
    expect((await one(ana, started.body.id)).body.can.edit).toBe(false);
  });

  it("is deleted by a facilitator only, audited", async () => {
    const doomed = await create(ana, { kind: "standard", title: "Scratch" });
    expect((await ana.delete(`/api/v1/team-reflections/${doomed.body.id}`)).status).toBe(403);
    expect((await coach.delete(`/api/v1/team-reflections/${doomed.body.id}`)).status).toBe(204);
    expect((await one(coach, doomed.body.id)).status).toBe(404);
  });

  it("makes a trend of the ratings, oldest first, in the list", async () => {
    const later = await create(ben, { kind: "standard", title: "Spring 2027" });
    await save(ben, later.body.id, rated(3, 2), 1);
    const { body } = await list(observer);
    expect(body.items[0].title).toBe("Spring 2027");
    expect(body.items[0].lastEditedBy.name).toBe("Ben Okafor");
    expect(body.trend.map((p: { reflectionId: string }) => p.reflectionId)).toEqual([id, later.body.id]);
    expect(
      body.trend.map((p: { ratings: Record<string, number | null> }) => p.ratings["continuous-improvement"]),
    ).toEqual([2, 3]);
    expect(body.trend[1].ratings["collective-responsibility"]).toBe(2);
    expect(body.can.create).toBe(false);
  });
});

describe("a meeting or cycle reflection", () => {
  it("is one per ended meeting of this community, beside its decisions and action items", async () => {
    const org = await orgId(t.db, "riverside");
    const meeting = await endedMeeting(t.db, {
      orgId: org,
      communityId: teamId,
      presenterId: anaId,
      title: "Tuning the ratio task",
    });
    await coach.post(`/api/v1/meetings/${meeting.id}/decisions`, { text: "Use the tape diagram first." });
    await coach.post(`/api/v1/meetings/${meeting.id}/action-items`, {
      title: "Bring three samples",
      ownerId: anaId,
    });
    const first = await create(ana, { kind: "meeting", meetingId: meeting.id });
    expect(first.status).toBe(201);
    expect(first.body.title).toBe("Tuning the ratio task");
    expect(first.body.meeting.decisions.map((d: { text: string }) => d.text)).toEqual([
      "Use the tape diagram first.",
    ]);
    expect(first.body.meeting.actionItems[0]).toMatchObject({
      title: "Bring three samples",
      owner: "Ana Reyes",
    });
    const again = await create(ben, { kind: "meeting", meetingId: meeting.id });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const answers = await save(ben, first.body.id, { answers: { norms: "We kept to time." } }, 1);
    expect(answers.body.content.answers.norms).toBe("We kept to time.");
    const bad = await save(ben, first.body.id, { elements: {} }, 2);
    expect([bad.status, bad.body.errors[0].path]).toEqual([422, "content.elements"]);
  });

  it("stays one when two people start it at the same moment", async () => {
    const org = await orgId(t.db, "riverside");
    const meeting = await endedMeeting(t.db, { orgId: org, communityId: teamId, presenterId: anaId });
    const [a, b] = await Promise.all([
      create(ana, { kind: "meeting", meetingId: meeting.id }),
      create(ben, { kind: "meeting", meetingId: meeting.id }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.id).toBe(b.body.id);
  });

  it("refuses a meeting of another community or one not yet ended", async () => {
    const org = await orgId(t.db, "riverside");
    const elsewhere = await endedMeeting(t.db, { orgId: org, communityId: otherTeamId, presenterId: anaId });
    const other = await create(ana, { kind: "meeting", meetingId: elsewhere.id });
    expect(other.status).toBe(400);
    expect(other.body.errors[0].path).toBe("meetingId");
    const upcoming = await createMeeting(t.db, { orgId: org, communityId: teamId });
    const early = await create(ana, { kind: "meeting", meetingId: upcoming.id });
    expect(early.status).toBe(400);
    expect(early.body.detail).toContain("once it has ended");
  });

  it("is one per cycle of this community, with the cycle's title, stage and decision", async () => {
    const cycle = await coach.post(`/api/v1/communities/${teamId}/cycles`, {
      title: "Ratio reasoning cycle",
    });
    expect(cycle.status).toBe(201);
    const first = await create(ana, { kind: "cycle", cycleId: cycle.body.id });
    expect(first.status).toBe(201);
    expect(first.body.cycle).toMatchObject({ title: "Ratio reasoning cycle", stage: 1, decision: null });
    const again = await create(coach, { kind: "cycle", cycleId: cycle.body.id });
    expect([again.status, again.body.id]).toEqual([200, first.body.id]);
    const foreign = await coach.post(`/api/v1/communities/${otherTeamId}/cycles`, { title: "Elsewhere" });
    const refused = await create(ana, { kind: "cycle", cycleId: foreign.body.id });
    expect([refused.status, refused.body.errors[0].path]).toEqual([400, "cycleId"]);
  });
});
