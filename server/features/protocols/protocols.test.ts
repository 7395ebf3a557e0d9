import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../../test/app.ts";
import { orgId } from "../../test/factories.ts";
import { createProtocol } from "../../test/meeting-factories.ts";
import { draft } from "./test-helpers.ts";

let t: TestApp;
let coach: Client;
let lakesideProtocol: string;

beforeAll(async () => {
  t = await startTestApp();
  coach = await t.as("coach@riverside.example");
  lakesideProtocol = (
    await createProtocol(t.db, await orgId(t.db, "lakeside"), draft({ name: "Lakeside lesson study" }))
  ).protocolId;
  await createProtocol(t.db, await orgId(t.db, "riverside"), draft({ name: "Riverside quick round" }));
});
afterAll(() => t.close());

type Item = { name: string; slug?: string; totalMinutes: number; groupSize: { min: number; max: number } };
const names = (body: { items: Item[] }) => body.items.map((i) => i.name);

describe("the protocol library", () => {
  it("lists the built-ins and the district's own, not another district's", async () => {
    const list = await coach.get("/api/v1/protocols");
    expect(list.status).toBe(200);
    expect(names(list.body)).toEqual(
      expect.arrayContaining([
        "Tuning protocol",
        "Consultancy",
        "Data-driven dialogue",
        "Riverside quick round",
      ]),
    );
    expect(names(list.body)).not.toContain("Lakeside lesson study");
    const tuning = list.body.items.find((i: Item) => i.name === "Tuning protocol");
    expect(tuning).toMatchObject({
      builtIn: true,
      purpose: "feedback_on_work",
      totalMinutes: 60,
      version: 1,
      owner: { kind: "lamplight", name: "Lamplight" },
      can: { edit: false, copy: true, archive: false },
    });
    const own = list.body.items.find((i: Item) => i.name === "Riverside quick round");
    expect(own.owner).toEqual({ kind: "district", name: "Riverside Unified School District" });
    expect(list.body.can).toEqual({ create: true });
  });

  it("lets partners read it, but not add to it", async () => {
    const parent = await t.as("parent@riverside.example");
    const list = await parent.get("/api/v1/protocols");
    expect(list.status).toBe(200);
    expect(names(list.body)).toContain("Tuning protocol");
    expect(list.body.can.create).toBe(false);
    expect(list.body.items.every((i: { can: { copy: boolean } }) => !i.can.copy)).toBe(true);
  });

  it("searches names and summaries, without treating % as a wildcard", async () => {
    const byName = await coach.get("/api/v1/protocols?q=consult");
    expect(names(byName.body).sort()).toEqual(["Consultancy", "Consultancy in 20 minutes"]);
    const bySummary = await coach.get(`/api/v1/protocols?q=${encodeURIComponent("warm and cool")}`);
    expect(names(bySummary.body)).toContain("Tuning protocol");
    const percent = await coach.get(`/api/v1/protocols?q=${encodeURIComponent("%")}`);
    expect(percent.body.items).toEqual([]);
  });

  it("filters by purpose, minutes that fit and group size", async () => {
    const data = await coach.get("/api/v1/protocols?purpose=data");
    expect(names(data.body)).toEqual(["Data-driven dialogue"]);
    const short = await coach.get("/api/v1/protocols?maxMinutes=20");
    expect(names(short.body)).toContain("Consultancy in 20 minutes");
    expect(short.body.items.every((i: Item) => i.totalMinutes <= 20)).toBe(true);
    const big = await coach.get("/api/v1/protocols?groupSize=25");
    expect(names(big.body).sort()).toEqual(["Community of practice workshop (60 minutes)"]);
    const pair = await coach.get("/api/v1/protocols?groupSize=2&purpose=success");
    expect(pair.body.items).toEqual([]);
  });

  it("pages through the library with a cursor, each protocol once", async () => {
    const seen: string[] = [];
    let url = "/api/v1/protocols?limit=3";
    for (let page = 0; page < 10; page++) {
      const response = await coach.get(url);
      expect(response.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...names(response.body));
      if (!response.body.nextCursor) break;
      url = `/api/v1/protocols?limit=3&cursor=${response.body.nextCursor}`;
    }
    const all = names((await coach.get("/api/v1/protocols")).body);
    expect(seen).toEqual(all);
    expect(all.length).toBeGreaterThan(6);
  });

  it("refuses nonsense filters with the field named", async () => {
    const bad = await coach.get("/api/v1/protocols?maxMinutes=0&groupSize=abc&purpose=fun");
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "groupSize",
      "maxMinutes",
      "purpose",
    ]);
    const cursor = await coach.get("/api/v1/protocols?cursor=not-a-cursor");
    expect(cursor.status).toBe(400);
    expect(cursor.body.errors[0].path).toBe("cursor");
  });

  it("shows archived protocols to administrators only", async () => {
    const teacher = await t.as("teacher1@riverside.example");
    const refused = await teacher.get("/api/v1/protocols?archived=true");
    expect(refused.status).toBe(403);
    const admin = await t.as("admin@riverside.example");
    const archived = await admin.get("/api/v1/protocols?archived=true");
    expect(archived.status).toBe(200);
    expect(archived.body.items).toEqual([]);
  });
});

describe("one protocol", () => {
  it("shows its definition, versions and what the caller may do", async () => {
    const list = await coach.get("/api/v1/protocols?q=tuning");
    const id = list.body.items[0].id;
    const read = await coach.get(`/api/v1/protocols/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.definition.steps.map((s: { title: string }) => s.title)).toContain("Warm feedback");
    expect(read.body.versions).toHaveLength(1);
    expect(read.body.versions[0]).toMatchObject({ version: 1, author: null });
    expect(read.body.copiedFrom).toBeNull();
    expect(read.body.can).toEqual({ edit: false, copy: true, archive: false, restore: false });
    const version = await coach.get(`/api/v1/protocols/${id}/versions/${read.body.versions[0].id}`);
    expect(version.body).toMatchObject({ version: 1, current: true, protocolId: id });
    expect(version.body.definition).toEqual(read.body.definition);
  });

  it("answers 404 for another district's protocol and its versions, as for a missing one", async () => {
    const read = await coach.get(`/api/v1/protocols/${lakesideProtocol}`);
    expect(read.status).toBe(404);
    const missing = await coach.get("/api/v1/protocols/0190a0a0-0000-7000-8000-000000000000");
    expect(missing.status).toBe(404);
    expect(read.body.detail).toBe(missing.body.detail);
    const lakeside = await t.as("admin@lakeside.example");
    const own = (await lakeside.get(`/api/v1/protocols/${lakesideProtocol}`)).body;
    const version = await coach.get(`/api/v1/protocols/${lakesideProtocol}/versions/${own.currentVersionId}`);
    expect(version.status).toBe(404);
  });

  it("does not show a version under another protocol's id", async () => {
    const [a, b] = (await coach.get("/api/v1/protocols?purpose=dilemma")).body.items;
    const wrong = await coach.get(`/api/v1/protocols/${a.id}/versions/${b.currentVersionId}`);
    expect(wrong.status).toBe(404);
    const bad = await coach.get(`/api/v1/protocols/${a.id}/versions/nope`);
    expect(bad.status).toBe(400);
  });
});
