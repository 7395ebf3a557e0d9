import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../../test/app.ts";
import { createArtifact } from "../../test/artifact-factories.ts";
import { createCommunity, orgId as orgIdOf, personIdOf, schoolId } from "../../test/factories.ts";
import { addMeasurement, createCycle, createGoal } from "../../test/goal-factories.ts";
import { createMeeting } from "../../test/meeting-factories.ts";

let t: TestApp;
const ids: Record<string, string> = {};
const id = (key: string) => ids[key] ?? "";
const as = (who: string): Promise<Client> => t.as(`${who}@riverside.example`);
const cycleUrl = (cycleId: string, path = "") => `/api/v1/cycles/${cycleId}${path}`;

beforeAll(async () => {
  t = await startTestApp();
  ids.org = await orgIdOf(t.db, "riverside");
  ids.lakeOrg = await orgIdOf(t.db, "lakeside");
  for (const who of ["coach", "teacher1", "teacher3", "teacher7", "parent"])
    ids[who] = await personIdOf(t.db, `${who}@riverside.example`);
  const school = await schoolId(t.db, "Riverside Elementary");
  const team = await createCommunity(t.db, {
    orgId: id("org"),
    name: "Cycle Test Team",
    visibility: "organization",
    schoolIds: [school],
    members: [
      [id("coach"), "facilitator"],
      [id("teacher1"), "member"],
      [id("parent"), "partner"],
      [id("teacher7"), "observer"],
    ],
  });
  ids.team = team.id;
  ids.other = (
    await createCommunity(t.db, {
      orgId: id("org"),
      visibility: "private",
      members: [[id("teacher3"), "facilitator"]],
    })
  ).id;
  const lake = await createCommunity(t.db, { orgId: id("lakeOrg"), visibility: "organization" });
  ids.lake = lake.id;
  const goal = await createGoal(t.db, {
    orgId: id("org"),
    level: "community",
    communityId: team.id,
    createdBy: id("coach"),
    title: "Proportional reasoning to 70%",
    baseline: 40,
    target: 70,
  });
  ids.goal = goal.id;
  await addMeasurement(t.db, {
    orgId: id("org"),
    goalId: goal.id,
    value: 55,
    measuredOn: "2026-11-01",
    createdBy: id("coach"),
  });
  ids.otherGoal = (
    await createGoal(t.db, {
      orgId: id("org"),
      level: "community",
      communityId: ids.other,
      createdBy: id("teacher3"),
    })
  ).id;
  const art = (communityId: string, org = id("org"), owner = id("teacher1"), containsStudentWork = false) =>
    createArtifact(t.db, { orgId: org, communityId, ownerId: owner, containsStudentWork });
  ids.artifact = (await art(team.id)).id;
  ids.studentWork = (await art(team.id, id("org"), id("teacher1"), true)).id;
  ids.otherArtifact = (await art(ids.other, id("org"), id("teacher3"))).id;
  const lakeOwner = await personIdOf(t.db, "teacher1@lakeside.example");
  ids.lakeArtifact = (await art(lake.id, id("lakeOrg"), lakeOwner)).id;
  ids.meeting = (
    await createMeeting(t.db, { orgId: id("org"), communityId: team.id, title: "Data meeting" })
  ).id;
});
afterAll(() => t.close());

async function start(title = "Ratio reasoning cycle") {
  const res = await (await as("coach")).post(`/api/v1/communities/${id("team")}/cycles`, { title });
  expect(res.status).toBe(201);
  return res.body;
}

describe("a cycle from need to result", () => {
  it("runs through the seven stages with evidence, the decision and a report", async () => {
    const coach = await as("coach");
    const key = { "Idempotency-Key": "cycle-start-key-1" };
    const first = await coach.post(
      `/api/v1/communities/${id("team")}/cycles`,
      { title: "Fractions cycle" },
      key,
    );
    const again = await coach.post(
      `/api/v1/communities/${id("team")}/cycles`,
      { title: "Fractions cycle" },
      key,
    );
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const cycle = first.body;
    expect(cycle).toMatchObject({ stage: 1, stageKey: "identify_needs", status: "active", version: 1 });
    expect(cycle.stages).toHaveLength(7);
    expect(cycle.stages[0].enteredAt).not.toBeNull();
    expect(cycle.can).toEqual({
      edit: true,
      contribute: true,
      advance: true,
      decide: false,
      startNext: false,
    });
    expect(cycle.goalOptions.map((g: { id: string }) => g.id)).toEqual([id("goal")]);

    const url = (p = "") => cycleUrl(cycle.id, p);
    expect((await coach.post(url("/stage"), { to: 2 })).body.errors[0].path).toBe("studentNeeds");
    const s1 = await coach.put(url("/stages/1"), {
      notes: "Looked at the unit test.",
      details: { studentNeeds: "Unit rates", educatorNeeds: "Questioning", evidenceReviewed: "Unit 3 test" },
    });
    expect(s1.status).toBe(200);
    expect(s1.body.version).toBe(2);
    expect(s1.body.missing).toEqual([]);
    expect((await coach.post(url("/stage"), { to: 2 })).body.stage).toBe(2);

    // Stage 2 needs a goal; the message names it.
    const noGoal = await coach.post(url("/stage"), { to: 3 });
    expect(noGoal.status).toBe(400);
    expect(noGoal.body.detail).toContain("Pick the goal");
    expect(noGoal.body.errors).toEqual([{ path: "goalId", message: expect.any(String) }]);
    const current = (await coach.get(url())).body;
    const foreign = await coach.patch(url(), { version: current.version, goalId: id("otherGoal") });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].path).toBe("goalId");
    const picked = await coach.patch(url(), { version: current.version, goalId: id("goal") });
    expect(picked.body.goal).toMatchObject({
      id: id("goal"),
      baseline: 40,
      target: 70,
      latest: { value: 55 },
    });
    expect(picked.body.goal.progress).toBeCloseTo(0.5);
    const stale = await coach.patch(url(), { version: current.version, title: "Late edit" });
    expect(stale.status).toBe(409);
    expect((await coach.get(url())).body.title).toBe("Fractions cycle");

    expect((await coach.post(url("/stage"), { to: 3 })).body.stage).toBe(3);
    const skip = await coach.post(url("/stage"), { to: 5 });
    expect(skip.status).toBe(400);
    expect(skip.body.detail).toContain("skip");
    // Back one and forward again keeps stage 3's first entry.
    expect((await coach.post(url("/stage"), { to: 2 })).body.stage).toBe(2);
    expect((await coach.post(url("/stage"), { to: 3 })).body.stage).toBe(3);
    await coach.put(url("/stages/3"), {
      details: { learningNeeds: "Number talks", approach: "Two sessions" },
    });
    await coach.post(url("/stage"), { to: 4 });

    const backwards = await coach.put(url("/stages/4"), {
      details: { strategy: "Number talks", from: "2026-10-15", to: "2026-09-01" },
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([
      { path: "details.to", message: "Choose an end date on or after the start." },
    ]);
    const plan = await coach.put(url("/stages/4"), {
      details: {
        strategy: "Number talks",
        who: [id("teacher1")],
        what: "Daily",
        classes: "7A, 7B",
        from: "2026-09-01",
        to: "2026-10-15",
      },
    });
    expect(plan.status).toBe(200);
    await coach.post(url("/stage"), { to: 5 });

    const link = await coach.post(url("/evidence"), {
      stage: 5,
      kind: "url",
      title: '=HYPERLINK("x")',
      url: "https://example.org/data",
    });
    expect(link.status).toBe(201);
    const sample = await coach.post(url("/evidence"), {
      stage: 5,
      kind: "artifact",
      artifactId: id("artifact"),
    });
    expect(sample.body.stages[4].evidence).toHaveLength(2);
    await coach.post(url("/stage"), { to: 6 });
    await coach.put(url("/stages/6"), { details: { findings: "Halfway to the target." } });
    await coach.post(url("/stage"), { to: 7 });

    const early = await coach.post(url("/stage"), { to: 8 });
    expect(early.status).toBe(400);
    const decided = await coach.post(url("/decision"), {
      decision: "adapt",
      note: "Keep talks",
      nextFocus: "Percent problems",
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({
      status: "completed",
      decision: "adapt",
      can: { edit: false, contribute: false, startNext: true },
    });
    expect(decided.body.stages[6].completedAt).not.toBeNull();
    expect((await coach.put(url("/stages/7"), { notes: "After" })).status).toBe(403);

    const csv = await coach.get(url("/report.csv"));
    expect(csv.status).toBe(200);
    expect(String(csv.headers["content-type"])).toContain("text/csv");
    const text = String(csv.body);
    expect(text).toContain('"Student learning needs: Unit rates');
    expect(text).toContain("Who: Jordan Lee");
    expect(text).toContain('"\'=HYPERLINK(""x"")');
    expect(text).toContain('"Percent problems"');

    const next = await coach.post(`/api/v1/communities/${id("team")}/cycles`, {
      title: "Percent cycle",
      previousCycleId: cycle.id,
    });
    expect(next.status).toBe(201);
    expect(next.body.previousCycle).toMatchObject({ id: cycle.id, nextFocus: "Percent problems" });
    expect(next.body.stages[0].notes).toBe("Percent problems");
    expect((await coach.get(url())).body.nextCycle.id).toBe(next.body.id);
    const list = await coach.get(`/api/v1/communities/${id("team")}/cycles`);
    expect(list.body.items[0]).toMatchObject({ id: next.body.id, status: "active", stage: 1 });
  });
});

describe("bad input", () => {
  it("refuses unknown stages, future stages and bad evidence, and a double submit adds one piece", async () => {
    const coach = await as("coach");
    const cycle = await start();
    const url = (p = "") => cycleUrl(cycle.id, p);
    expect((await coach.put(url("/stages/9"), { notes: "x" })).status).toBe(400);
    expect((await coach.put(url("/stages/3"), { notes: "x" })).body.errors[0].path).toBe("stage");
    expect((await coach.put(url("/stages/1"), { details: { strategy: "x" } })).status).toBe(400);
    expect((await coach.post(url("/stage"), { to: 3 })).status).toBe(400);
    const bad = async (body: Record<string, unknown>, path: string) => {
      const res = await coach.post(url("/evidence"), { stage: 1, ...body });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.errors[0].path).toBe(path);
    };
    await bad({ kind: "url", title: "Data", url: "http://example.org" }, "url");
    await bad({ kind: "url", title: "Data", url: "javascript:alert(1)" }, "url");
    await bad({ kind: "artifact", artifactId: id("otherArtifact") }, "artifactId");
    await bad({ kind: "artifact", artifactId: id("lakeArtifact") }, "artifactId");
    await bad({ kind: "goal", goalId: id("otherGoal") }, "goalId");
    const elsewhere = await createMeeting(t.db, { orgId: id("org"), communityId: id("other") });
    await bad({ kind: "meeting", meetingId: elsewhere.id }, "meetingId");
    await bad({ kind: "artifact", artifactId: id("artifact"), stage: 4 }, "stage");
    const key = { "Idempotency-Key": "cycle-evidence-key-1" };
    const body = { stage: 1, kind: "meeting", meetingId: id("meeting") };
    expect((await coach.post(url("/evidence"), body, key)).status).toBe(201);
    expect((await coach.post(url("/evidence"), body, key)).status).toBe(200);
    expect((await coach.post(url("/evidence"), body)).status).toBe(400);
    const read = (await coach.get(url())).body;
    expect(read.stages[0].evidence.map((e: { title: string }) => e.title)).toEqual(["Data meeting"]);
    const ev = read.stages[0].evidence[0].id;
    expect((await coach.delete(url(`/evidence/${ev}`))).body.stages[0].evidence).toEqual([]);
    expect((await coach.post(url("/decision"), { decision: "adopt" })).body.errors[0].path).toBe("decision");
    expect((await coach.post(url("/stop"), { reason: " " })).body.errors[0].path).toBe("reason");
    const stopped = await coach.post(url("/stop"), { reason: "The team joined the district pilot instead." });
    expect(stopped.body).toMatchObject({
      status: "stopped",
      decisionNote: "The team joined the district pilot instead.",
    });
    expect(stopped.body.can).toMatchObject({ edit: false, contribute: false, startNext: false });
    expect((await coach.post(url("/stop"), { reason: "Again" })).status).toBe(403);
  });
});

describe("who may do what", () => {
  it("members record work, partners and observers read, others get 404", async () => {
    const cycle = await start("Permissions cycle");
    const url = (p = "") => cycleUrl(cycle.id, p);
    const member = await as("teacher1");
    await new Promise((resolve) => setTimeout(resolve, 20));
    const noted = await member.put(url("/stages/1"), { details: { studentNeeds: "Ratios" } });
    expect(noted.status).toBe(200);
    // Every write moves the cycle's last activity (the leaders' dashboard sorts by it) and its version.
    expect(Date.parse(noted.body.lastActivityAt)).toBeGreaterThan(Date.parse(cycle.lastActivityAt));
    expect(noted.body.version).toBe(cycle.version + 1);
    const added = await member.post(url("/evidence"), {
      stage: 1,
      kind: "artifact",
      artifactId: id("studentWork"),
    });
    expect(added.status).toBe(201);
    expect(added.body.can).toEqual({
      edit: false,
      contribute: true,
      advance: false,
      decide: false,
      startNext: false,
    });
    expect((await member.post(url("/stage"), { to: 2 })).status).toBe(403);
    expect((await member.patch(url(), { version: added.body.version, title: "Mine" })).status).toBe(403);

    const partner = await as("parent");
    const seen = await partner.get(url());
    expect(seen.status).toBe(200);
    expect(seen.body.can).toEqual({
      edit: false,
      contribute: false,
      advance: false,
      decide: false,
      startNext: false,
    });
    // Student work is never shown to partners.
    expect(seen.body.stages[0].evidence).toEqual([]);
    expect(String((await partner.get(url("/report.csv"))).body)).not.toContain("Ratio quiz");
    expect((await partner.put(url("/stages/1"), { notes: "Hi" })).status).toBe(403);
    const observer = await as("teacher7");
    expect(
      (await observer.post(url("/evidence"), { stage: 1, kind: "url", title: "x", url: "https://x.org" }))
        .status,
    ).toBe(403);
    expect((await (await as("coach")).get(url())).body.stages[0].evidence).toHaveLength(1);

    const outsider = await as("teacher3");
    expect((await outsider.get(url())).status).toBe(200);
    expect((await outsider.post(`/api/v1/communities/${id("team")}/cycles`, { title: "No" })).status).toBe(
      403,
    );
    const lakeAdmin = await t.as("admin@lakeside.example");
    expect((await lakeAdmin.get(url())).status).toBe(404);
    expect((await lakeAdmin.get(`/api/v1/communities/${id("team")}/cycles`)).status).toBe(404);
    const hidden = await createCycle(t.db, {
      orgId: id("org"),
      communityId: id("other"),
      createdBy: id("teacher3"),
    });
    expect((await member.get(cycleUrl(hidden.id))).status).toBe(404);
    expect(
      (
        await (
          await as("coach")
        ).post(`/api/v1/communities/${id("team")}/cycles`, { title: "x", previousCycleId: hidden.id })
      ).status,
    ).toBe(400);
  });
});
