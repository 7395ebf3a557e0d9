import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../test/app.ts";
import { oneRosterZip, sampleRoster } from "../../test/oneroster-zip.ts";
import { postRoster } from "./test-helpers.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe("roster import routes", () => {
  it("imports an upload, lists it in the history and shows its report; a retry does not import twice", async () => {
    const admin = await t.as("admin@riverside.example");
    const zip = oneRosterZip(
      sampleRoster({
        school: "Riverside Middle",
        teacherEmail: "teacher6@riverside.example",
        prefix: "route",
      }),
    );
    const key = { "idempotency-key": "roster-route-1" };
    const created = await postRoster(t.app, admin.cookie, zip, "bulk", key);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ status: "completed", fileName: "riverside.zip", problems: [] });
    expect(created.body.counts).toMatchObject({ "students.created": 2, "teachers.matched": 1 });
    const retry = await postRoster(t.app, admin.cookie, zip, "bulk", key);
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(created.body.id);
    const history = await admin.get("/api/v1/roster-imports");
    expect(history.body.imports.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
    const report = await admin.get(`/api/v1/roster-imports/${created.body.id}`);
    expect(report.body.counts).toEqual(created.body.counts);
  });

  it("answers a bad upload next to its field", async () => {
    const admin = await t.as("admin@riverside.example");
    const refused = await postRoster(t.app, admin.cookie, Buffer.from("a,b\n1,2\n"));
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ path: "file", message: expect.stringMatching(/not a zip/) }]);
    const kind = await postRoster(t.app, admin.cookie, oneRosterZip({}), "everything");
    expect(kind.status).toBe(400);
    expect(kind.body.errors?.[0]?.path).toBe("kind");
  });
});
