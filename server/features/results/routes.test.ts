import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_URL, startTestApp, type TestApp } from "../../test/app.ts";
import { orgId as orgIdOf } from "../../test/factories.ts";
import { createStudent } from "../../test/student-factories.ts";
import { multipart } from "../artifacts/test-files.ts";

let t: TestApp;
let assessmentId: string;
const COACH = "coach@riverside.example";

beforeAll(async () => {
  t = await startTestApp();
  const orgId = await orgIdOf(t.db, "riverside");
  for (const id of ["5001", "5002"]) await createStudent(t.db, { orgId, identifier: id });
  const coach = await t.as(COACH);
  const created = await coach.post(
    "/api/v1/assessments",
    {
      title: "Ratios CFA",
      communityId: await t.communityId("Grade 7 Math Team"),
      items: [
        { label: "Q1", maxPoints: 2, standard: "7.RP.A.1" },
        { label: "Q2", kind: "choice", maxPoints: 1, answerKey: "B", standard: "7.RP.A.2" },
      ],
    },
    { "idempotency-key": "results-routes-1" },
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  assessmentId = created.body.id;
});
afterAll(() => t.close());

const long = { shape: "long", student: "Student ID", item: "Item", score: "Score", response: "Response" };
async function upload(file: string, options: unknown = { shape: "long", mapping: long }) {
  const client = await t.as(COACH);
  const { body, contentType } = multipart([
    { name: "options", content: JSON.stringify(options) },
    { name: "file", filename: "results.csv", content: file, type: "text/csv" },
  ]);
  const response = await t.app.inject({
    method: "POST",
    url: `/api/v1/assessments/${assessmentId}/imports`,
    payload: body,
    headers: { cookie: client.cookie, origin: PUBLIC_URL, "content-type": contentType },
  });
  return { status: response.statusCode, body: response.json() };
}

describe("importing results through the API", () => {
  it("an Excel-style file (BOM, CRLF, quoted cells with commas and quotes) imports; again, nothing doubles", async () => {
    const file =
      '\uFEFF"Student ID","Item","Score","Response","Note"\r\n"5001","Q1","2","","said ""easy"", then stuck"\r\n5001,Q2,,b,\r\n';
    const first = await upload(file);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ status: "completed", rowsRead: 2, rowsImported: 2, problems: [] });
    const again = await upload(file);
    expect(again.body).toMatchObject({ status: "completed", rowsImported: 2 });
    const { rows } = await t.db.$client.query(
      "select count(*)::int as n from assessment_results where assessment_id = $1",
      [assessmentId],
    );
    expect(rows[0].n).toBe(2);
    const list = await (await t.as(COACH)).get(`/api/v1/assessments/${assessmentId}/imports`);
    expect(list.body.items).toHaveLength(2);
  });

  it("a formula cell is text: an unknown student, reported as written, nothing imported", async () => {
    const report = await upload(
      'Student ID,Item,Score,Response\n"=HYPERLINK(""http://x"")",Q1,1,\n5002,Q1,9,\n',
    );
    expect(report.body.status).toBe("failed");
    expect(report.body.problems).toEqual([
      { line: 2, field: "student", message: expect.stringContaining('“=HYPERLINK("http://x")”') },
      { line: 3, field: "Score", message: expect.stringContaining("outside item Q1’s 0 to 2 points") },
    ]);
  });

  it("names the mapping field that does not fit, and refuses options that are not { shape, mapping, mode }", async () => {
    const wrong = await upload("Student,Q1\n5001,1\n");
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].path).toBe("mapping.student");
    const notJson = await upload("Student ID,Item,Score\n", "{" as unknown);
    expect(notJson.status).toBe(400);
  });

  it("deleting an import removes its results", async () => {
    const report = await upload("Student ID,Item,Score,Response\n5002,Q1,1,\n");
    const deleted = await (await t.as(COACH)).delete(`/api/v1/result-imports/${report.body.id}`);
    expect(deleted.status).toBe(204);
    const { rows } = await t.db.$client.query(
      "select count(*)::int as n from assessment_results where import_id = $1",
      [report.body.id],
    );
    expect(rows[0].n).toBe(0);
  });
});

describe("previewing a results file", () => {
  it("shows the delimiter, header and first 20 rows, then offers the mapping used last for this header", async () => {
    const client = await t.as(COACH);
    const rows = Array.from({ length: 30 }, (_, n) => `500${(n % 2) + 1};Q1;${n % 3};`).join("\n");
    const { body, contentType } = multipart([
      {
        name: "file",
        filename: "r.csv",
        content: `Student ID;Item;Score;Response\n${rows}\n`,
        type: "text/csv",
      },
    ]);
    const response = await t.app.inject({
      method: "POST",
      url: `/api/v1/assessments/${assessmentId}/imports/preview`,
      payload: body,
      headers: { cookie: client.cookie, origin: PUBLIC_URL, "content-type": contentType },
    });
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json();
    expect(preview).toMatchObject({ delimiter: ";", header: ["Student ID", "Item", "Score", "Response"] });
    expect(preview.rows).toHaveLength(20);
    // The earlier imports of this person used this header: their mapping is offered again.
    expect(preview).toMatchObject({ remembered: true, mapping: long });
  });
});
