import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearReadCachesHere } from "../../lib/read-cache.ts";
import { startTestApp, type TestApp } from "../../test/app.ts";
import { unique } from "../../test/factories.ts";
import { createCycle } from "../../test/goal-factories.ts";
import { type AlignmentFixture, alignmentFixture } from "./test-fixture.ts";

let t: TestApp;
let fx: AlignmentFixture;
const url = (params: Record<string, string> = {}) =>
  `/api/v1/improvement-dashboard?${new URLSearchParams(params).toString()}`;
const ids = (page: { items: { id: string }[] } | null) => page?.items.map((i) => i.id) ?? [];

beforeAll(async () => {
  t = await startTestApp();
  fx = await alignmentFixture(t);
}, 60_000);
afterAll(() => t.close());

describe("GET /api/v1/improvement-dashboard", () => {
  it("gives the school's leader its goals and cycles, with stage, alignment and counts", async () => {
    const leader = await t.signIn(fx.leader.email);
    const res = await leader.get(url({ schoolId: fx.school }));
    expect(res.status).toBe(200);
    const { s1, s2, v1, p1 } = fx.goals;
    expect(ids(res.body.goals)).toEqual(expect.arrayContaining([s1.id, s2.id, v1.id, p1.id]));
    // A school's view holds no district goals: they are nobody's school.
    expect(ids(res.body.goals)).not.toContain(fx.goals.d.id);
    expect(ids(res.body.cycles)).toEqual(
      expect.arrayContaining([fx.cycles.fluency.id, fx.cycles.unaligned.id, fx.cycles.privateOne.id]),
    );
    const fluency = res.body.cycles.items.find((c: { id: string }) => c.id === fx.cycles.fluency.id);
    expect(fluency).toMatchObject({
      stage: 3,
      status: "active",
      community: { id: fx.visible.id, name: fx.visible.name },
      schools: [{ id: fx.school, name: fx.schoolName }],
      goal: { id: v1.id, status: "on_track" },
      goalAlignedUp: true,
    });
    const unaligned = res.body.cycles.items.find((c: { id: string }) => c.id === fx.cycles.unaligned.id);
    expect(unaligned.goalAlignedUp).toBe(false);
    const reading = res.body.goals.items.find((g: { id: string }) => g.id === s1.id);
    expect(reading).toMatchObject({ alignedUp: 1, alignedBelow: 3, status: "at_risk", overdue: false });
    // Overdue goals come first.
    expect(res.body.goals.items[0].id).toBe(p1.id);
    expect(res.body.counts).toMatchObject({
      goals: 6,
      cycles: 3,
      goalsByStatus: { at_risk: 1, not_started: 2, on_track: 2, met: 1 },
      cyclesByStage: { "1": 1, "3": 1, "5": 1 },
      cyclesByStatus: { active: 3 },
    });
    expect(res.body.schools).toEqual([{ id: fx.school, name: fx.schoolName }]);
    expect(res.body.communities.map((c: { id: string }) => c.id).sort()).toEqual(
      [fx.visible.id, fx.hidden.id].sort(),
    );
  });

  it("leaves out another school's communities for a school leader, and gives administrators all", async () => {
    const principal = await t.as("principal@riverside.example");
    const mine = await principal.get(url());
    expect(mine.status).toBe(200);
    expect(ids(mine.body.cycles)).not.toContain(fx.cycles.fluency.id);
    expect(ids(mine.body.goals)).not.toContain(fx.goals.s1.id);
    // The district's goals are everyone's.
    expect(ids(mine.body.goals)).toContain(fx.goals.d.id);
    const refused = await principal.get(url({ schoolId: fx.school }));
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0].path).toBe("schoolId");
    const community = await principal.get(url({ communityId: fx.hidden.id }));
    expect(community.status).toBe(403);
    expect(community.body.errors[0].path).toBe("communityId");
    const admin = await (await t.as("admin@riverside.example")).get(url({ q: fx.cycles.privateOne.title }));
    expect(ids(admin.body.cycles)).toEqual([fx.cycles.privateOne.id]);
  });

  it("refuses teachers and partners (403), and another district sees none of it (404 / empty)", async () => {
    for (const email of [
      "teacher3@riverside.example",
      "coach@riverside.example",
      "parent@riverside.example",
    ]) {
      const res = await (await t.as(email)).get(url());
      expect(res.status, email).toBe(403);
      expect(res.body.title).toBe("Not allowed");
    }
    const lakeside = await t.as("admin@lakeside.example");
    const bySchool = await lakeside.get(url({ schoolId: fx.school }));
    expect(bySchool.status).toBe(404);
    expect((await lakeside.get(url({ communityId: fx.visible.id }))).status).toBe(404);
    const all = await lakeside.get(url());
    expect(all.status).toBe(200);
    expect(JSON.stringify(all.body)).not.toContain(fx.schoolName);
    expect(ids(all.body.cycles)).not.toContain(fx.cycles.fluency.id);
    expect((await t.anonymous.get(url())).status).toBe(401);
  });

  it("filters by level, status, stage, cycle status, community and words", async () => {
    const admin = await t.as("admin@riverside.example");
    const at = (p: Record<string, string>) => admin.get(url({ schoolId: fx.school, ...p }));
    expect(ids((await at({ level: "school" })).body.goals).sort()).toEqual(
      [fx.goals.s1.id, fx.goals.s2.id].sort(),
    );
    expect(ids((await at({ status: "at_risk" })).body.goals)).toEqual([fx.goals.s1.id]);
    expect(ids((await at({ stage: "5" })).body.cycles)).toEqual([fx.cycles.privateOne.id]);
    expect(ids((await at({ cycleStatus: "completed" })).body.cycles)).toEqual([]);
    const community = await at({ communityId: fx.visible.id });
    expect(ids(community.body.cycles).sort()).toEqual([fx.cycles.fluency.id, fx.cycles.unaligned.id].sort());
    expect(ids(community.body.goals).sort()).toEqual([fx.goals.v1.id, fx.goals.v2.id].sort());
    const words = await at({ q: fx.goals.v2.title.toUpperCase() });
    expect(ids(words.body.goals)).toEqual([fx.goals.v2.id]);
    // Empty values are no filter (a form's untouched select).
    expect((await at({ status: "", stage: "", level: "" })).body.counts.goals).toBe(6);
  });

  it("refuses an unknown status, stage or level, naming the field", async () => {
    const admin = await t.as("admin@riverside.example");
    for (const [field, value] of [
      ["status", "great"],
      ["stage", "9"],
      ["stage", "two"],
      ["level", "galaxy"],
      ["cycleStatus", "paused"],
      ["schoolId", "nope"],
      ["cursor", "nonsense"],
    ] as const) {
      const res = await admin.get(url({ [field]: value }));
      expect(res.status, `${field}=${value}`).toBe(400);
      expect(res.body.errors[0].path, `${field}=${value}`).toBe(field);
    }
  });

  it("pages cycles with Load more, leaving the other list and the counts out", async () => {
    for (let i = 0; i < 27; i++)
      await createCycle(t.db, {
        orgId: fx.org,
        communityId: fx.visible.id,
        createdBy: fx.admin,
        title: unique("Paged"),
      });
    // Written straight into the database, not through a request: drop the cached pages as a write would.
    clearReadCachesHere();
    const admin = await t.as("admin@riverside.example");
    const first = await admin.get(url({ communityId: fx.visible.id }));
    expect(first.body.cycles.items).toHaveLength(25);
    expect(first.body.cycles.nextCursor).toEqual(expect.any(String));
    expect(first.body.goals.nextCursor).toBeNull();
    const next = await admin.get(url({ communityId: fx.visible.id, cursor: first.body.cycles.nextCursor }));
    expect(next.status).toBe(200);
    expect(next.body.cycles.items).toHaveLength(4);
    expect(next.body.cycles.nextCursor).toBeNull();
    expect(next.body.goals).toBeNull();
    expect(next.body.counts).toBeNull();
    const all = [...ids(first.body.cycles), ...ids(next.body.cycles)];
    expect(new Set(all).size).toBe(29);
  });
});
