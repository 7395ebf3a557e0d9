import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGoal } from "../../test/goal-factories.ts";
import { cast, goal, goalRow, ids, privateTeam, setupCast, t } from "./test-cast.ts";

beforeAll(setupCast);
afterAll(() => t?.close());

const fieldOf = (r: { body: { errors?: { path: string }[] } }) => r.body.errors?.map((e) => e.path);
const align = (who: keyof typeof cast, id: string, alignedToIds: string[]) =>
  cast[who].client.put(`/api/v1/goals/${id}/alignments`, { alignedToIds });

describe("alignment", () => {
  it("a principal aligns a school goal to district goals; both ends show it; history keeps it", async () => {
    const up1 = await goal("district");
    const up2 = await goal("district");
    const school = await goal("school", { createdBy: cast.principal.id });
    const r = await align("principal", school.id, [up1.id, up2.id]);
    expect(r.status).toBe(200);
    expect(r.body.alignedTo.map((g: { id: string }) => g.id).sort()).toEqual([up1.id, up2.id].sort());
    const above = await cast.member.client.get(`/api/v1/goals/${up1.id}`);
    expect(above.body.alignedFrom).toEqual([
      {
        id: school.id,
        level: "school",
        title: school.title,
        status: "not_started",
        placeName: "Riverside Middle",
      },
    ]);
    const fewer = await align("principal", school.id, [up2.id]);
    expect(fewer.body.alignedTo.map((g: { id: string }) => g.id)).toEqual([up2.id]);
    const history = await cast.principal.client.get(`/api/v1/goals/${school.id}/history`);
    expect(history.body.items[0].changes.alignedTo).toEqual({
      from: [up1.title, up2.title].sort(),
      to: [up2.title],
    });
    expect((await goalRow(school.id))?.version).toBe(3);
  });

  it("refuses itself, the wrong level, another district's goal and goals that do not exist, naming alignedToIds", async () => {
    const school = await goal("school");
    const sibling = await goal("school");
    const state = await goal("state");
    const lakeside = await createGoal(t.db, {
      orgId: ids.lakeside,
      level: "district",
      createdBy: cast.lakesideAdmin.id,
    });
    const cases: [string[], string][] = [
      [[school.id], "A goal cannot align to itself."],
      [[sibling.id], "Choose goals of the district level"],
      [[state.id], "Choose goals of the district level"],
      [[lakeside.id], "Choose goals that exist in your district"],
      [["01a23126-0000-7000-8000-000000000000"], "Choose goals that exist in your district"],
    ];
    for (const [alignedToIds, message] of cases) {
      const r = await align("admin", school.id, alignedToIds);
      expect(r.status).toBe(400);
      expect(fieldOf(r)).toEqual(["alignedToIds"]);
      expect(r.body.errors[0].message).toContain(message);
    }
    expect(JSON.stringify((await align("admin", school.id, [lakeside.id])).body)).not.toContain(
      lakeside.title,
    );
    const rows = await t.db.execute(sql`select 1 from goal_alignments where goal_id = ${school.id}`);
    expect(rows.rows).toHaveLength(0);
  });

  it("refuses a loop even through alignments that are already there", async () => {
    // Levels make a loop impossible through the API; an edge written straight in stands for any past data.
    const district = await goal("district");
    const school = await goal("school", { alignedTo: [district.id] });
    await t.db.execute(
      sql`update goals set level = 'school', school_id = ${ids.middle} where id = ${district.id}`,
    );
    await t.db.execute(sql`update goals set level = 'district', school_id = null where id = ${school.id}`);
    const r = await align("admin", district.id, [school.id]);
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toEqual({
      path: "alignedToIds",
      message: "These alignments would make a loop: a goal cannot serve itself.",
    });
  });

  it("a teacher cannot align a school goal (403); below, only the goals the caller may read are listed", async () => {
    const school = await goal("school");
    const up = await goal("district");
    expect((await align("member", school.id, [up.id])).status).toBe(403);
    const hidden = await goal("community", { communityId: privateTeam.id, alignedTo: [school.id] });
    const outsider = await cast.outsider.client.get(`/api/v1/goals/${school.id}`);
    expect(outsider.body.alignedFrom).toEqual([]);
    const coach = await cast.coach.client.get(`/api/v1/goals/${school.id}`);
    expect(coach.body.alignedFrom.map((g: { id: string }) => g.id)).toEqual([hidden.id]);
    expect((await cast.outsider.client.get(`/api/v1/goals/${hidden.id}`)).status).toBe(404);
  });

  it("creates and aligns at once", async () => {
    const up = await goal("school");
    const r = await cast.coach.client.post("/api/v1/goals", {
      level: "community",
      communityId: privateTeam.id,
      title: "Ratio talk",
      improvement: "Ratio talk",
      population: "Grade 7",
      measure: "Share of students explaining",
      unit: "percent",
      baseline: 20,
      target: 60,
      startsOn: "2026-09-01",
      deadline: "2027-05-01",
      alignedToIds: [up.id],
    });
    expect(r.status).toBe(201);
    expect(r.body.alignedTo).toEqual([expect.objectContaining({ id: up.id, level: "school" })]);
  });
});

describe("progress", () => {
  const measure = (who: keyof typeof cast, id: string, body: Record<string, unknown>) =>
    cast[who].client.post(`/api/v1/goals/${id}/measurements`, {
      unit: "percent",
      measuredOn: "2026-10-01",
      ...body,
    });

  it("members record measurements on their community's goal; the goal shows its progress", async () => {
    const g = await goal("community", { baseline: 40, target: 60 });
    const first = await measure("member", g.id, { value: 45, measuredOn: "2026-10-01", note: "Fall check." });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      value: 45,
      unit: "percent",
      measuredOn: "2026-10-01",
      note: "Fall check.",
    });
    await measure("coach", g.id, { value: 50, measuredOn: "2026-11-01" });
    const detail = await cast.partner.client.get(`/api/v1/goals/${g.id}`);
    expect(detail.body.measurements.map((m: { value: number }) => m.value)).toEqual([45, 50]);
    expect(detail.body.progress).toEqual({
      latest: { value: 50, measuredOn: "2026-11-01" },
      fraction: 0.5,
      met: false,
    });
  });

  it("refuses a measurement with the wrong unit, a date in the future, a partner's and a teacher's on a school goal", async () => {
    const g = await goal("community");
    const wrong = await measure("coach", g.id, { value: 3, unit: "points" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([
      { path: "unit", message: "Record this goal's measure in its own unit (percent), not in points." },
    ]);
    const future = await measure("coach", g.id, { value: 3, measuredOn: "2099-01-01" });
    expect(fieldOf(future)).toEqual(["measuredOn"]);
    expect((await measure("partner", g.id, { value: 3 })).status).toBe(403);
    const school = await goal("school", { ownerId: cast.admin.id });
    expect((await measure("member", school.id, { value: 3 })).status).toBe(403);
    const reference = await goal("state");
    expect(fieldOf(await measure("admin", reference.id, { value: 3 }))).toEqual(["unit"]);
    const none = await t.db.execute(
      sql`select 1 from goal_measurements where goal_id in (${g.id}, ${school.id})`,
    );
    expect(none.rows).toHaveLength(0);
  });

  it("a double submit records one measurement; editors remove one, members cannot", async () => {
    const g = await goal("community");
    const key = { "idempotency-key": `measure-${g.id}` };
    const body = { value: 41, unit: "percent", measuredOn: "2026-10-02" };
    const a = await cast.member.client.post(`/api/v1/goals/${g.id}/measurements`, body, key);
    const b = await cast.member.client.post(`/api/v1/goals/${g.id}/measurements`, body, key);
    expect(b.body.id).toBe(a.body.id);
    const url = `/api/v1/goals/${g.id}/measurements/${a.body.id}`;
    expect((await cast.member.client.delete(url)).status).toBe(403);
    expect((await cast.coach.client.delete(url)).status).toBe(204);
    expect((await cast.coach.client.delete(url)).status).toBe(404);
    const audit = await t.db.execute(
      sql`select 1 from audit_events where action = 'goal.measurement_removed' and subject_id = ${g.id}`,
    );
    expect(audit.rows).toHaveLength(1);
  });

  it("check-ins carry a note and https evidence links", async () => {
    const g = await goal("community");
    const bad = await cast.member.client.post(`/api/v1/goals/${g.id}/check-ins`, {
      note: "Exit tickets look better.",
      links: [{ title: "Exit tickets", url: "http://drive.example/x" }],
    });
    expect(fieldOf(bad)).toEqual(["links.0.url"]);
    const empty = await cast.member.client.post(`/api/v1/goals/${g.id}/check-ins`, { note: " " });
    expect(fieldOf(empty)).toEqual(["note"]);
    const ok = await cast.member.client.post(`/api/v1/goals/${g.id}/check-ins`, {
      note: "Exit tickets look better.",
      links: [{ title: "Exit tickets", url: "https://drive.example/x" }],
    });
    expect(ok.status).toBe(201);
    const detail = await cast.coach.client.get(`/api/v1/goals/${g.id}`);
    expect(detail.body.checkIns).toEqual([
      expect.objectContaining({
        note: "Exit tickets look better.",
        links: [{ title: "Exit tickets", url: "https://drive.example/x" }],
        author: { id: cast.member.id, name: "Jordan Lee" },
      }),
    ]);
    expect((await cast.partner.client.post(`/api/v1/goals/${g.id}/check-ins`, { note: "Hi" })).status).toBe(
      403,
    );
  });
});
