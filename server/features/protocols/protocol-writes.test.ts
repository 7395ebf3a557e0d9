import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../../test/app.ts";
import { orgId } from "../../test/factories.ts";
import { createProtocol } from "../../test/meeting-factories.ts";
import { draft, paths } from "./test-helpers.ts";

let t: TestApp;
let coach: Client;
let admin: Client;
let tuningId: string;

beforeAll(async () => {
  t = await startTestApp();
  coach = await t.as("coach@riverside.example");
  admin = await t.as("admin@riverside.example");
  tuningId = (await coach.get("/api/v1/protocols?q=tuning")).body.items[0].id;
});
afterAll(() => t.close());

describe("writing a protocol", () => {
  it("creates version 1 of a district protocol, once per Idempotency-Key, with an audit entry", async () => {
    const key = "protocol-create-0001";
    const [a, b] = await Promise.all([
      coach.post("/api/v1/protocols", draft(), { "idempotency-key": key }),
      coach.post("/api/v1/protocols", draft(), { "idempotency-key": key }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.id).toBe(b.body.id);
    expect(a.body).toMatchObject({
      name: "Quick feedback round",
      builtIn: false,
      version: 1,
      totalMinutes: 15,
      groupSize: { min: 3, max: 8 },
      createdBy: { name: "Priya Natarajan" },
      can: { edit: true, archive: true, copy: true },
    });
    expect(a.body.definition.steps[1]).toMatchObject({ captures: "warm_feedback", anonymity: "optional" });
    const audit = await admin.get("/api/v1/audit?action=protocol.created");
    expect(audit.body.items[0]).toMatchObject({
      actorName: "Priya Natarajan",
      details: { name: "Quick feedback round" },
    });
  });

  it("lets school leaders and facilitators write protocols, not plain members or partners", async () => {
    const principal = await t.as("principal@riverside.example");
    expect((await principal.post("/api/v1/protocols", draft({ name: "Leader's protocol" }))).status).toBe(
      201,
    );
    const member = await t.as("teacher1@riverside.example");
    const refused = await member.post("/api/v1/protocols", draft());
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/facilitators/);
    expect((await member.post(`/api/v1/protocols/${tuningId}/copy`)).status).toBe(403);
    const parent = await t.as("parent@riverside.example");
    expect((await parent.post("/api/v1/protocols", draft())).status).toBe(403);
  });

  it.each([
    ["zero minutes", { steps: [{ title: "A", minutes: 0 }] }, ["steps.0.minutes"]],
    [
      "negative minutes",
      {
        steps: [
          { title: "A", minutes: 5 },
          { title: "B", minutes: -3 },
        ],
      },
      ["steps.1.minutes"],
    ],
    ["fractional minutes", { steps: [{ title: "A", minutes: 2.5 }] }, ["steps.0.minutes"]],
    // Both are true: the step is too long, and so is the whole.
    ["huge minutes", { steps: [{ title: "A", minutes: 100_000 }] }, ["steps", "steps.0.minutes"]],
    ["no steps", { steps: [] }, ["steps"]],
    [
      "31 steps",
      { steps: Array.from({ length: 31 }, (_, i) => ({ title: `S${i}`, minutes: 1 })) },
      ["steps"],
    ],
    [
      "over 480 minutes",
      { steps: Array.from({ length: 5 }, () => ({ title: "Long", minutes: 100 })) },
      ["steps"],
    ],
    [
      "a role speaking and silent",
      {
        steps: [
          { title: "A", minutes: 5 },
          { title: "B", minutes: 5 },
          { title: "C", minutes: 5, speakers: ["presenter"], silent: ["presenter"] },
        ],
      },
      ["steps.2.silent"],
    ],
    ["group min over max", { groupSize: { min: 9, max: 4 } }, ["groupSize.max"]],
    ["an empty name", { name: "  " }, ["name"]],
  ])("refuses %s with the field named", async (_, overrides, expected) => {
    const response = await coach.post("/api/v1/protocols", draft(overrides as never));
    expect(response.status).toBe(400);
    expect(paths(response)).toEqual(expected);
    expect(response.body.errors[0].message.length).toBeGreaterThan(5);
  });

  it("says what to fix in words a teacher understands", async () => {
    const response = await coach.post("/api/v1/protocols", draft({ steps: [{ title: "A", minutes: 0 }] }));
    expect(response.body.errors[0].message).toBe("A step needs at least 1 minute.");
    const total = await coach.post(
      "/api/v1/protocols",
      draft({ steps: Array.from({ length: 5 }, () => ({ title: "Long", minutes: 100 })) }),
    );
    expect(total.body.errors[0].message).toBe("All steps together must fit in 480 minutes.");
  });
});

describe("editing a protocol", () => {
  it("saves a new version, keeps the old one and records who edited", async () => {
    const created = (await coach.post("/api/v1/protocols", draft({ name: "Versioned" }))).body;
    const edited = await coach.put(`/api/v1/protocols/${created.id}`, {
      ...created.definition,
      steps: [...created.definition.steps, { title: "Debrief", minutes: 5, captures: "note" }],
      baseVersion: 1,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, totalMinutes: 20 });
    expect(edited.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const old = await coach.get(`/api/v1/protocols/${created.id}/versions/${created.currentVersionId}`);
    expect(old.body).toMatchObject({ version: 1, current: false });
    expect(old.body.definition.steps).toHaveLength(2);
    const audit = await admin.get("/api/v1/audit?action=protocol.edited");
    expect(audit.body.items[0].details).toMatchObject({ name: "Versioned", version: 2 });
  });

  it("refuses a save based on a version someone else has replaced (409)", async () => {
    const created = (await coach.post("/api/v1/protocols", draft({ name: "Contested" }))).body;
    const body = { ...created.definition, baseVersion: 1 };
    expect((await admin.put(`/api/v1/protocols/${created.id}`, { ...body, summary: "Admin's" })).status).toBe(
      200,
    );
    const stale = await coach.put(`/api/v1/protocols/${created.id}`, { ...body, summary: "Coach's" });
    expect(stale.status).toBe(409);
    expect(stale.body.errors[0].path).toBe("baseVersion");
    expect((await coach.get(`/api/v1/protocols/${created.id}`)).body.summary).toBe("Admin's");
  });

  it("lets only administrators and the author edit; built-ins are read-only", async () => {
    const created = (await coach.post("/api/v1/protocols", draft({ name: "Coach's own" }))).body;
    const body = { ...created.definition, baseVersion: 1 };
    const facilitator = await t.as("teacher8@riverside.example");
    const refused = await facilitator.put(`/api/v1/protocols/${created.id}`, body);
    expect(refused.status).toBe(403);
    expect((await facilitator.get(`/api/v1/protocols/${created.id}`)).body.can).toMatchObject({
      edit: false,
      copy: true,
    });
    const builtIn = await admin.put(`/api/v1/protocols/${tuningId}`, { ...body, baseVersion: 1 });
    expect(builtIn.status).toBe(403);
    expect(builtIn.body.detail).toMatch(/Copy this one/);
    expect((await admin.post(`/api/v1/protocols/${tuningId}/archive`)).status).toBe(403);
  });

  it("answers 404 when another district's people try to read or change it", async () => {
    const created = (await coach.post("/api/v1/protocols", draft({ name: "Riverside only" }))).body;
    const lakeside = await t.as("admin@lakeside.example");
    expect(
      (await lakeside.put(`/api/v1/protocols/${created.id}`, { ...created.definition, baseVersion: 1 }))
        .status,
    ).toBe(404);
    expect((await lakeside.post(`/api/v1/protocols/${created.id}/copy`)).status).toBe(404);
    expect((await lakeside.post(`/api/v1/protocols/${created.id}/archive`)).status).toBe(404);
    const theirs = await createProtocol(t.db, await orgId(t.db, "lakeside"), draft({ name: "Lakeside's" }));
    expect((await coach.post(`/api/v1/protocols/${theirs.protocolId}/copy`)).status).toBe(404);
  });
});

describe("copying and archiving", () => {
  it("copies a built-in into the district as '… (adapted)' and remembers the original", async () => {
    const copy = await coach.post(
      `/api/v1/protocols/${tuningId}/copy`,
      {},
      { "idempotency-key": "copy-tuning-01" },
    );
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({
      name: "Tuning protocol (adapted)",
      builtIn: false,
      version: 1,
      copiedFrom: { id: tuningId, name: "Tuning protocol", version: 1 },
      can: { edit: true },
    });
    const original = (await coach.get(`/api/v1/protocols/${tuningId}`)).body;
    expect(copy.body.definition.steps).toEqual(original.definition.steps);
    const named = await coach.post(`/api/v1/protocols/${tuningId}/copy`, { name: "Our tuning" });
    expect(named.body.name).toBe("Our tuning");
  });

  it("archives out of the library and restores, with audit entries", async () => {
    const created = (await coach.post("/api/v1/protocols", draft({ name: "Short-lived" }))).body;
    const archived = await coach.post(`/api/v1/protocols/${created.id}/archive`);
    expect(archived.body).toMatchObject({ archived: true, can: { edit: false, restore: true } });
    const library = (await coach.get("/api/v1/protocols?q=Short-lived")).body.items;
    expect(library).toEqual([]);
    const adminView = (await admin.get("/api/v1/protocols?archived=true")).body.items;
    expect(adminView.map((p: { name: string }) => p.name)).toContain("Short-lived");
    expect((await coach.get(`/api/v1/protocols/${created.id}`)).status).toBe(200);
    const edit = await coach.put(`/api/v1/protocols/${created.id}`, {
      ...created.definition,
      baseVersion: 1,
    });
    expect(edit.status).toBe(403);
    const restored = await admin.post(`/api/v1/protocols/${created.id}/restore`);
    expect(restored.body.archived).toBe(false);
    const actions = (await admin.get("/api/v1/audit?limit=5")).body.items.map(
      (e: { action: string }) => e.action,
    );
    expect(actions.slice(0, 2)).toEqual(["protocol.restored", "protocol.archived"]);
  });
});
