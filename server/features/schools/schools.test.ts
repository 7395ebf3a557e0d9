import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schools } from "../../db/schema/index.ts";
import { type Client, startTestApp, type TestApp } from "../../test/app.ts";
import { schoolId } from "../../test/factories.ts";

let t: TestApp;
let admin: Client;
let lakesideAdmin: Client;

beforeAll(async () => {
  t = await startTestApp();
  [admin, lakesideAdmin] = await Promise.all([
    t.as("admin@riverside.example"),
    t.as("admin@lakeside.example"),
  ]);
});
afterAll(() => t?.close());

const named = async (client: Client, name: string) =>
  (await client.get("/api/v1/schools")).body.items.filter((s: { name: string }) => s.name === name);

describe("the district's schools", () => {
  it("are listed for everyone in the district with head counts and leaders", async () => {
    const jordan = await t.as("teacher1@riverside.example");
    const response = await jordan.get("/api/v1/schools");
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      expect.objectContaining({
        name: "Riverside Elementary",
        memberCount: 6,
        leaderNames: [],
        archived: false,
      }),
      expect.objectContaining({ name: "Riverside Middle", memberCount: 6, leaderNames: ["Marcus Bell"] }),
    ]);
  });
});

describe("adding a school", () => {
  it("is for administrators; the new school can then be chosen", async () => {
    const created = await admin.post("/api/v1/schools", { name: "Riverside High" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Riverside High", memberCount: 0, leaderNames: [] });
    const jordan = await t.as("teacher1@riverside.example");
    const chosen = await jordan.patch("/api/v1/me/profile", { schoolIds: [created.body.id] });
    expect(chosen.status).toBe(200);
    expect((await named(jordan, "Riverside High"))[0].memberCount).toBe(1);
  });

  it("is refused to others", async () => {
    const marcus = await t.as("principal@riverside.example");
    const response = await marcus.post("/api/v1/schools", { name: "Marcus Academy" });
    expect(response.status).toBe(403);
    expect(response.body.detail).toBe("Only district administrators can add schools.");
    expect(await named(admin, "Marcus Academy")).toEqual([]);
  });

  it("needs a name", async () => {
    const response = await admin.post("/api/v1/schools", { name: "   " });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ path: "name", message: "Enter the school's name." }]);
  });

  it("keeps names unique within a district, whatever the capitals", async () => {
    const response = await admin.post("/api/v1/schools", { name: "riverside MIDDLE" });
    expect(response.status).toBe(409);
    expect(response.body.errors).toEqual([
      { path: "name", message: "Your district already has a school with this name." },
    ]);
    expect(await named(admin, "riverside MIDDLE")).toEqual([]);
  });

  it("allows the same name in another district", async () => {
    const response = await lakesideAdmin.post("/api/v1/schools", { name: "Riverside Middle" });
    expect(response.status).toBe(201);
    expect((await named(lakesideAdmin, "Riverside Middle")).length).toBe(1);
    expect((await named(admin, "Riverside Middle")).length).toBe(1);
  });

  it("creates one school when two administrators add the same name at the same moment", async () => {
    const name = "Simultaneous Academy";
    const responses = await Promise.all([1, 2, 3].map(() => admin.post("/api/v1/schools", { name })));
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(responses.find((r) => r.status === 409)?.body.errors[0].path).toBe("name");
    expect(await t.db.select().from(schools).where(eq(schools.name, name))).toHaveLength(1);
  });
});

describe("renaming a school", () => {
  it("renames, and allows a change of capitals only", async () => {
    const created = await admin.post("/api/v1/schools", { name: "Oak Hill Elementary" });
    const renamed = await admin.patch(`/api/v1/schools/${created.body.id}`, { name: "Oak Hill Primary" });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe("Oak Hill Primary");
    const recased = await admin.patch(`/api/v1/schools/${created.body.id}`, { name: "OAK HILL Primary" });
    expect(recased.status).toBe(200);
  });

  it("refuses a name another school of the district has", async () => {
    const middle = await schoolId(t.db, "Riverside Middle");
    const response = await admin.patch(`/api/v1/schools/${middle}`, { name: "Riverside Elementary" });
    expect(response.status).toBe(409);
    expect(response.body.errors[0].path).toBe("name");
    expect(await named(admin, "Riverside Middle")).toHaveLength(1);
  });

  it("answers 404 for another district's school, and changes nothing", async () => {
    const high = await schoolId(t.db, "Lakeside High");
    const response = await admin.patch(`/api/v1/schools/${high}`, { name: "Taken Over High" });
    expect(response.status).toBe(404);
    expect(JSON.stringify(response.body)).not.toContain("Lakeside");
    expect((await named(lakesideAdmin, "Lakeside High")).length).toBe(1);
  });
});
