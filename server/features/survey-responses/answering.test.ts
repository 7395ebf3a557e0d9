import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { communityHealthSurvey } from "../../../shared/surveys/builtin/community-health.ts";
import { type Client, type Response, startTestApp, type TestApp } from "../../test/app.ts";
import { createCommunity, createPerson, orgId, personIdOf, schoolId } from "../../test/factories.ts";
import { sweepSurveys } from "../survey-administrations/sweep.ts";
import { addVersion, healthAnswers, inDays, seedSurvey } from "../survey-administrations/test-data.ts";

/*
 * Answering as a teacher meets it: the draft saved as she goes and found again, submitting once, changing
 * until it closes, clear refusals (before it opens, after it closes, out of range, not asked), and — for
 * anonymous surveys — no answer of this API ever naming who answered, and the link dropped at closing.
 */

let t: TestApp;
let coach: Client;
let ana: Client;
let ben: Client;
let teamId: string;
let surveyId: string;
const people = {} as Record<"ana" | "ben", { id: string; name: string }>;
/** Every answer the API gave in this file, to scan for respondents of anonymous surveys. */
const seen: { url: string; response: Response }[] = [];

const recording = (c: Client): Client => {
  const wrap =
    <A extends unknown[]>(f: (url: string, ...rest: A) => Promise<Response>) =>
    async (url: string, ...rest: A) => {
      const response = await f(url, ...rest);
      seen.push({ url, response });
      return response;
    };
  return {
    ...c,
    get: wrap(c.get),
    post: wrap(c.post),
    put: wrap(c.put),
    patch: wrap(c.patch),
    delete: wrap(c.delete),
  };
};

beforeAll(async () => {
  t = await startTestApp();
  const org = await orgId(t.db, "riverside");
  const elementary = await schoolId(t.db, "Riverside Elementary");
  for (const who of ["ana", "ben"] as const) {
    const p = await createPerson(t.db, {
      orgId: org,
      email: `answer-${who}@riverside.example`,
      name: `Answering ${who} Person`,
      schoolIds: [elementary],
      canSignIn: true,
    });
    people[who] = { id: p.id, name: `Answering ${who} Person` };
  }
  const team = await createCommunity(t.db, {
    orgId: org,
    visibility: "organization",
    schoolIds: [elementary],
    members: [
      [await personIdOf(t.db, "coach@riverside.example"), "facilitator"],
      [people.ana.id, "member"],
      [people.ben.id, "member"],
      [await personIdOf(t.db, "teacher7@riverside.example"), "observer"],
    ],
  });
  teamId = team.id;
  surveyId = (await seedSurvey(t.db, org)).id;
  coach = recording(await t.as("coach@riverside.example"));
  ana = recording(await t.signIn("answer-ana@riverside.example"));
  ben = recording(await t.signIn("answer-ben@riverside.example"));
});
afterAll(() => t.close());

const base = "/api/v1/survey-administrations";
const send = async (over: Record<string, unknown> = {}) => {
  const r = await coach.post(base, {
    surveyId,
    audience: "community",
    communityId: teamId,
    closesAt: inDays(7),
    ...over,
  });
  expect(r.status).toBe(201);
  return r.body.id as string;
};
const mine = (id: string) => `${base}/${id}/my-response`;

describe("answering a survey", () => {
  let id: string;

  it("saves a draft as she goes, and gives it back when she returns", async () => {
    id = await send();
    const first = await ana.get(mine(id));
    expect(first.body).toMatchObject({
      status: "not_started",
      version: 0,
      draft: null,
      administration: { anonymous: true, status: "open", sentBy: { name: "Priya Natarajan" } },
      can: { answer: true },
    });
    expect(first.body.definition.sections).toHaveLength(5);
    const saved = await ana.put(`${mine(id)}/draft`, {
      answers: { "shared-leadership-1": { value: 2 }, "shared-vision-open": { text: "More time together." } },
      version: 0,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ status: "draft", version: 1 });
    const back = await ana.get(mine(id));
    expect(back.body.draft).toEqual({
      "shared-leadership-1": { value: 2 },
      "shared-vision-open": { text: "More time together." },
    });
    expect(back.body.draftSavedAt).not.toBeNull();
    const stale = await ana.put(`${mine(id)}/draft`, { answers: {}, version: 0 });
    expect(stale.status).toBe(409);
    expect((await ana.get("/api/v1/me/surveys")).body.items[0]).toMatchObject({ id, mine: "draft" });
  });

  it("refuses an answer out of range, naming the question", async () => {
    const r = await ana.put(`${mine(id)}/draft`, {
      answers: { "shared-leadership-2": { value: 7 } },
      version: 1,
    });
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([
      { path: "answers.shared-leadership-2.value", message: "Choose a point from 1 to 4." },
    ]);
    expect(r.body.detail).toMatch(/^Question 2 \(“.+”\): Choose a point from 1 to 4\.$/);
    const unknown = await ana.post(mine(id), { answers: { ...healthAnswers(), nope: { value: 1 } } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].path).toBe("answers.nope");
  });

  it("submits once every required question is answered; a second submission is refused", async () => {
    const incomplete = await ana.post(mine(id), { answers: { "shared-leadership-1": { value: 2 } } });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.errors).toHaveLength(24);
    const done = await ana.post(mine(id), {
      answers: { ...healthAnswers(3), "shared-vision-open": { text: "Time." } },
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: "submitted", draft: null });
    expect(done.body.submitted["shared-leadership-1"]).toEqual({ value: 3 });
    const row = await t.db.execute<{ school_id: string; role: string }>(
      sql`select school_id, role from survey_responses where administration_id = ${id} and submitted_at is not null`,
    );
    expect(row.rows[0]).toEqual({
      school_id: await schoolId(t.db, "Riverside Elementary"),
      role: "educator",
    });
    const answers = await t.db.execute(sql`select 1 from survey_answers where administration_id = ${id}`);
    expect(answers.rows).toHaveLength(26);
    const twice = await ana.post(mine(id), { answers: healthAnswers(3) });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toBe("You have already answered — change your answers instead.");
    expect((await coach.get(`${base}/${id}`)).body).toMatchObject({
      submitted: 1,
      recipients: 3,
      respondents: null,
    });
  });

  it("changes her answers until it closes, then refuses with the closing date", async () => {
    expect((await ben.put(mine(id), { answers: healthAnswers(2) })).status).toBe(409);
    const changed = await ana.put(mine(id), { answers: healthAnswers(4) });
    expect(changed.status).toBe(200);
    expect(changed.body.submitted["shared-vision-open"]).toBeUndefined();
    const values = await t.db.execute<{ value: number }>(
      sql`select distinct value from survey_answers where administration_id = ${id} and value is not null`,
    );
    expect(values.rows).toEqual([{ value: 4 }]);
    await ben.put(`${mine(id)}/draft`, { answers: { "shared-practice-1": { value: 1 } }, version: 0 });
    const version = (await coach.get(`${base}/${id}`)).body.version;
    await coach.post(`${base}/${id}/close`, { version });
    const late = await ana.put(mine(id), { answers: healthAnswers(1) });
    expect(late.status).toBe(409);
    expect(late.body.detail).toMatch(/^This survey closed on .+: answers are no longer taken or changed\.$/);
  });

  it("once an anonymous survey has closed, no response knows its person (and drafts are gone)", async () => {
    const rows = await t.db.execute<{ person_id: string | null; submitted: boolean }>(
      sql`select person_id, submitted_at is not null as submitted from survey_responses where administration_id = ${id}`,
    );
    expect(rows.rows).toEqual([{ person_id: null, submitted: true }]);
    expect((await ana.get(mine(id))).body).toMatchObject({ status: "unlinked", submitted: null });
    expect(
      (await ana.get("/api/v1/me/surveys")).body.items.find((i: { id: string }) => i.id === id).mine,
    ).toBe("unlinked");
    // Lazily too: a survey whose closing passed before any sweep is unlinked by the first read.
    const lazy = await send();
    await ana.post(mine(lazy), { answers: healthAnswers(2) });
    await t.db.execute(sql`update survey_administrations set opens_at = now() - interval '2 days',
      closes_at = now() - interval '1 minute' where id = ${lazy}`);
    expect((await coach.get(`${base}/${lazy}`)).body.submitted).toBe(1);
    const after = await t.db.execute(
      sql`select person_id from survey_responses where administration_id = ${lazy}`,
    );
    expect(after.rows).toEqual([{ person_id: null }]);
  });

  it("refuses before it opens, and those not asked", async () => {
    const later = await send({ opensAt: inDays(2), closesAt: inDays(9) });
    const early = await ana.put(`${mine(later)}/draft`, { answers: {}, version: 0 });
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/^This survey opens on /);
    const open = await send();
    expect((await (await t.as("admin@riverside.example")).get(mine(open))).status).toBe(403);
    for (const email of ["teacher7@riverside.example", "parent@riverside.example", "admin@lakeside.example"])
      expect((await (await t.as(email)).post(mine(open), { answers: healthAnswers() })).status, email).toBe(
        404,
      );
  });

  it("keeps the version a response answered; new responses answer the current one", async () => {
    const open = await send({ anonymous: false });
    await ana.post(mine(open), { answers: healthAnswers(3) });
    const org = await orgId(t.db, "riverside");
    const v2 = await addVersion(t.db, surveyId, org, {
      ...communityHealthSurvey,
      sections: communityHealthSurvey.sections.slice(0, 1),
    });
    // The administration follows the survey's new version for those who have not answered yet.
    expect((await ana.get(mine(open))).body.surveyVersion.number).toBe(1);
    const benFirst = await ben.get(mine(open));
    expect(benFirst.body.surveyVersion).toEqual({ id: v2, number: 2 });
    const section = communityHealthSurvey.sections[0];
    if (!section) throw new Error("the survey has sections");
    const answers = Object.fromEntries(
      section.questions.map((q) => [q.key, q.kind === "likert" ? { value: 1 } : {}]),
    );
    expect((await ben.post(mine(open), { answers })).status).toBe(200);
    // Named: the sender sees who answered.
    const named = (await coach.get(`${base}/${open}`)).body.respondents;
    expect(
      named
        .filter((r: { answered: boolean }) => r.answered)
        .map((r: { id: string }) => r.id)
        .sort(),
    ).toEqual([people.ana.id, people.ben.id].sort());
    await sweepSurveys(t.db);
  });

  it("never names a respondent of an anonymous survey in any answer of its API", async () => {
    const named = await t.db.execute<{ id: string }>(
      sql`select id from survey_administrations where not anonymous and community_id = ${teamId}`,
    );
    const namedIds = named.rows.map((r) => r.id);
    // Everything but the named survey's own pages: sending, lists, reads, drafts, submissions, refusals.
    const scanned = seen.filter(
      ({ url, response }) => !namedIds.some((n) => url.includes(n) || response.body?.id === n),
    );
    expect(scanned.length).toBeGreaterThan(20);
    for (const { url, response } of scanned) {
      const body = JSON.stringify(response.body);
      for (const p of Object.values(people)) {
        expect(body, url).not.toContain(p.id);
        expect(body, url).not.toContain(p.name);
      }
    }
  });
});
