import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../../test/app.ts";

type Event = {
  id: string;
  action: string;
  actorName: string | null;
  subjectName: string | null;
  details: Record<string, unknown>;
};

let t: TestApp;
let admin: Client;

/** A fresh district history: these happen in this order before any test reads the log. */
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signIn("admin@riverside.example");
  await t.app.inject({
    method: "POST",
    url: "/api/auth/sign-in/email",
    payload: { email: "teacher2@riverside.example", password: "not-the-password" },
  });
  const samuel = await t.signIn("teacher2@riverside.example");
  const coach = await t.signIn("coach@riverside.example");
  const teamId = await t.communityId("Grade 7 Math Team");
  await coach.patch(
    `/api/v1/communities/${teamId}/members/${await t.personId("teacher2@riverside.example")}`,
    {
      role: "observer",
    },
  );
  await admin.patch(`/api/v1/people/${await t.personId("teacher8@riverside.example")}`, {
    orgRole: "school_leader",
  });
  await samuel.post(`/api/v1/communities/${teamId}/leave`);
  await samuel.post("/api/auth/sign-out", {});
});
afterAll(() => t?.close());

const page = async (client: Client, query = "") => (await client.get(`/api/v1/audit${query}`)).body;

describe("the audit log", () => {
  it("lists sign-ins, role changes and membership changes, newest first", async () => {
    const { items } = await page(admin, "?limit=100");
    const story = items.map((e: Event) => [e.action, e.actorName, e.subjectName]);
    expect(story).toEqual([
      ["auth.sign_out", "Samuel Okafor", null],
      ["membership.left", "Samuel Okafor", "Samuel Okafor"],
      ["person.role_changed", "Dana Whitfield", "Luis Ortega"],
      ["membership.role_changed", "Priya Natarajan", "Samuel Okafor"],
      ["auth.sign_in", "Priya Natarajan", "Priya Natarajan"],
      ["auth.sign_in", "Samuel Okafor", "Samuel Okafor"],
      ["auth.sign_in_failed", null, "Samuel Okafor"],
      ["auth.sign_in", "Dana Whitfield", "Dana Whitfield"],
    ]);
    expect(story).toHaveLength(8);
    const roleChange = items.find((e: Event) => e.action === "person.role_changed");
    expect(roleChange.details).toMatchObject({ from: "educator", to: "school_leader" });
    const membership = items.find((e: Event) => e.action === "membership.role_changed");
    expect(membership.details).toMatchObject({
      community: "Grade 7 Math Team",
      from: "member",
      to: "observer",
    });
    const times = items.map((e: { createdAt: string }) => Date.parse(e.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("pages with a cursor, without gaps or repeats", async () => {
    const everything = (await page(admin, "?limit=100")).items.map((e: Event) => e.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const next = await page(admin, `?limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      expect(next.items.length).toBeLessThanOrEqual(3);
      seen.push(...next.items.map((e: Event) => e.id));
      cursor = next.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    expect(seen).toEqual(everything);
    expect(pages).toBe(Math.ceil(everything.length / 3));
  });

  it("filters by action", async () => {
    const { items } = await page(admin, "?action=auth.sign_in");
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(new Set(items.map((e: Event) => e.action))).toEqual(new Set(["auth.sign_in"]));
  });

  it("names a bad cursor, limit or action", async () => {
    const cursor = await admin.get("/api/v1/audit?cursor=yesterday");
    expect(cursor.status).toBe(400);
    expect(cursor.body.errors).toEqual([
      { path: "cursor", message: "This page link is not valid; start from the first page." },
    ]);
    expect((await admin.get("/api/v1/audit?limit=1000")).status).toBe(400);
    const action = await admin.get("/api/v1/audit?action=everything");
    expect(action.status).toBe(400);
    expect(action.body.errors[0].path).toBe("action");
  });

  it("is for administrators only", async () => {
    for (const who of ["principal", "coach", "parent"]) {
      const client = await t.as(`${who}@riverside.example`);
      const response = await client.get("/api/v1/audit");
      expect(response.status).toBe(403);
      expect(response.body.detail).toBe("Only district administrators can read the audit log.");
    }
    expect((await t.anonymous.get("/api/v1/audit")).status).toBe(401);
  });

  it("shows each district only its own history", async () => {
    const lakeside = await t.as("admin@lakeside.example");
    const { items } = await page(lakeside, "?limit=100");
    expect(items.map((e: Event) => [e.action, e.actorName])).toEqual([["auth.sign_in", "Noor Haddad"]]);
    const riverside = (await page(admin, "?limit=100")).items.map((e: Event) => e.actorName);
    expect(riverside).not.toContain("Noor Haddad");
  });
});
