import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_URL, startTestApp, type TestApp } from "../../test/app.ts";
import { orgId as orgIdOf } from "../../test/factories.ts";
import { createStudent } from "../../test/student-factories.ts";
import { multipart } from "../artifacts/test-files.ts";

/*
 * The team's assessments through the API: the list, changing an assessment (and what may no longer change
 * once results exist), imports with an Idempotency-Key, the audit of each, and the size limit over a real
 * connection.
 */

let t: TestApp;
let communityId: string;
const COACH = "coach@riverside.example";
const MEMBER = "teacher1@riverside.example";

beforeAll(async () => {
  t = await startTestApp();
  const orgId = await orgIdOf(t.db, "riverside");
  for (const id of ["6001", "6002", "6003"]) await createStudent(t.db, { orgId, identifier: id });
  communityId = await t.communityId("Grade 7 Math Team");
});
afterAll(() => t.close());

const items = [
  { label: "Q1", maxPoints: 2, standard: "7.RP.A.1" },
  { label: "Q2", kind: "choice", maxPoints: 1, answerKey: "B", standard: "7.RP.A.2" },
];
async function create(title: string) {
  const created = await (await t.as(COACH)).post("/api/v1/assessments", { title, communityId, items });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as { id: string; updatedAt: string; items: { id: string }[] };
}
async function upload(assessmentId: string, file: string, headers: Record<string, string> = {}) {
  const client = await t.as(COACH);
  const options = {
    shape: "wide",
    mapping: { shape: "wide", student: "Student", items: { Q1: "Q1", Q2: "Q2" } },
  };
  const { body, contentType } = multipart([
    { name: "options", content: JSON.stringify(options) },
    { name: "file", filename: "wide.csv", content: file, type: "text/csv" },
  ]);
  const response = await t.app.inject({
    method: "POST",
    url: `/api/v1/assessments/${assessmentId}/imports`,
    payload: body,
    headers: { cookie: client.cookie, origin: PUBLIC_URL, "content-type": contentType, ...headers },
  });
  return { status: response.statusCode, body: response.json() };
}
const audit = async (action: string, subjectId: string) =>
  (
    await t.db.$client.query("select details from audit_events where action = $1 and subject_id = $2", [
      action,
      subjectId,
    ])
  ).rows.map((r) => r.details);

describe("a team's assessments", () => {
  it("lists them with items, standards, students with results and the last import; members read, may not import", async () => {
    const a = await create("List CFA");
    await upload(a.id, "Student,Q1,Q2\n6001,2,B\n6002,1,C\n");
    const list = await (await t.as(MEMBER)).get(`/api/v1/communities/${communityId}/assessments`);
    expect(list.status).toBe(200);
    expect(list.body.can).toEqual({ create: false });
    const row = list.body.items.find((i: { id: string }) => i.id === a.id);
    expect(row).toMatchObject({
      title: "List CFA",
      itemCount: 2,
      standards: ["7.RP.A.1", "7.RP.A.2"],
      studentsWithResults: 2,
      lastImportAt: expect.any(String),
    });
    const member = await t.as(MEMBER);
    expect((await member.get(`/api/v1/assessments/${a.id}`)).body.can).toEqual({
      edit: false,
      import: false,
    });
    expect((await member.get(`/api/v1/assessments/${a.id}/imports`)).status).toBe(403);
    expect((await member.patch(`/api/v1/assessments/${a.id}`, { title: "Mine now" })).status).toBe(403);
    expect(
      (await (await t.as(COACH)).get(`/api/v1/communities/${communityId}/assessments`)).body.can,
    ).toEqual({
      create: true,
    });
  });

  it("a partner and an educator outside the team are refused; another district does not see the team", async () => {
    for (const who of ["parent@riverside.example", "teacher6@riverside.example"])
      expect((await (await t.as(who)).get(`/api/v1/communities/${communityId}/assessments`)).status).toBe(
        403,
      );
    const lakeside = await t.as("admin@lakeside.example");
    expect((await lakeside.get(`/api/v1/communities/${communityId}/assessments`)).status).toBe(404);
  });

  it("district-wide assessments are the administrators'", async () => {
    const admin = await t.as("admin@riverside.example");
    const made = await admin.post("/api/v1/assessments", { title: "District benchmark", items });
    expect(made.status).toBe(201);
    const list = await admin.get("/api/v1/assessments?scope=district");
    expect(list.body.items.map((i: { title: string }) => i.title)).toContain("District benchmark");
    expect((await (await t.as(COACH)).get("/api/v1/assessments?scope=district")).status).toBe(403);
    expect((await admin.get("/api/v1/assessments")).status).toBe(400);
  });
});

describe("changing an assessment", () => {
  it("before results: title, threshold and items (added, removed, swapped labels); audited", async () => {
    const a = await create("Edit CFA");
    const coach = await t.as(COACH);
    const [q1, q2] = a.items;
    const changed = await coach.patch(`/api/v1/assessments/${a.id}`, {
      title: "Edit CFA (v2)",
      masteryPercent: 70,
      updatedAt: a.updatedAt,
      items: [
        { id: q2?.id, label: "Q1", kind: "choice", maxPoints: 1, answerKey: "c", standard: "7.RP.A.2" },
        { id: q1?.id, label: "Q2", maxPoints: 4, standard: "7.RP.A.3" },
        { label: "Q3", maxPoints: 1 },
      ],
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ title: "Edit CFA (v2)", masteryPercent: 70 });
    expect(
      changed.body.items.map((i: { label: string; maxPoints: number; answerKey: string }) => [
        i.label,
        i.maxPoints,
        i.answerKey,
      ]),
    ).toEqual([
      ["Q1", 1, "C"],
      ["Q2", 4, ""],
      ["Q3", 1, ""],
    ]);
    expect(await audit("assessment.changed", a.id)).toEqual([
      expect.objectContaining({ changed: expect.arrayContaining(["items", "title", "masteryPercent"]) }),
    ]);
    expect(await audit("assessment.created", a.id)).toHaveLength(1);
    const stale = await coach.patch(`/api/v1/assessments/${a.id}`, { title: "Late", updatedAt: a.updatedAt });
    expect(stale.status).toBe(409);
  });

  it("names the item's field that is wrong", async () => {
    const a = await create("Bad edit CFA");
    const bad = await (await t.as(COACH)).patch(`/api/v1/assessments/${a.id}`, {
      items: [
        { label: "Q1", kind: "choice", maxPoints: 1 },
        { label: "Q2", maxPoints: 0 },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        { path: "items.0.answerKey", message: "Give the letter of the right answer (A, B, C…)." },
        { path: "items.1.maxPoints", message: "The maximum points must be more than 0." },
      ]),
    );
  });

  it("once results exist: labels and standards only; anything else is refused, naming it", async () => {
    const a = await create("Locked CFA");
    await upload(a.id, "Student,Q1,Q2\n6001,2,B\n");
    const coach = await t.as(COACH);
    const [q1, q2] = a.items;
    const keep = [
      { id: q1?.id, label: "Item 1", maxPoints: 2, standard: "7.RP.A.3" },
      { id: q2?.id, label: "Q2", kind: "choice", maxPoints: 1, answerKey: "B", standard: "7.RP.A.2" },
    ];
    const ok = await coach.patch(`/api/v1/assessments/${a.id}`, { items: keep, masteryPercent: 75 });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.items[0]).toMatchObject({ label: "Item 1", standard: "7.RP.A.3" });
    const points = await coach.patch(`/api/v1/assessments/${a.id}`, {
      items: [{ ...keep[0], maxPoints: 5 }, keep[1]],
    });
    expect(points.status).toBe(409);
    expect(points.body.detail).toContain("maximum points can no longer change");
    const added = await coach.patch(`/api/v1/assessments/${a.id}`, {
      items: [...keep, { label: "Q3", maxPoints: 1 }],
    });
    expect(added.status).toBe(409);
    expect(added.body.detail).toContain("can no longer be added or removed");
  });
});

describe("imports", () => {
  it("a double submit with one Idempotency-Key records one import and answers the same report", async () => {
    const a = await create("Twice CFA");
    const file = "Student,Q1,Q2\n6001,2,B\n6003,0,A\n";
    const headers = { "idempotency-key": `import-${a.id}` };
    const [first, second] = await Promise.all([upload(a.id, file, headers), upload(a.id, file, headers)]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(first.body.id).toBe(second.body.id);
    const list = await (await t.as(COACH)).get(`/api/v1/assessments/${a.id}/imports`);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ rowsImported: 4, createdByName: "Priya Natarajan" });
    expect(await audit("results.imported", a.id)).toEqual([
      expect.objectContaining({ importId: first.body.id, rowsImported: 4, status: "completed" }),
    ]);
  });

  it("a request refused with an error keeps nothing of its key: the corrected retry imports", async () => {
    const a = await create("Retry CFA");
    const headers = { "idempotency-key": `retry-${a.id}` };
    const refused = await upload(a.id, "Pupil,Q1,Q2\n6001,2,B\n", headers);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].path).toBe("mapping.student");
    const retried = await upload(a.id, "Student,Q1,Q2\n6001,2,B\n", headers);
    expect(retried.status).toBe(201);
    expect(retried.body.rowsImported).toBe(2);
  });

  it("deleting an import removes its results and is audited", async () => {
    const a = await create("Delete CFA");
    const report = await upload(a.id, "Student,Q1,Q2\n6001,2,B\n");
    const coach = await t.as(COACH);
    expect((await (await t.as(MEMBER)).delete(`/api/v1/result-imports/${report.body.id}`)).status).toBe(403);
    expect((await coach.delete(`/api/v1/result-imports/${report.body.id}`)).status).toBe(204);
    expect((await coach.get(`/api/v1/assessments/${a.id}`)).body.studentsWithResults).toBe(0);
    expect(await audit("results.import_deleted", a.id)).toEqual([
      expect.objectContaining({ importId: report.body.id, resultsRemoved: 2 }),
    ]);
  });

  it("a declared 2 GB upload is refused with 413 problem+json over a real connection, before it is sent", async () => {
    const a = await create("Huge CFA");
    const cookie = (await t.as(COACH)).cookie;
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = t.app.server.address() as AddressInfo;
    const answer = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = httpRequest({
        host: "127.0.0.1",
        port,
        method: "POST",
        path: `/api/v1/assessments/${a.id}/imports`,
        headers: {
          cookie,
          origin: PUBLIC_URL,
          "content-type": "multipart/form-data; boundary=x",
          "content-length": String(2 * 1024 ** 3),
        },
      });
      req.on("response", (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => {
          body += c;
        });
        res.on("end", () => {
          // The rest of the 2 GB is never sent: close the connection so the server can stop.
          req.destroy();
          resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body });
        });
      });
      req.on("error", reject);
      // Only the start of the body: the answer must come without the 2 GB.
      req.write("--x\r\n");
    });
    expect(answer.status).toBe(413);
    expect(answer.type).toContain("application/problem+json");
    expect(JSON.parse(answer.body).detail).toMatch(/512 MB/);
    expect((await (await t.as(COACH)).get(`/api/v1/assessments/${a.id}/imports`)).body.items).toEqual([]);
  });
});
