import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../../test/app.ts";

let t: TestApp;
let coach: Client;

beforeAll(async () => {
  t = await startTestApp();
  coach = await t.signIn("coach@riverside.example");
});
afterAll(() => t.close());

const valid = {
  name: "Grade 6 Science PLC",
  kind: "grade_level_team",
  purpose: "Plan labs together.",
  norms: ["Start on time.", "Bring student work."],
  gradeBands: ["6-8"],
  visibility: "organization",
};

describe("creating a community", () => {
  it("makes the creator its facilitator and keeps every field", async () => {
    const created = await coach.post("/api/v1/communities", valid);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: valid.name,
      norms: valid.norms,
      myRole: "facilitator",
      visibility: "organization",
    });
    expect(created.body.members.map((m: { name: string }) => m.name)).toEqual(["Priya Natarajan"]);
    const read = await coach.get(`/api/v1/communities/${created.body.id}`);
    expect(read.body.purpose).toBe("Plan labs together.");
  });

  it("names each bad field and what to fix", async () => {
    const response = await coach.post("/api/v1/communities", {
      ...valid,
      name: " ",
      kind: "club",
      norms: ["ok", ""],
      extra: true,
    });
    expect(response.status).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    const paths = response.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(["extra", "kind", "name", "norms.1"]);
    expect(response.body.errors.find((e: { path: string }) => e.path === "name").message).toBe(
      "Enter a name for the community.",
    );
  });

  it("rejects oversized text and bodies", async () => {
    const long = await coach.post("/api/v1/communities", { ...valid, purpose: "x".repeat(2001) });
    expect(long.status).toBe(400);
    expect(long.body.errors[0]).toMatchObject({
      path: "purpose",
      message: "Keep this under 2000 characters.",
    });
    const huge = await coach.post("/api/v1/communities", { ...valid, vision: "y".repeat(300_000) });
    expect(huge.status).toBe(413);
  });

  it("rejects schools of another district", async () => {
    const lakesideAdmin = await t.signIn("admin@lakeside.example");
    const lakesideSchool = (await lakesideAdmin.get("/api/v1/schools")).body.items[0].id;
    const response = await coach.post("/api/v1/communities", { ...valid, schoolIds: [lakesideSchool] });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].path).toBe("schoolIds");
  });

  it("creates once when the same request is retried with its Idempotency-Key", async () => {
    const key = "retry-0000-1111-2222";
    const body = { ...valid, name: "Retried Community" };
    const [a, b] = await Promise.all([
      coach.post("/api/v1/communities", body, { "idempotency-key": key }),
      coach.post("/api/v1/communities", body, { "idempotency-key": key }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.id).toBe(b.body.id);
    const mine = await coach.get("/api/v1/communities?scope=mine&q=Retried");
    expect(mine.body.items).toHaveLength(1);
  });

  it("refuses partners", async () => {
    const partner = await t.signIn("partner@riverside.example");
    const response = await partner.post("/api/v1/communities", valid);
    expect(response.status).toBe(403);
  });
});

describe("editing and archiving", () => {
  it("changes only the fields sent", async () => {
    const id = (await coach.post("/api/v1/communities", { ...valid, name: "Patch Target" })).body.id;
    const patched = await coach.patch(`/api/v1/communities/${id}`, {
      vision: "Every student designs an experiment.",
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      vision: "Every student designs an experiment.",
      norms: valid.norms,
      purpose: valid.purpose,
    });
  });

  it("lets a member read but not edit", async () => {
    const id = await t.communityId("Grade 7 Math Team");
    const member = await t.signIn("teacher1@riverside.example");
    expect((await member.get(`/api/v1/communities/${id}`)).body.can.edit).toBe(false);
    expect((await member.patch(`/api/v1/communities/${id}`, { purpose: "Hijacked" })).status).toBe(403);
  });

  it("archives and restores, hiding the community from lists meanwhile", async () => {
    const id = (await coach.post("/api/v1/communities", { ...valid, name: "Archive Me" })).body.id;
    expect((await coach.post(`/api/v1/communities/${id}/archive`)).body.archived).toBe(true);
    expect((await coach.get("/api/v1/communities?scope=mine&q=Archive Me")).body.items).toHaveLength(0);
    expect((await coach.patch(`/api/v1/communities/${id}`, { purpose: "x" })).status).toBe(403);
    expect((await coach.post(`/api/v1/communities/${id}/restore`)).body.archived).toBe(false);
    expect((await coach.get("/api/v1/communities?scope=mine&q=Archive Me")).body.items).toHaveLength(1);
  });
});

describe("visibility and tenancy", () => {
  it("hides a private community from non-members as if it did not exist", async () => {
    const id = await t.communityId("Cross-School Critical Friends Group");
    const outsider = await t.signIn("teacher3@riverside.example");
    const response = await outsider.get(`/api/v1/communities/${id}`);
    expect(response.status).toBe(404);
    expect(JSON.stringify(response.body)).not.toContain("Critical Friends");
  });

  it("answers 404 for another district's community, even to its administrator", async () => {
    const id = await t.communityId("Lakeside Science Department");
    const admin = await t.signIn("admin@riverside.example");
    expect((await admin.get(`/api/v1/communities/${id}`)).status).toBe(404);
    expect((await admin.patch(`/api/v1/communities/${id}`, { name: "Taken over" })).status).toBe(404);
    const all = await admin.get("/api/v1/communities?scope=all");
    expect(all.body.items.map((c: { name: string }) => c.name)).not.toContain("Lakeside Science Department");
  });

  it("shows partners only the communities they belong to", async () => {
    const partner = await t.signIn("parent@riverside.example");
    const discover = await partner.get("/api/v1/communities?scope=discover");
    expect(discover.body.items).toEqual([]);
    const mine = await partner.get("/api/v1/communities?scope=mine");
    expect(mine.body.items.map((c: { name: string }) => c.name)).toEqual(["Family Engagement Team"]);
    const math = await t.communityId("Grade 7 Math Team");
    expect((await partner.get(`/api/v1/communities/${math}`)).status).toBe(404);
  });
});
