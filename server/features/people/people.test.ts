import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../../test/app.ts";
import { schoolId } from "../../test/factories.ts";

let t: TestApp;
let admin: Client;
const schools = { elementary: "", middle: "", lakesideHigh: "" };

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as("admin@riverside.example");
  schools.elementary = await schoolId(t.db, "Riverside Elementary");
  schools.middle = await schoolId(t.db, "Riverside Middle");
  schools.lakesideHigh = await schoolId(t.db, "Lakeside High");
});
afterAll(() => t?.close());

describe("one's own profile", () => {
  it("changes only the fields sent", async () => {
    const mei = await t.as("teacher7@riverside.example");
    const before = (await mei.get("/api/v1/me")).body.person;
    const response = await mei.patch("/api/v1/me/profile", {
      title: "Grade 5 Team Lead",
      timeZone: "America/Chicago",
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ...before, title: "Grade 5 Team Lead", timeZone: "America/Chicago" });
    expect((await mei.get("/api/v1/me")).body.person).toEqual(response.body);
  });

  it("signs what the person does next with their new name", async () => {
    const priya = await t.as("coach@riverside.example");
    await priya.get("/api/v1/me"); // the session is now remembered with the old name
    expect((await priya.patch("/api/v1/me/profile", { name: "Priya N. Natarajan" })).status).toBe(200);
    const math = await t.communityId("Grade 7 Math Team");
    const invited = await priya.post(`/api/v1/communities/${math}/invitations`, {
      email: "renamed.inviter@riverside.example",
      role: "member",
    });
    expect(invited.body.invitedBy).toBe("Priya N. Natarajan");
  });

  it("saves lists and schools", async () => {
    const ben = await t.as("teacher6@riverside.example");
    const response = await ben.patch("/api/v1/me/profile", {
      subjects: ["Mathematics", "Science"],
      gradeBands: ["3-5"],
      interests: ["Number talks"],
      schoolIds: [schools.elementary, schools.middle],
      language: "es",
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      subjects: ["Mathematics", "Science"],
      interests: ["Number talks"],
      language: "es",
    });
    expect([...response.body.schoolIds].sort()).toEqual([schools.elementary, schools.middle].sort());
  });

  it.each([
    [{ timeZone: "Mars/Olympus_Mons" }, "timeZone", "Choose a time zone from the list."],
    [{ language: "fr" }, "language", "Choose English or Spanish."],
    [{ name: "  " }, "name", "Enter your name."],
    [{ gradeBands: ["13"] }, "gradeBands.0", "Choose a grade band from the list."],
    [{ orgRole: "administrator" }, "orgRole", '"orgRole" is not a field here; remove it.'],
    [{ status: "active" }, "status", '"status" is not a field here; remove it.'],
  ])("rejects %j, naming the field", async (body, path, message) => {
    const ben = await t.as("teacher6@riverside.example");
    const before = (await ben.get("/api/v1/me")).body.person;
    const response = await ben.patch("/api/v1/me/profile", { title: "Should not be saved", ...body });
    expect(response.status).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.body.errors).toEqual([{ path, message }]);
    expect((await ben.get("/api/v1/me")).body.person).toEqual(before);
  });

  it("rejects schools that are not the district's, naming the field and saving nothing", async () => {
    const ben = await t.as("teacher6@riverside.example");
    const before = (await ben.get("/api/v1/me")).body.person;
    for (const wrong of [schools.lakesideHigh, "0190aaaa-0000-7000-8000-000000000000"]) {
      const response = await ben.patch("/api/v1/me/profile", {
        title: "Should not be saved",
        schoolIds: [wrong],
      });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        { path: "schoolIds", message: "Choose schools from your district's list." },
      ]);
    }
    expect((await ben.get("/api/v1/me")).body.person).toEqual(before);
  });

  it("asks for at least one change", async () => {
    const ben = await t.as("teacher6@riverside.example");
    const response = await ben.patch("/api/v1/me/profile", {});
    expect(response.status).toBe(400);
    expect(response.body.errors[0].message).toBe("Change at least one field.");
  });

  it("does not let a school leader make themselves the leader of another school", async () => {
    const marcus = await t.as("principal@riverside.example");
    const family = await t.communityId("Family Engagement Team"); // private, Riverside Elementary
    expect((await marcus.get(`/api/v1/communities/${family}`)).status).toBe(404);
    const response = await marcus.patch("/api/v1/me/profile", {
      schoolIds: [schools.middle, schools.elementary],
    });
    expect(response.status).toBe(403);
    expect(response.body.errors).toEqual([
      { path: "schoolIds", message: "Your district administrator sets the schools you lead." },
    ]);
    expect((await marcus.get("/api/v1/me")).body.person.schoolIds).toEqual([schools.middle]);
    expect((await marcus.get(`/api/v1/communities/${family}`)).status).toBe(404);
    // The rest of the profile is theirs to change, and sending their schools unchanged is fine.
    const ok = await marcus.patch("/api/v1/me/profile", {
      title: "Principal, Riverside Middle",
      schoolIds: [schools.middle],
    });
    expect(ok.status).toBe(200);
  });
});

describe("the district's people", () => {
  it("are listed for administrators and school leaders, searchable, and only of their district", async () => {
    const all = await admin.get("/api/v1/people");
    expect(all.status).toBe(200);
    const emails = all.body.items.map((p: { email: string }) => p.email);
    expect(emails).toContain("teacher8@riverside.example");
    expect(emails.every((e: string) => e.endsWith("@riverside.example"))).toBe(true);
    const found = await admin.get("/api/v1/people?q=okafor");
    expect(found.body.items.map((p: { name: string }) => p.name)).toEqual(["Samuel Okafor"]);
    const marcus = await t.as("principal@riverside.example");
    expect(
      (await marcus.get("/api/v1/people?q=Lee")).body.items.map((p: { name: string }) => p.name),
    ).toEqual(["Jordan Lee"]);
    const lakeside = await t.as("admin@lakeside.example");
    const theirs = (await lakeside.get("/api/v1/people")).body.items.map((p: { email: string }) => p.email);
    expect(theirs).toEqual(["admin@lakeside.example", "teacher1@lakeside.example"]);
  });

  it("are not listed for educators", async () => {
    const jordan = await t.as("teacher1@riverside.example");
    const response = await jordan.get("/api/v1/people");
    expect(response.status).toBe(403);
    expect(response.body.detail).toBe(
      "Only administrators and school leaders can see the district's people.",
    );
  });
});

describe("an administrator managing people", () => {
  it("changes a role, which applies to the person's next request", async () => {
    const luis = await t.as("teacher8@riverside.example");
    expect((await luis.get("/api/v1/people")).status).toBe(403);
    const id = await t.personId("teacher8@riverside.example");
    const response = await admin.patch(`/api/v1/people/${id}`, {
      orgRole: "school_leader",
      schoolIds: [schools.elementary],
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ orgRole: "school_leader", schoolIds: [schools.elementary] });
    expect((await luis.get("/api/v1/me")).body.person.orgRole).toBe("school_leader");
    expect((await luis.get("/api/v1/people")).status).toBe(200);
    const elementary = (await admin.get("/api/v1/schools")).body.items.find(
      (s: { id: string }) => s.id === schools.elementary,
    );
    expect(elementary.leaderNames).toEqual(["Luis Ortega"]);
  });

  it("changes someone's schools, and rejects schools of another district", async () => {
    const id = await t.personId("teacher4@riverside.example");
    const moved = await admin.patch(`/api/v1/people/${id}`, { schoolIds: [schools.elementary] });
    expect(moved.body.schoolIds).toEqual([schools.elementary]);
    const wrong = await admin.patch(`/api/v1/people/${id}`, { schoolIds: [schools.lakesideHigh] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([
      { path: "schoolIds", message: "Choose schools from your district's list." },
    ]);
    const listed = (await admin.get("/api/v1/people?q=Novak")).body.items[0];
    expect(listed.schoolIds).toEqual([schools.elementary]);
  });

  it("cannot deactivate themselves nor give up their own administrator role", async () => {
    const me = (await admin.get("/api/v1/me")).body.person.id;
    const off = await admin.patch(`/api/v1/people/${me}`, { status: "deactivated" });
    expect(off.status).toBe(409);
    expect(off.body.errors).toEqual([
      {
        path: "status",
        message:
          "You cannot deactivate yourself or give up your own administrator role; ask another administrator.",
      },
    ]);
    const demoted = await admin.patch(`/api/v1/people/${me}`, { orgRole: "educator" });
    expect(demoted.status).toBe(409);
    expect(demoted.body.errors[0].path).toBe("orgRole");
    expect((await admin.get("/api/v1/me")).body.person).toMatchObject({
      orgRole: "administrator",
      status: "active",
    });
  });

  it("names a bad role and an unknown field", async () => {
    const id = await t.personId("teacher5@riverside.example");
    const response = await admin.patch(`/api/v1/people/${id}`, { orgRole: "superintendent", title: "x" });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { path: "orgRole", message: "Choose a role from the list." },
        { path: "title", message: '"title" is not a field here; remove it.' },
      ]),
    );
  });

  it("is refused to anyone who is not an administrator", async () => {
    const marcus = await t.as("principal@riverside.example");
    const id = await t.personId("teacher5@riverside.example");
    const response = await marcus.patch(`/api/v1/people/${id}`, { orgRole: "administrator" });
    expect(response.status).toBe(403);
    expect((await admin.get("/api/v1/people?q=Rahman")).body.items[0].orgRole).toBe("educator");
  });
});

describe("people of another district", () => {
  it("do not exist: 404, and nothing changes", async () => {
    const oliver = await t.personId("teacher1@lakeside.example");
    const response = await admin.patch(`/api/v1/people/${oliver}`, { orgRole: "administrator" });
    expect(response.status).toBe(404);
    expect(JSON.stringify(response.body)).not.toContain("Oliver");
    const lakeside = await t.as("admin@lakeside.example");
    const listed = (await lakeside.get("/api/v1/people?q=Brandt")).body.items[0];
    expect(listed.orgRole).toBe("educator");

    const riversider = await t.personId("teacher5@riverside.example");
    expect((await lakeside.patch(`/api/v1/people/${riversider}`, { status: "deactivated" })).status).toBe(
      404,
    );
    expect((await t.signIn("teacher5@riverside.example")).cookie).toMatch(/session_token/);
  });

  it("a malformed id is named as such", async () => {
    const response = await admin.patch("/api/v1/people/not-an-id", { orgRole: "educator" });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ path: "id", message: "This is not a valid id." }]);
  });
});
