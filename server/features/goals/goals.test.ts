import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unique } from "../../test/factories.ts";
import { addMeasurement } from "../../test/goal-factories.ts";
import { accessOf, queryGoals } from "./load.ts";
import { canReadGoal } from "./policy.ts";
import { cast, goal, goalRow, ids, privateTeam, setupCast, smart, t, team } from "./test-cast.ts";

beforeAll(setupCast);
afterAll(() => t?.close());

const fieldOf = (r: { body: { errors?: { path: string }[] } }) => r.body.errors?.map((e) => e.path);

describe("setting goals", () => {
  it("an administrator sets a district goal; a retry with the same key does not set a second", async () => {
    const body = { level: "district", ...smart() };
    const key = { "idempotency-key": `goal-${Date.now()}` };
    const first = await cast.admin.client.post("/api/v1/goals", body, key);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      level: "district",
      title: body.title,
      unit: "percent",
      baseline: 40,
      target: 70,
      status: "not_started",
      owner: { id: cast.admin.id, name: "Dana Whitfield" },
      version: 1,
      progress: { latest: null, fraction: null, met: false },
      can: { edit: true, recordProgress: true, align: true },
      alignedTo: [],
      alignedFrom: [],
    });
    const retry = await cast.admin.client.post("/api/v1/goals", body, key);
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(first.body.id);
    const count = await t.db.execute(sql`select 1 from goals where title = ${body.title}`);
    expect(count.rows).toHaveLength(1);
    const audit = await t.db.execute(
      sql`select action from audit_events where subject_id = ${first.body.id}`,
    );
    expect(audit.rows).toEqual([{ action: "goal.created" }]);
  });

  it("refuses what is not a SMART goal, naming the field to fix", async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ target: 40 }, "target", "Choose a target different from the baseline."],
      [{ deadline: "2026-08-01" }, "deadline", "Choose a deadline after the start date."],
      [{ unit: null }, "unit", "Choose the unit the measure counts in."],
      [{ improvement: "" }, "improvement", "Say what will improve."],
      [{ deadline: "2026-02-30" }, "deadline", "This date does not exist"],
      [{ unit: "miles" }, "unit", "Choose a unit from the list."],
    ];
    for (const [over, path, message] of cases) {
      const r = await cast.admin.client.post("/api/v1/goals", { level: "district", ...smart(over) });
      expect(r.status, path).toBe(400);
      expect(fieldOf(r)).toEqual([path]);
      expect(r.body.errors[0].message).toContain(message);
    }
    const school = await cast.admin.client.post("/api/v1/goals", { level: "school", ...smart() });
    expect(fieldOf(school)).toEqual(["schoolId"]);
    const met = await cast.admin.client.post("/api/v1/goals", {
      level: "district",
      ...smart({ status: "met" }),
    });
    expect(fieldOf(met)).toEqual(["status"]);
  });

  it("keeps state and national goals as references: a title, a source, an optional https link", async () => {
    const noSource = await cast.admin.client.post("/api/v1/goals", {
      level: "state",
      title: "Literacy for all",
    });
    expect(fieldOf(noSource)).toEqual(["source"]);
    const http = await cast.admin.client.post("/api/v1/goals", {
      level: "state",
      title: "Literacy for all",
      source: "State plan",
      sourceUrl: "http://state.example/plan",
    });
    expect(fieldOf(http)).toEqual(["sourceUrl"]);
    const ok = await cast.admin.client.post("/api/v1/goals", {
      level: "national",
      title: unique("Every child reads"),
      source: "National framework",
      sourceUrl: "https://nation.example/framework",
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ unit: null, baseline: null, source: "National framework" });
  });

  it("lets only the right people set goals at each place", async () => {
    const district = { level: "district", ...smart() };
    expect((await cast.principal.client.post("/api/v1/goals", district)).status).toBe(403);
    expect((await cast.coach.client.post("/api/v1/goals", district)).status).toBe(403);
    const elementary = { level: "school", schoolId: ids.elementary, ...smart() };
    const refused = await cast.principal.client.post("/api/v1/goals", elementary);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain("school's leaders");
    const middle = await cast.principal.client.post("/api/v1/goals", { ...elementary, schoolId: ids.middle });
    expect(middle.status).toBe(201);
    expect(middle.body.school).toEqual({ id: ids.middle, name: "Riverside Middle" });
    const community = { level: "community", communityId: team.id, ...smart() };
    expect((await cast.member.client.post("/api/v1/goals", community)).status).toBe(403);
    expect((await cast.partner.client.post("/api/v1/goals", community)).status).toBe(403);
    expect((await cast.coach.client.post("/api/v1/goals", community)).status).toBe(201);
    const lakeside = await cast.lakesideAdmin.client.post("/api/v1/goals", community);
    expect(lakeside.status).toBe(404);
  });
});

describe("editing a goal", () => {
  it("keeps who changed what, when; a status change needs its reason", async () => {
    const { id } = await goal("district", { status: "on_track" });
    const noReason = await cast.admin.client.patch(`/api/v1/goals/${id}`, { version: 1, status: "at_risk" });
    expect(noReason.status).toBe(400);
    expect(fieldOf(noReason)).toEqual(["reason"]);
    const changed = await cast.admin.client.patch(`/api/v1/goals/${id}`, {
      version: 1,
      status: "at_risk",
      target: 65,
      reason: "The fall screener dipped.",
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      status: "at_risk",
      statusReason: "The fall screener dipped.",
      version: 2,
    });
    const history = await cast.member.client.get(`/api/v1/goals/${id}/history`);
    expect(history.status, JSON.stringify(history.body)).toBe(200);
    expect(history.body.items[0]).toMatchObject({
      version: 2,
      changes: { status: { from: "on_track", to: "at_risk" }, target: { from: 70, to: 65 } },
      reason: "The fall screener dipped.",
      changedBy: { id: cast.admin.id, name: "Dana Whitfield" },
    });
    const audit = await t.db.execute<{ details: { fields: string[] } }>(
      sql`select details from audit_events where subject_id = ${id} and action = 'goal.changed'`,
    );
    expect(audit.rows[0]?.details.fields).toEqual(["target", "status"]);
  });

  it("refuses a stale edit (409) and changes nothing", async () => {
    const { id, title } = await goal("district");
    await cast.admin.client.patch(`/api/v1/goals/${id}`, { version: 1, title: `${title} (revised)` });
    const stale = await cast.admin.client.patch(`/api/v1/goals/${id}`, { version: 1, title: "Mine" });
    expect(stale.status).toBe(409);
    expect(fieldOf(stale)).toEqual(["version"]);
    expect((await goalRow(id))?.title).toBe(`${title} (revised)`);
  });

  it("refuses an edit that breaks a SMART rule, and a result without a measurement", async () => {
    const { id } = await goal("district");
    const same = await cast.admin.client.patch(`/api/v1/goals/${id}`, { version: 1, target: 40 });
    expect(fieldOf(same)).toEqual(["target"]);
    const early = await cast.admin.client.patch(`/api/v1/goals/${id}`, {
      version: 1,
      deadline: "2026-01-01",
    });
    expect(fieldOf(early)).toEqual(["deadline"]);
    const met = await cast.admin.client.patch(`/api/v1/goals/${id}`, {
      version: 1,
      status: "met",
      reason: "Done.",
    });
    expect(fieldOf(met)).toEqual(["status"]);
    await addMeasurement(t.db, {
      orgId: ids.riverside,
      goalId: id,
      value: 72,
      measuredOn: "2026-11-01",
      createdBy: cast.admin.id,
    });
    const now = await cast.admin.client.patch(`/api/v1/goals/${id}`, {
      version: 1,
      status: "met",
      reason: "72%.",
    });
    expect(now.status).toBe(200);
    expect(now.body.progress).toEqual({
      latest: { value: 72, measuredOn: "2026-11-01" },
      fraction: 32 / 30,
      met: true,
    });
    expect((await goalRow(id))?.version).toBe(2);
  });

  it("reopens a retired goal only with a reason", async () => {
    const { id } = await goal("district", { status: "retired" });
    const bare = await cast.admin.client.patch(`/api/v1/goals/${id}`, { version: 1, status: "on_track" });
    expect(bare.body.errors[0].message).toContain("reopened");
    const reopened = await cast.admin.client.patch(`/api/v1/goals/${id}`, {
      version: 1,
      status: "on_track",
      reason: "The board renewed it.",
    });
    expect(reopened.status).toBe(200);
  });

  it("a teacher cannot edit a district goal; a partner reads the community's goal but cannot edit it", async () => {
    const district = await goal("district");
    const teacher = await cast.member.client.patch(`/api/v1/goals/${district.id}`, {
      version: 1,
      title: "Mine",
    });
    expect(teacher.status).toBe(403);
    expect(teacher.body.detail).toBe(
      "Only the district's administrators can change district, state and national goals.",
    );
    const shared = await goal("community");
    const read = await cast.partner.client.get(`/api/v1/goals/${shared.id}`);
    expect(read.status).toBe(200);
    expect(read.body.can).toEqual({ edit: false, recordProgress: false, align: false });
    const edit = await cast.partner.client.patch(`/api/v1/goals/${shared.id}`, { version: 1, title: "Ours" });
    expect(edit.status).toBe(403);
    expect((await goalRow(shared.id))?.title).toBe(shared.title);
    const lakeside = await cast.lakesideAdmin.client.get(`/api/v1/goals/${district.id}`);
    expect(lakeside.status).toBe(404);
    expect(JSON.stringify(lakeside.body)).not.toContain(district.title);
  });
});

describe("listing goals", () => {
  it("filters by level, status and place", async () => {
    const a = await goal("school", { status: "at_risk" });
    const b = await goal("school", { status: "on_track" });
    const list = await cast.principal.client.get(
      `/api/v1/goals?level=school&status=at_risk&schoolId=${ids.middle}`,
    );
    const found = list.body.items.map((g: { id: string }) => g.id);
    expect(found).toContain(a.id);
    expect(found).not.toContain(b.id);
    expect(
      list.body.items.every(
        (g: { level: string; status: string }) => g.level === "school" && g.status === "at_risk",
      ),
    ).toBe(true);
    const bad = await cast.principal.client.get("/api/v1/goals?level=galaxy");
    expect(bad.status).toBe(400);
  });

  it("lists exactly the goals policy.ts lets each person read (the SQL mirrors canReadGoal)", async () => {
    await goal("community", { communityId: privateTeam.id });
    await goal("community");
    for (const person of Object.values(cast)) {
      const actor = await actorOf(person.id);
      const all = await queryGoals(t.db, actor, sql`true`, { readableOnly: false, limit: 100_000 });
      const byPolicy = all.filter((row) => canReadGoal(accessOf(actor, row))).map((row) => row.id);
      const bySql = (await queryGoals(t.db, actor, sql`true`, { limit: 100_000 })).map((row) => row.id);
      expect(bySql.sort()).toEqual(byPolicy.sort());
      if (person === cast.outsider || person === cast.partner)
        expect(all.length).toBeGreaterThan(bySql.length);
    }
  });
});

async function actorOf(id: string) {
  const result = await t.db.execute<{
    org_id: string;
    org_role: "administrator";
    name: string;
    email: string;
  }>(sql`select org_id, org_role, name, email from people where id = ${id}`);
  const row = result.rows[0];
  if (!row) throw new Error("no such person");
  const schools = await t.db.execute<{ school_id: string }>(
    sql`select school_id from person_schools where person_id = ${id}`,
  );
  return {
    id,
    orgId: row.org_id,
    orgRole: row.org_role,
    name: row.name,
    email: row.email,
    schoolIds: schools.rows.map((s) => s.school_id),
  };
}
