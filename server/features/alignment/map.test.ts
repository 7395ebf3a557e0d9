import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_LISTED_COMMUNITY_GOALS } from "../../../shared/schemas/alignment.ts";
import { clearReadCachesHere } from "../../lib/read-cache.ts";
import { startTestApp, type TestApp } from "../../test/app.ts";
import { createCommunity, schoolId } from "../../test/factories.ts";
import { createGoal } from "../../test/goal-factories.ts";
import { type AlignmentFixture, alignmentFixture } from "./test-fixture.ts";

let t: TestApp;
let fx: AlignmentFixture;
const map = (schoolId?: string) => `/api/v1/alignment-map${schoolId ? `?schoolId=${schoolId}` : ""}`;
const titles = (body: { goals: { title: string }[] }) => body.goals.map((g) => g.title);

beforeAll(async () => {
  t = await startTestApp();
  fx = await alignmentFixture(t);
}, 60_000);
afterAll(() => t.close());

describe("GET /api/v1/alignment-map?schoolId=", () => {
  it("shows the school's goals, its communities' goals and the district's, with the alignments", async () => {
    const res = await (await t.as("admin@riverside.example")).get(map(fx.school));
    expect(res.status).toBe(200);
    const { d, s1, s2, v1, v2, p1, p2 } = fx.goals;
    for (const goal of [d, s1, s2, v1, v2, p1, p2]) expect(titles(res.body)).toContain(goal.title);
    expect(res.body.school).toEqual({ id: fx.school, name: fx.schoolName });
    expect(res.body.summarised).toBe(false);
    // Only this school's goals among the schools'.
    expect(res.body.goals.filter((g: { level: string }) => g.level === "school")).toHaveLength(2);
    expect(res.body.edges).toEqual(
      expect.arrayContaining([
        { from: s1.id, to: d.id },
        { from: v1.id, to: s1.id },
        { from: p1.id, to: s1.id },
      ]),
    );
    const fluency = res.body.goals.find((g: { id: string }) => g.id === v1.id);
    // The latest measurement is the latest date, not the latest entered: 55 of 40 → 70 is half way.
    expect(fluency).toMatchObject({
      latest: { value: 55, measuredOn: "2026-10-01" },
      progress: 0.5,
      community: { id: fx.visible.id, name: fx.visible.name },
      communitySchoolIds: [fx.school],
      overdue: false,
    });
  });

  it("lists the gaps: unaligned community goals, unsupported school goals, overdue goals", async () => {
    const res = await (await t.as("admin@riverside.example")).get(map(fx.school));
    const { s1, s2, v2, p1, p2 } = fx.goals;
    expect(res.body.gaps.unaligned).toEqual({ total: 1, items: [v2.id] });
    expect(res.body.gaps.unsupported).toEqual({ total: 1, items: [s2.id] });
    expect(res.body.gaps.overdue.items).toContain(p1.id);
    expect(res.body.gaps.overdue.items).not.toContain(p2.id);
    expect(res.body.gaps.unsupported.items).not.toContain(s1.id);
  });

  it("shows community goals only of communities the caller may read", async () => {
    const { v1, v2, p1, s1, d } = fx.goals;
    const teacher = await (await t.as("teacher3@riverside.example")).get(map(fx.school));
    expect(teacher.status).toBe(200);
    expect(titles(teacher.body)).toEqual(expect.arrayContaining([d.title, s1.title, v1.title, v2.title]));
    expect(titles(teacher.body)).not.toContain(p1.title);
    expect(JSON.stringify(teacher.body)).not.toContain(fx.hidden.name);
    // The partner is a partner of the visible circle only.
    const partner = await (await t.as("parent@riverside.example")).get(map(fx.school));
    expect(partner.status).toBe(200);
    expect(titles(partner.body)).toContain(v1.title);
    expect(titles(partner.body)).not.toContain(p1.title);
    // The other partner is in neither circle: the district's and the school's goals only.
    const outsider = await (await t.as("partner@riverside.example")).get(map(fx.school));
    expect(outsider.body.goals.every((g: { level: string }) => g.level !== "community")).toBe(true);
    expect(titles(outsider.body)).toContain(s1.title);
  });

  it("covers the district without a school, and a leader of another school reads it too", async () => {
    const res = await (await t.as("principal@riverside.example")).get(map());
    expect(res.status).toBe(200);
    expect(res.body.school).toBeNull();
    expect(titles(res.body)).toEqual(expect.arrayContaining([fx.goals.s1.title, fx.goals.v1.title]));
    expect(titles(res.body)).not.toContain(fx.goals.p1.title);
    expect(res.body.schools.map((s: { name: string }) => s.name)).toContain(fx.schoolName);
  });

  it("never counts a goal without a deadline (a reference goal) as overdue", async () => {
    const reference = await createGoal(t.db, { orgId: fx.org, level: "state", createdBy: fx.admin });
    clearReadCachesHere();
    const admin = await t.as("admin@riverside.example");
    const res = await admin.get(map(fx.school));
    expect(res.status).toBe(200);
    expect(res.body.goals.find((g: { id: string }) => g.id === reference.id)).toMatchObject({
      deadline: null,
      overdue: false,
      progress: null,
    });
    expect(res.body.gaps.overdue.items).not.toContain(reference.id);
    const dashboard = await admin.get(`/api/v1/improvement-dashboard?level=state`);
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.goals.items.find((g: { id: string }) => g.id === reference.id).overdue).toBe(false);
  });

  it("answers 404 for another district's school, 400 for a malformed id, 401 signed out", async () => {
    const lakeside = await (await t.as("admin@lakeside.example")).get(map(fx.school));
    expect(lakeside.status).toBe(404);
    expect(JSON.stringify(lakeside.body)).not.toContain(fx.schoolName);
    const other = await schoolId(t.db, "Lakeside High");
    expect((await (await t.as("admin@riverside.example")).get(map(other))).status).toBe(404);
    const bad = await (await t.as("admin@riverside.example")).get(map("not-a-school"));
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("schoolId");
    expect((await t.anonymous.get(map())).status).toBe(401);
  });

  it("counts community goals per school goal when the district has too many to list", async () => {
    const many = await createCommunity(t.db, {
      orgId: fx.org,
      visibility: "organization",
      schoolIds: [fx.school],
    });
    await t.db.execute(sql`
      insert into goals (id, org_id, level, community_id, title, status, created_by)
      select gen_random_uuid(), ${fx.org}, 'community', ${many.id}, 'Bulk goal ' || n, 'on_track', ${fx.admin}
      from generate_series(1, ${MAX_LISTED_COMMUNITY_GOALS}) n`);
    await t.db.execute(sql`
      insert into goal_alignments (org_id, goal_id, aligned_to_id, created_by)
      select ${fx.org}, id, ${fx.goals.s2.id}, ${fx.admin} from goals where community_id = ${many.id}`);
    // Written straight into the database, not through a request: drop the cached maps as a write would.
    clearReadCachesHere();
    const res = await (await t.as("admin@riverside.example")).get(map());
    expect(res.body.summarised).toBe(true);
    expect(res.body.goals.every((g: { level: string }) => g.level !== "community")).toBe(true);
    const summary = res.body.communitySummaries.find((s: { goalId: string }) => s.goalId === fx.goals.s2.id);
    expect(summary).toEqual({
      goalId: fx.goals.s2.id,
      count: MAX_LISTED_COMMUNITY_GOALS,
      byStatus: { on_track: MAX_LISTED_COMMUNITY_GOALS },
    });
    // The gaps still name the community goals, with their cards in gapGoals.
    expect(res.body.gaps.unaligned.items).toContain(fx.goals.v2.id);
    expect(res.body.gapGoals.map((g: { id: string }) => g.id)).toContain(fx.goals.v2.id);
    expect(res.body.gaps.unsupported.items).not.toContain(fx.goals.s2.id);
    // One school in full is never summarised.
    const school = await (await t.as("admin@riverside.example")).get(map(fx.school));
    expect(school.body.summarised).toBe(false);
    await t.db.execute(sql`delete from communities where id = ${many.id}`);
    clearReadCachesHere();
  });
});
