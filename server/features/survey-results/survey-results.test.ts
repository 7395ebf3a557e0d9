import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { communityHealthSurvey } from "../../../shared/surveys/builtin/community-health.ts";
import type { SurveyDefinition } from "../../../shared/surveys/definition.ts";
import { type Client, startTestApp, type TestApp } from "../../test/app.ts";
import { createCommunity, orgId, schoolId } from "../../test/factories.ts";
import { healthAnswers, seedAdministration, seedResponses, seedSurvey, seedVersion } from "./test-data.ts";

/*
 * Results as the team meets them: the maths on a set worked out by hand, who may read them, the
 * anonymity rules (hidden below the minimum; filters and their complements), free text without ids, the
 * CSV of aggregates, the trend across terms, and a growth area made into a goal (once) or a cycle.
 */

let t: TestApp;
let coach: Client;
let member: Client;
let admin: Client;
let org: string;
let middle: string;
let elementary: string;
let teamId: string;
let survey: { surveyId: string; versionId: string };
let fallId: string;
let responseIds: string[];
const p: Record<string, string> = {};
const url = (id: string, q = "") => `/api/v1/survey-administrations/${id}/results${q}`;

// Six responses: leadership 1,2,2,3,4,4 (mean 2.67, SD 1.11); vision all 3; learning all 4;
// practice 2,2,2,2,3,3 (mean 2.33, SD 0.47); conditions 4,4,3,3,3,3 (mean 3.33).
const points = [
  { l: 1, p: 2, c: 4 },
  { l: 2, p: 2, c: 4 },
  { l: 2, p: 2, c: 3 },
  { l: 3, p: 2, c: 3 },
  { l: 4, p: 3, c: 3 },
  { l: 4, p: 3, c: 3 },
];
const sixResponses = (open = false) =>
  points.map((x, i) => ({
    answers: healthAnswers(
      {
        "shared-leadership": x.l,
        "shared-vision": 3,
        "collective-learning": 4,
        "shared-practice": x.p,
        "supportive-conditions": x.c,
      },
      open && i < 2 ? { "shared-leadership": i === 0 ? "Zebra crossings of ideas" : "apples for all" } : {},
    ),
    schoolId: middle,
    role: "educator",
  }));

beforeAll(async () => {
  t = await startTestApp();
  org = await orgId(t.db, "riverside");
  middle = await schoolId(t.db, "Riverside Middle");
  elementary = await schoolId(t.db, "Riverside Elementary");
  for (const who of ["coach", "teacher1", "teacher2", "teacher7", "parent", "teacher3", "admin", "principal"])
    p[who] = await t.personId(`${who}@riverside.example`);
  const team = await createCommunity(t.db, {
    orgId: org,
    visibility: "organization",
    schoolIds: [middle],
    members: [
      [p.coach as string, "facilitator"],
      [p.teacher1 as string, "member"],
      [p.teacher2 as string, "member"],
      [p.teacher7 as string, "observer"],
      [p.parent as string, "partner"],
    ],
  });
  teamId = team.id;
  survey = await seedSurvey(t.db, { orgId: org, createdBy: p.coach as string });
  fallId = await seedAdministration(t.db, {
    orgId: org,
    ...survey,
    createdBy: p.coach as string,
    communityId: teamId,
    title: "Health, fall",
    closesAt: new Date("2026-10-15T12:00:00Z"),
    recipients: Object.values(p).slice(0, 8),
  });
  responseIds = await seedResponses(t.db, { orgId: org, administrationId: fallId, ...survey }, [
    ...sixResponses(true),
    { answers: healthAnswers({ "shared-leadership": 1 }), submitted: false, schoolId: middle },
  ]);
  coach = await t.as("coach@riverside.example");
  member = await t.as("teacher1@riverside.example");
  admin = await t.as("admin@riverside.example");
});
afterAll(() => t.close());

describe("the results of a known set", () => {
  it("counts submitted responses only, with the response rate of those it was sent to", async () => {
    const r = await coach.get(url(fallId));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ responses: 6, recipients: 8, rate: 75, threshold: 3, points: 4 });
  });

  it("gives each section's and statement's mean, SD and distribution", async () => {
    const { body } = await coach.get(url(fallId));
    const section = (key: string) => body.sections.find((s: { key: string }) => s.key === key);
    expect(section("shared-leadership")).toMatchObject({ count: 30, mean: 2.67, sd: 1.11 });
    expect(section("shared-vision")).toMatchObject({ mean: 3, sd: 0 });
    expect(section("shared-practice")).toMatchObject({ mean: 2.33, sd: 0.47 });
    const first = section("shared-leadership").questions[0];
    expect(first).toMatchObject({ key: "shared-leadership-1", count: 6, mean: 2.67, sd: 1.11 });
    expect(first.distribution.map((d: { count: number; percent: number }) => [d.count, d.percent])).toEqual([
      [1, 16.7],
      [2, 33.3],
      [1, 16.7],
      [2, 33.3],
    ]);
  });

  it("lists strengths highest first and growth areas weakest first", async () => {
    const { body } = await coach.get(url(fallId));
    const sections = (items: { kind: string; sectionKey: string }[]) =>
      items.filter((i) => i.kind === "section").map((i) => i.sectionKey);
    expect(sections(body.strengths)).toEqual([
      "collective-learning",
      "supportive-conditions",
      "shared-vision",
    ]);
    expect(sections(body.growthAreas)).toEqual(["shared-practice", "shared-leadership"]);
  });

  it("lists free text alphabetically without any response id", async () => {
    const { body } = await coach.get(url(fallId));
    const open = body.sections[0].questions.find((q: { key: string }) => q.key === "shared-leadership-open");
    expect(open.answers).toEqual(["apples for all", "Zebra crossings of ideas"]);
    const json = JSON.stringify(body);
    for (const id of responseIds) expect(json).not.toContain(id);
  });
});

describe("who reads the results", () => {
  it("the team's members, its facilitator (the sender) and administrators", async () => {
    for (const c of [coach, member, admin]) expect((await c.get(url(fallId))).status).toBe(200);
  });

  it("refuses an observer and an outsider who can see the team (403), a partner and another district (404)", async () => {
    for (const email of ["teacher7", "teacher3", "principal"]) {
      const r = await (await t.as(`${email}@riverside.example`)).get(url(fallId));
      expect(r.status, email).toBe(403);
      expect(r.body.detail).toContain("members and facilitators");
    }
    const partner = await (await t.as("parent@riverside.example")).get(url(fallId));
    expect(partner.status).toBe(404);
    const lakeside = await (await t.as("admin@lakeside.example")).get(url(fallId));
    expect(lakeside.status).toBe(404);
    expect(JSON.stringify(lakeside.body)).not.toContain("Health, fall");
  });

  it("lets a school's leaders read its school survey, not a district survey", async () => {
    const school = await seedAdministration(t.db, {
      orgId: org,
      ...survey,
      createdBy: p.admin as string,
      schoolId: middle,
    });
    const district = await seedAdministration(t.db, { orgId: org, ...survey, createdBy: p.admin as string });
    for (const id of [school, district])
      await seedResponses(t.db, { orgId: org, administrationId: id, ...survey }, sixResponses());
    const principal = await t.as("principal@riverside.example");
    expect((await principal.get(url(school))).status).toBe(200);
    expect((await principal.get(url(district))).status).toBe(404);
    expect((await admin.get(url(district))).status).toBe(200);
  });
});

describe("anonymity", () => {
  it("hides an anonymous survey's results below the minimum, saying how many have answered", async () => {
    const id = await seedAdministration(t.db, {
      orgId: org,
      ...survey,
      createdBy: p.coach as string,
      communityId: teamId,
    });
    await seedResponses(t.db, { orgId: org, administrationId: id, ...survey }, sixResponses().slice(0, 3));
    const r = await coach.get(url(id));
    expect(r.status).toBe(403);
    expect(r.body.detail).toBe("Results appear once at least 5 people have answered; 3 have so far.");
    expect((await coach.get(url(id, ".csv"))).status).toBe(403);
  });

  it("shows a named survey's results to its sender at any count", async () => {
    const id = await seedAdministration(t.db, {
      orgId: org,
      ...survey,
      createdBy: p.coach as string,
      communityId: teamId,
      anonymous: false,
    });
    await seedResponses(t.db, { orgId: org, administrationId: id, ...survey }, sixResponses().slice(0, 2));
    const r = await coach.get(url(id));
    expect(r.status).toBe(200);
    expect(r.body.responses).toBe(2);
  });

  describe("filters", () => {
    // 17 responses: Middle 10 (8 educators, 2 leaders), Elementary 5 educators, no school 2 educators.
    let id: string;
    beforeAll(async () => {
      id = await seedAdministration(t.db, { orgId: org, ...survey, createdBy: p.admin as string });
      const one = (schoolId: string | null, role: string) => ({
        answers: healthAnswers({ "shared-leadership": schoolId === middle ? 4 : 2 }),
        schoolId,
        role,
      });
      await seedResponses(t.db, { orgId: org, administrationId: id, ...survey }, [
        ...Array.from({ length: 8 }, () => one(middle, "educator")),
        one(middle, "school_leader"),
        one(middle, "school_leader"),
        ...Array.from({ length: 5 }, () => one(elementary, "educator")),
        one(null, "educator"),
        one(null, "educator"),
      ]);
    });

    it("shows a school large enough, whose complement is large enough too", async () => {
      const r = await admin.get(url(id, `?school=${middle}`));
      expect(r.status).toBe(200);
      expect(r.body.responses).toBe(10);
      expect(r.body.sections[0].mean).toBe(4);
    });

    it("refuses a school below the minimum, naming the filter", async () => {
      const school = await seedAdministration(t.db, { orgId: org, ...survey, createdBy: p.admin as string });
      await seedResponses(t.db, { orgId: org, administrationId: school, ...survey }, [
        ...sixResponses(),
        { answers: healthAnswers({ "shared-leadership": 1 }), schoolId: elementary, role: "educator" },
      ]);
      const r = await admin.get(url(school, `?school=${elementary}`));
      expect(r.status).toBe(422);
      expect(r.body.errors[0]).toMatchObject({ path: "school" });
      expect(r.body.errors[0].message).toContain("Fewer than 5");
    });

    it("refuses a role whose complement is below the minimum (all minus it would reveal the few)", async () => {
      const r = await admin.get(url(id, "?role=educator"));
      expect(r.status).toBe(422);
      expect(r.body.errors[0].path).toBe("role");
      expect(r.body.errors[0].message).toContain("Only 2 people answered outside");
      expect((await admin.get(url(id, "?role=school_leader"))).status).toBe(422);
    });

    it("refuses school × role when it leaves too few of the school out", async () => {
      const r = await admin.get(url(id, `?school=${middle}&role=educator`));
      expect(r.status).toBe(422);
      expect(r.body.errors[0].path).toBe("role");
    });

    it("offers each filter with whether it may be used and why not", async () => {
      const { body } = await admin.get(url(id));
      const schools = Object.fromEntries(
        body.filters.schools.map((o: { label: string; allowed: boolean }) => [o.label, o.allowed]),
      );
      expect(schools).toEqual({ "Riverside Elementary": true, "Riverside Middle": true });
      expect(
        body.filters.roles.every((o: { allowed: boolean; reason: string }) => !o.allowed && o.reason),
      ).toBe(true);
    });
  });
});

describe("the CSV", () => {
  it("holds aggregates only: no row per respondent, no text answers, no ids", async () => {
    const r = await coach.get(url(fallId, ".csv"));
    expect(r.status).toBe(200);
    expect(String(r.headers["content-type"])).toContain("text/csv");
    const csv = r.body as string;
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe('"Section","Question key","Question","Row","Answer","Count","Percent","Mean","SD"');
    // 1 summary + per section (1 + 5 statements × (1 + 4 points) + 1 open) = 1 + 5 × 27
    expect(lines).toHaveLength(1 + 1 + 5 * 27);
    expect(csv).not.toContain("Zebra");
    for (const id of responseIds) expect(csv).not.toContain(id);
    expect(csv).toContain(
      '"shared-leadership-1","Teachers in our community help decide what we work on and how.","question","",6,"",2.67,1.11',
    );
  });
});

describe("earlier questions", () => {
  it("lines questions up by key and keeps those the current version dropped under 'Earlier questions'", async () => {
    const s = await seedSurvey(t.db, { orgId: org, createdBy: p.coach as string, title: "Versioned" });
    const id = await seedAdministration(t.db, {
      orgId: org,
      ...s,
      createdBy: p.coach as string,
      communityId: teamId,
    });
    await seedResponses(t.db, { orgId: org, administrationId: id, ...s }, sixResponses());
    const [first, ...rest] = communityHealthSurvey.sections;
    const v2: SurveyDefinition = {
      ...communityHealthSurvey,
      sections: [
        {
          ...(first as (typeof rest)[number]),
          questions: (first?.questions ?? []).filter((q) => q.key !== "shared-leadership-5"),
        },
        ...rest,
      ],
    };
    const v2Id = await seedVersion(t.db, s.surveyId, 2, v2);
    await t.db.execute(sql`update survey_administrations set survey_version_id = ${v2Id} where id = ${id}`);
    const { body } = await coach.get(url(id));
    const earlier = body.sections.at(-1);
    expect(earlier).toMatchObject({ key: "earlier", title: "Earlier questions" });
    expect(earlier.questions.map((q: { key: string }) => q.key)).toEqual(["shared-leadership-5"]);
    expect(body.sections[0].questions).toHaveLength(5);
  });
});

describe("the trend", () => {
  it("gives each administration's section means term to term, hiding one below the minimum", async () => {
    const spring = await seedAdministration(t.db, {
      orgId: org,
      ...survey,
      createdBy: p.coach as string,
      communityId: teamId,
      title: "Health, spring",
      closesAt: new Date("2027-03-15T12:00:00Z"),
    });
    await seedResponses(
      t.db,
      { orgId: org, administrationId: spring, ...survey },
      sixResponses().map((r) => ({
        ...r,
        answers: healthAnswers({ "shared-leadership": 3 }),
      })),
    );
    const r = await member.get(`/api/v1/surveys/${survey.surveyId}/trend?community=${teamId}`);
    expect(r.status).toBe(200);
    const titles = r.body.administrations.map((a: { title: string }) => a.title);
    expect(titles.indexOf("Health, fall")).toBeLessThan(titles.indexOf("Health, spring"));
    const fall = r.body.administrations.find((a: { title: string }) => a.title === "Health, fall");
    const later = r.body.administrations.find((a: { title: string }) => a.title === "Health, spring");
    expect(fall.sections[0]).toEqual({ key: "shared-leadership", count: 30, mean: 2.67, sd: 1.11 });
    expect(later.sections[0]).toEqual({ key: "shared-leadership", count: 30, mean: 3, sd: 0 });
    const hidden = r.body.administrations.filter((a: { hidden: boolean }) => a.hidden);
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden[0].sections[0]).toMatchObject({ mean: null, sd: null, count: 0 });
    expect(r.body.sections).toHaveLength(5);
  });

  it("is refused to an observer (403) and another district (404)", async () => {
    const path = `/api/v1/surveys/${survey.surveyId}/trend?community=${teamId}`;
    expect((await (await t.as("teacher7@riverside.example")).get(path)).status).toBe(403);
    expect((await (await t.as("admin@lakeside.example")).get(path)).status).toBe(404);
  });
});

describe("turning a growth area into a goal or a cycle", () => {
  const follow = (c: Client, body: unknown) =>
    c.post(`/api/v1/survey-administrations/${fallId}/follow-ups`, body);

  it("makes a community goal with the baseline measured, once", async () => {
    const first = await follow(coach, { sectionKey: "shared-leadership", kind: "goal" });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ kind: "goal", title: "Strengthen supportive and shared leadership" });
    const goal = (await coach.get(`/api/v1/goals/${first.body.goalId}`)).body;
    expect(goal).toMatchObject({ level: "community", unit: "rating", baseline: 2.67, target: 3 });
    // the administration closed before today: six months from the start
    const sixMonths = new Date(`${goal.startsOn}T00:00:00Z`);
    sixMonths.setUTCMonth(sixMonths.getUTCMonth() + 6);
    expect(goal.deadline).toBe(sixMonths.toISOString().slice(0, 10));
    expect(goal.measure).toContain("Mean agreement on the supportive and shared leadership statements");
    expect(goal.measurements.map((m: { value: number }) => m.value)).toEqual([2.67]);
    const again = await follow(coach, { sectionKey: "shared-leadership", kind: "goal" });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const goals = await t.db.execute(
      sql`select count(*)::int as n from goals where title = 'Strengthen supportive and shared leadership'`,
    );
    expect(goals.rows[0]).toEqual({ n: 1 });
    const results = await member.get(url(fallId));
    expect(results.body.followUps.map((f: { path: string }) => f.path)).toEqual([
      `/goals/${first.body.goalId}`,
    ]);
  });

  it("starts a cycle whose first stage cites the results", async () => {
    const r = await follow(coach, { sectionKey: "shared-practice", kind: "cycle" });
    expect(r.status).toBe(201);
    const cycle = (await coach.get(`/api/v1/cycles/${r.body.cycleId}`)).body;
    expect(cycle.stages[0].notes).toContain("Shared personal practice averaged 2.33");
  });

  it("refuses a member without goal rights (403) and a section that is not in the results (422)", async () => {
    const r = await follow(member, { sectionKey: "shared-vision", kind: "goal" });
    expect(r.status).toBe(403);
    const bad = await follow(coach, { sectionKey: "nowhere", kind: "goal" });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe("sectionKey");
    const kind = await follow(coach, { sectionKey: "shared-vision", kind: "plan" });
    // a kind outside the schema is a malformed request (400), as everywhere
    expect(kind.status).toBe(400);
  });
});
