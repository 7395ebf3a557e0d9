import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../../test/app.ts";
import { createCommunity, createPerson, orgId, personIdOf, schoolId } from "../../test/factories.ts";
import { seedAssessment } from "../groups/test-data.ts";

/*
 * The learning-needs survey as the team meets it: the coach sends one (the assessment's standards by
 * default), the members are notified and answer (again: replaces), everyone sees counts only — each
 * person their own answer — and a closed survey takes no more answers.
 */

let t: TestApp;
let coach: Client;
let ana: Client;
let ben: Client;
let partner: Client;
let teamId: string;
let assessmentId: string;
let otherAssessment: string;
const people: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  const org = await orgId(t.db, "riverside");
  const school = await schoolId(t.db, "Riverside Elementary");
  const mk = (email: string) =>
    createPerson(t.db, { orgId: org, email, schoolIds: [school], canSignIn: true });
  const anaP = await mk("needs-ana@riverside.example");
  const benP = await mk("needs-ben@riverside.example");
  people.ana = anaP.id;
  people.ben = benP.id;
  people.coach = await personIdOf(t.db, "coach@riverside.example");
  people.partner = await personIdOf(t.db, "parent@riverside.example");
  people.observer = await personIdOf(t.db, "teacher7@riverside.example");
  const team = await createCommunity(t.db, {
    orgId: org,
    visibility: "organization",
    schoolIds: [school],
    members: [
      [people.coach, "facilitator"],
      [anaP.id, "member"],
      [benP.id, "member"],
      [people.partner, "partner"],
      [people.observer, "observer"],
    ],
  });
  teamId = team.id;
  const other = await createCommunity(t.db, { orgId: org, visibility: "organization", members: [] });
  const items = [
    { label: "Q1", standard: "7.RP.1", maxPoints: 1 },
    { label: "Q2", standard: "7.RP.2", maxPoints: 1 },
  ];
  assessmentId = (
    await seedAssessment(t.db, { orgId: org, communityId: team.id, createdBy: people.coach, items })
  ).id;
  otherAssessment = (
    await seedAssessment(t.db, { orgId: org, communityId: other.id, createdBy: people.coach, items })
  ).id;
  coach = await t.as("coach@riverside.example");
  ana = await t.signIn(anaP.email);
  ben = await t.signIn(benP.email);
  partner = await t.as("parent@riverside.example");
});
afterAll(() => t.close());

const surveys = () => `/api/v1/communities/${teamId}/learning-need-surveys`;
const valid = () => ({
  title: "What do we want to learn next?",
  assessmentId,
  practices: ["Number talks", "Discourse"],
});

describe("the learning-needs survey", () => {
  let id: string;
  const answer = (c: Client, body: unknown) => c.put(`/api/v1/learning-need-surveys/${id}/response`, body);

  it("is sent once per Idempotency-Key, with the assessment's standards, and notifies the educators asked", async () => {
    const headers = { "idempotency-key": "survey-retry-1" };
    const [a, b] = await Promise.all([
      coach.post(surveys(), valid(), headers),
      coach.post(surveys(), valid(), headers),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    id = a.body.id;
    expect(a.body).toMatchObject({
      standards: ["7.RP.1", "7.RP.2"],
      practices: ["Number talks", "Discourse"],
      responded: 0,
      asked: 3,
      closed: false,
      can: { respond: true, close: true },
    });
    const notified = await t.db.execute<{ person_id: string }>(
      sql`select person_id from notifications where kind = 'learning_needs' and path = ${`/learning-need-surveys/${id}`}`,
    );
    expect(notified.rows.map((r) => r.person_id).sort()).toEqual([people.ana, people.ben].sort());
    const list = await ana.get(surveys());
    expect(list.body).toMatchObject({ items: [expect.objectContaining({ id })], can: { create: false } });
  });

  it("refuses nothing to choose, another team's assessment and a closing date in the past", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ assessmentId: null, practices: [] }, "standards"],
      [{ assessmentId: otherAssessment }, "assessmentId"],
      [{ closesOn: "2020-01-01" }, "closesOn"],
      [{ title: "" }, "title"],
    ];
    for (const [over, path] of cases) {
      const r = await coach.post(surveys(), { ...valid(), ...over });
      expect(r.status, path).toBe(400);
      expect(r.body.errors[0].path).toBe(path);
    }
    expect((await ana.post(surveys(), valid())).status).toBe(403);
  });

  it("counts answers without saying whose; each person sees only their own", async () => {
    await answer(ana, { standards: ["7.RP.1"], practices: ["Number talks"] });
    await answer(ben, {
      standards: ["7.RP.1", "7.RP.2"],
      practices: [],
      other: "Fractions on a number line",
    });
    const replaced = await answer(ana, { standards: ["7.RP.1"], practices: ["Discourse"] });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      responded: 2,
      standardCounts: [
        { choice: "7.RP.1", count: 2 },
        { choice: "7.RP.2", count: 1 },
      ],
      practiceCounts: [
        { choice: "Number talks", count: 0 },
        { choice: "Discourse", count: 1 },
      ],
      mine: { standards: ["7.RP.1"], practices: ["Discourse"], other: "" },
    });
    const asCoach = await coach.get(`/api/v1/learning-need-surveys/${id}`);
    expect(asCoach.body.mine).toBeNull();
    expect(JSON.stringify(asCoach.body)).not.toContain("Fractions on a number line");
    const asPartner = await partner.get(`/api/v1/learning-need-surveys/${id}`);
    expect(asPartner.body).toMatchObject({ responded: 2, can: { respond: false, close: false } });
  });

  it("takes only the choices offered, and answers only from the team's educators", async () => {
    const off = await answer(ana, { standards: ["8.EE.1"] });
    expect(off.status).toBe(400);
    expect(off.body.errors[0].path).toBe("standards");
    expect((await answer(ana, {})).body.errors[0].path).toBe("standards");
    expect((await answer(partner, { standards: ["7.RP.1"] })).status).toBe(403);
  });

  it("is closed by the coach, and then takes no answers", async () => {
    expect((await ana.post(`/api/v1/learning-need-surveys/${id}/close`)).status).toBe(403);
    const closed = await coach.post(`/api/v1/learning-need-surveys/${id}/close`);
    expect(closed.body).toMatchObject({ closed: true, can: { close: false } });
    expect((await answer(ben, { standards: ["7.RP.2"] })).status).toBe(409);
  });

  it("is closed once its closing day has passed", async () => {
    const open = await coach.post(surveys(), { ...valid(), title: "Until yesterday" });
    await t.db.execute(
      sql`update learning_need_surveys set closes_on = current_date - 2 where id = ${open.body.id}`,
    );
    const late = await ana.put(`/api/v1/learning-need-surveys/${open.body.id}/response`, {
      practices: ["Discourse"],
    });
    expect(late.status).toBe(409);
    expect((await ana.get(`/api/v1/learning-need-surveys/${open.body.id}`)).body).toMatchObject({
      closed: true,
      can: { respond: false },
    });
  });

  it("is not found in another district", async () => {
    const lake = await t.as("admin@lakeside.example");
    expect((await lake.get(`/api/v1/learning-need-surveys/${id}`)).status).toBe(404);
    expect((await lake.get(surveys())).status).toBe(404);
  });
});
