import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../../test/app.ts";
import { createCommunity, createPerson, orgId, personIdOf, schoolId } from "../../test/factories.ts";
import { sweepSurveys } from "./sweep.ts";
import { inDays, seedSurvey } from "./test-data.ts";

/*
 * Sending a survey as the people who send them meet it: who may send to which audience, who is asked
 * (fixed at sending), who is told and when, reminders (by hand once a day, and the automatic one a day
 * before closing), closing early and moving the closing date.
 */

let t: TestApp;
let coach: Client;
let ana: Client;
let principal: Client;
let admin: Client;
let lakeAdmin: Client;
let partner: Client;
let teamId: string;
let surveyId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  const org = await orgId(t.db, "riverside");
  const elementary = await schoolId(t.db, "Riverside Elementary");
  const anaP = await createPerson(t.db, {
    orgId: org,
    email: "send-ana@riverside.example",
    schoolIds: [elementary],
    canSignIn: true,
  });
  const benP = await createPerson(t.db, { orgId: org, schoolIds: [elementary] });
  ids.ana = anaP.id;
  ids.ben = benP.id;
  ids.coach = await personIdOf(t.db, "coach@riverside.example");
  ids.partner = await personIdOf(t.db, "parent@riverside.example");
  ids.observer = await personIdOf(t.db, "teacher7@riverside.example");
  const team = await createCommunity(t.db, {
    orgId: org,
    visibility: "organization",
    schoolIds: [elementary],
    members: [
      [ids.coach, "facilitator"],
      [anaP.id, "member"],
      [benP.id, "member"],
      [ids.partner, "partner"],
      [ids.observer, "observer"],
    ],
  });
  teamId = team.id;
  surveyId = (await seedSurvey(t.db, org)).id;
  coach = await t.as("coach@riverside.example");
  ana = await t.signIn(anaP.email);
  principal = await t.as("principal@riverside.example");
  admin = await t.as("admin@riverside.example");
  lakeAdmin = await t.as("admin@lakeside.example");
  partner = await t.as("parent@riverside.example");
});
afterAll(() => t.close());

const base = "/api/v1/survey-administrations";
const toTeam = (over: Record<string, unknown> = {}) => ({
  surveyId,
  audience: "community",
  communityId: teamId,
  closesAt: inDays(7),
  ...over,
});
const recipientsOf = async (id: string) =>
  (
    await t.db.execute<{ person_id: string }>(
      sql`select person_id from survey_recipients where administration_id = ${id}`,
    )
  ).rows
    .map((r) => r.person_id)
    .sort();
const notified = async (id: string, kind: string) =>
  (
    await t.db.execute<{ person_id: string }>(
      sql`select person_id from notifications where kind = ${kind} and path = ${`/survey-responses/${id}`}`,
    )
  ).rows
    .map((r) => r.person_id)
    .sort();

describe("sending a survey", () => {
  let id: string;

  it("goes to the team's facilitators and members once per Idempotency-Key; they are told it is open", async () => {
    const headers = { "idempotency-key": "survey-send-retry-1" };
    const [a, b] = await Promise.all([
      coach.post(base, toTeam(), headers),
      coach.post(base, toTeam(), headers),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    id = a.body.id;
    expect(a.body).toMatchObject({
      status: "open",
      anonymous: true,
      minimumResponses: 5,
      recipients: 3,
      submitted: 0,
      respondents: null,
      community: { id: teamId },
      can: { remind: true, close: true, results: true, answer: true },
    });
    expect(a.body.title).toMatch(/^Health check/);
    expect(await recipientsOf(id)).toEqual([ids.coach, ids.ana, ids.ben].sort());
    // The coach is asked too (she belongs), but is not told of her own survey.
    expect(await notified(id, "survey_opened")).toEqual([ids.ana, ids.ben].sort());
    const audit = await t.db.execute(
      sql`select 1 from audit_events where action = 'survey_administration.sent' and subject_id = ${id}`,
    );
    expect(audit.rows).toHaveLength(1);
    const mine = await ana.get("/api/v1/me/surveys");
    expect(mine.body.items[0]).toMatchObject({ id, status: "open", mine: "not_started" });
    const list = await ana.get(`${base}?community=${teamId}`);
    expect(list.body).toMatchObject({ items: [expect.objectContaining({ id })], can: { send: false } });
    expect((await coach.get(`${base}?community=${teamId}`)).body.can.send).toBe(true);
  });

  it("is sent by a community's facilitators, a school's leaders, and administrators to anything", async () => {
    const middle = await schoolId(t.db, "Riverside Middle");
    const elementary = await schoolId(t.db, "Riverside Elementary");
    expect((await ana.post(base, toTeam())).status).toBe(403);
    expect((await principal.post(base, toTeam())).status).toBe(403);
    expect((await partner.post(base, toTeam())).status).toBe(403);
    const school = await principal.post(
      base,
      toTeam({ audience: "school", communityId: null, schoolId: middle }),
    );
    expect(school.status).toBe(201);
    const middleStaff = await t.db.execute<{ n: number }>(sql`
      select count(*)::int as n from person_schools ps join people p on p.id = ps.person_id
      where ps.school_id = ${middle} and p.org_role in ('educator', 'school_leader') and p.status = 'active'`);
    expect(school.body.recipients).toBe(middleStaff.rows[0]?.n);
    expect(
      (await principal.post(base, toTeam({ audience: "school", communityId: null, schoolId: elementary })))
        .status,
    ).toBe(403);
    expect((await principal.post(base, toTeam({ audience: "district", communityId: null }))).status).toBe(
      403,
    );
    const district = await admin.post(
      base,
      toTeam({ audience: "district", communityId: null, anonymous: false }),
    );
    expect(district.status).toBe(201);
    const partners = await t.db.execute(sql`
      select 1 from survey_recipients r join people p on p.id = r.person_id
      where r.administration_id = ${district.body.id} and p.org_role = 'partner'`);
    expect(partners.rows).toHaveLength(0);
    expect(await recipientsOf(district.body.id)).toContain(await personIdOf(t.db, "admin@riverside.example"));
    // Another district's survey and community do not exist for Lakeside.
    expect((await lakeAdmin.post(base, toTeam())).status).toBe(404);
  });

  it("refuses bad input next to the field", async () => {
    const cases: [Record<string, unknown>, string, number][] = [
      [{ closesAt: inDays(-1) }, "closesAt", 400],
      [{ opensAt: inDays(3), closesAt: inDays(2) }, "closesAt", 400],
      [{ minimumResponses: 2 }, "minimumResponses", 400],
      [{ communityId: null }, "communityId", 400],
      [{ closesAt: "next week" }, "closesAt", 400],
    ];
    for (const [over, path, status] of cases) {
      const r = await coach.post(base, toTeam(over));
      expect(r.status, path).toBe(status);
      expect(r.body.errors[0].path, JSON.stringify(r.body)).toBe(path);
    }
  });

  it("tells recipients when one sent for later opens, once", async () => {
    const later = await coach.post(base, toTeam({ opensAt: inDays(1), closesAt: inDays(8) }));
    expect(later.body.status).toBe("upcoming");
    expect(await notified(later.body.id, "survey_opened")).toEqual([]);
    expect((await ana.get("/api/v1/me/surveys")).body.items.map((i: { id: string }) => i.id)).not.toContain(
      later.body.id,
    );
    await t.db.execute(
      sql`update survey_administrations set opens_at = now() - interval '1 minute',
      created_at = now() - interval '1 day' where id = ${later.body.id}`,
    );
    await sweepSurveys(t.db);
    await sweepSurveys(t.db);
    expect(await notified(later.body.id, "survey_opened")).toEqual([ids.ana, ids.ben].sort());
  });

  it("reminds those who have not answered at most once a day, and automatically a day before closing", async () => {
    const first = await coach.post(`${base}/${id}/reminders`);
    expect(first.status).toBe(200);
    expect(first.body.reminded).toBe(2);
    expect(await notified(id, "survey_reminder")).toEqual([ids.ana, ids.ben].sort());
    const again = await coach.post(`${base}/${id}/reminders`);
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/already went out on .* You can remind again from /);
    expect((await coach.get(`${base}/${id}`)).body.can.remind).toBe(false);
    expect((await ana.post(`${base}/${id}/reminders`)).status).toBe(403);

    const soon = await coach.post(base, toTeam({ closesAt: inDays(5) }));
    await t.db.execute(sql`update survey_administrations set opens_at = now() - interval '4 days',
      closes_at = now() + interval '20 hours' where id = ${soon.body.id}`);
    await sweepSurveys(t.db);
    await sweepSurveys(t.db);
    expect(await notified(soon.body.id, "survey_reminder")).toEqual([ids.ana, ids.ben].sort());
  });

  it("moves its closing date and closes early, refusing stale versions", async () => {
    const one = (await coach.get(`${base}/${id}`)).body;
    const moved = await coach.patch(`${base}/${id}`, { closesAt: inDays(10), version: one.version });
    expect(moved.status).toBe(200);
    expect(moved.body.closesAt).toBe(new Date(moved.body.closesAt).toISOString());
    expect((await coach.patch(`${base}/${id}`, { closesAt: inDays(9), version: one.version })).status).toBe(
      409,
    );
    expect(
      (await coach.patch(`${base}/${id}`, { closesAt: inDays(-1), version: moved.body.version })).status,
    ).toBe(400);
    expect((await ana.post(`${base}/${id}/close`, { version: moved.body.version })).status).toBe(403);
    const closed = await coach.post(`${base}/${id}/close`, { version: moved.body.version });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: "closed",
      closedEarly: true,
      can: { close: false, remind: false },
    });
    expect((await coach.post(`${base}/${id}/close`, { version: closed.body.version })).status).toBe(409);
    const audit = await t.db.execute(
      sql`select 1 from audit_events where action = 'survey_administration.closed' and subject_id = ${id}`,
    );
    expect(audit.rows).toHaveLength(1);
    const mine = (await ana.get("/api/v1/me/surveys")).body.items;
    expect(mine.findIndex((i: { id: string }) => i.id === id)).toBeGreaterThan(
      mine.findIndex((i: { status: string }) => i.status === "open"),
    );
  });

  it("is not there for those outside it", async () => {
    const observer = await t.as("teacher7@riverside.example");
    for (const c of [observer, partner, lakeAdmin, await t.as("teacher3@riverside.example")])
      expect((await c.get(`${base}/${id}`)).status).toBe(404);
    expect((await partner.get("/api/v1/me/surveys")).body.items).toEqual([]);
    const asAdmin = await admin.get(`${base}/${id}`);
    expect(asAdmin.body.can).toMatchObject({ results: true, answer: false });
  });
});

describe("the list of sent surveys and results", () => {
  it("shows each person the administrations whose results they may read, and nobody else's", async () => {
    const middle = await schoolId(t.db, "Riverside Middle");
    const title = `Whole-school list ${Date.now()}`;
    const toSchool = await admin.post(
      base,
      toTeam({ title, audience: "school", communityId: null, schoolId: middle }),
    );
    expect(toSchool.status).toBe(201);
    const team = await coach.post(base, toTeam({ title: `${title} team` }));
    expect(team.status).toBe(201);
    const titles = async (c: Client) =>
      ((await c.get(base)).body.items as { title: string }[])
        .map((i) => i.title)
        .filter((x) => x.startsWith(title));
    // The school's leader reads the school's (sent by the administrator); the team's members the team's.
    expect(await titles(principal)).toEqual([title]);
    expect(await titles(ana)).toEqual([`${title} team`]);
    expect((await titles(admin)).sort()).toEqual([title, `${title} team`]);
    expect(await titles(coach)).toEqual([`${title} team`]);
    for (const c of [partner, lakeAdmin, await t.as("teacher7@riverside.example")])
      expect(await titles(c)).toEqual([]);
  });
});
