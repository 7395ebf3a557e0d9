import { Readable } from "node:stream";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ResultMapping } from "../../../shared/results/mapping.ts";
import type { Db } from "../../db/client.ts";
import {
  assessmentItems,
  assessmentResults,
  assessments,
  resultImports,
  resultMappings,
} from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { cloneDatabase } from "../../test/database.ts";
import { orgId as orgIdOf, personIdOf } from "../../test/factories.ts";
import { createStudent } from "../../test/student-factories.ts";
import { type ImportItem, type ImportMode, importResults } from "./import.ts";

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
let coachId: string;
let assessmentId: string;
let items: ImportItem[];
const students: string[] = [];

beforeAll(async () => {
  ({ db, drop } = await cloneDatabase());
  orgId = await orgIdOf(db, "riverside");
  coachId = await personIdOf(db, "coach@riverside.example");
  assessmentId = newId();
  await db.insert(assessments).values({ id: assessmentId, orgId, title: "Ratios CFA", createdBy: coachId });
  items = [
    { id: newId(), label: "Q1", kind: "points", maxPoints: 2, answerKey: "" },
    { id: newId(), label: "Q2", kind: "choice", maxPoints: 1, answerKey: "B" },
  ];
  await db
    .insert(assessmentItems)
    .values(items.map((i, n) => ({ ...i, orgId, assessmentId, position: n, standard: `7.RP.A.${n + 1}` })));
  for (const n of [1, 2, 3])
    students.push((await createStudent(db, { orgId, identifier: `100${n}` })).identifier);
});
afterAll(() => drop());

const long: ResultMapping = {
  shape: "long",
  student: "Student ID",
  item: "Item",
  score: "Score",
  response: "Response",
};
const run = (
  text: string | Buffer,
  o: { mode?: ImportMode; mapping?: ResultMapping; limitBytes?: number } = {},
) =>
  importResults(db.$client, {
    orgId,
    assessmentId,
    personId: coachId,
    items,
    mapping: o.mapping ?? long,
    mode: o.mode ?? "all_or_nothing",
    fileName: "results.csv",
    file: Readable.from([Buffer.from(text)]),
    limitBytes: o.limitBytes ?? 1024 * 1024,
  });
const stored = () =>
  db
    .select({
      score: assessmentResults.score,
      response: assessmentResults.response,
      importId: assessmentResults.importId,
    })
    .from(assessmentResults)
    .where(eq(assessmentResults.assessmentId, assessmentId));
const clear = () => db.delete(resultImports).where(eq(resultImports.assessmentId, assessmentId));

describe("importing a results file", () => {
  it("imports a clean long file (semicolons, BOM, CRLF, quoted cells) and again without doubling", async () => {
    await clear();
    const file = '\uFEFFStudent ID;Item;Score;Response\r\n1001;Q1;2;\r\n"1001";"Q2";;"b"\r\n1002;Q1;1.5;\r\n';
    const first = await run(file);
    expect(first).toMatchObject({ status: "completed", rowsRead: 3, rowsImported: 3, problems: [] });
    expect(first.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    const again = await run(file);
    expect(again.rowsImported).toBe(3);
    const rows = await stored();
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.importId === again.id)).toBe(true);
    expect(rows.map((r) => r.score).sort()).toEqual([1, 1.5, 2]);
    const [mapping] = await db.select().from(resultMappings).where(eq(resultMappings.personId, coachId));
    expect(mapping?.mapping).toEqual(long);
  });

  it("lists every bad row by line and imports nothing, or only the good rows when asked", async () => {
    await clear();
    const file = [
      "Student ID,Item,Score,Response",
      "1001,Q1,3,", // above the maximum
      "9999,Q1,1,", // unknown student
      "1002,Q1,1,",
      "1002,Q1,2,", // duplicate
      "1003,Q2,,B",
    ].join("\n");
    const report = await run(file);
    expect(report.status).toBe("failed");
    expect(report.problems.map((p) => [p.line, p.field])).toEqual([
      [2, "Score"],
      [3, "student"],
      [5, "student"],
    ]);
    expect(report.problems[1]?.message).toContain("“9999”");
    expect(await stored()).toEqual([]);
    const good = await run(file, { mode: "good_rows_only" });
    expect(good).toMatchObject({ status: "completed", rowsRead: 5, rowsImported: 2 });
    expect((await stored()).map((r) => r.score).sort()).toEqual([1, 1]);
  });

  it("reports a row that does not fit the header (a comma file read with a stray delimiter) and imports nothing", async () => {
    await clear();
    const report = await run("Student ID,Item,Score,Response\n1001,Q1,2,\n1002,Q1,1,5,\n", {
      mode: "good_rows_only",
    });
    expect(report.status).toBe("failed");
    expect(report.problems).toEqual([
      { line: 3, field: "file", message: expect.stringContaining("number of cells") },
    ]);
    expect(await stored()).toEqual([]);
  });

  it("refuses a mapping that does not fit the header, naming the field", async () => {
    await expect(run("Student,Q1\n1001,2\n")).rejects.toMatchObject({
      status: 400,
      errors: [{ path: "mapping.student", message: expect.stringContaining("no column “Student ID”") }],
    });
  });

  it("stops a file over the size limit with a 413, nothing written", async () => {
    await clear();
    const big = `Student ID,Item,Score,Response\n${"1001,Q1,2,\n".repeat(200)}`;
    await expect(run(big, { limitBytes: 1000 })).rejects.toMatchObject({ status: 413 });
    expect(await stored()).toEqual([]);
    expect(await db.select().from(resultImports).where(eq(resultImports.assessmentId, assessmentId))).toEqual(
      [],
    );
  });

  it("reads a wide file, and deleting its import removes every row it wrote", async () => {
    await clear();
    const wide: ResultMapping = { shape: "wide", student: "Student", items: { Q1: "Q1", Q2: "Q2" } };
    const report = await run("Student\tQ1\tQ2\n1001\t2\tB\n1002\t0\tC\n", { mapping: wide });
    expect(report).toMatchObject({ status: "completed", rowsRead: 2, rowsImported: 4 });
    await db.delete(resultImports).where(eq(resultImports.id, report.id));
    expect(await stored()).toEqual([]);
    const [{ n } = { n: -1 }] = await db
      .execute<{ n: number }>(
        sql`select count(*)::int as n from assessment_results where import_id = ${report.id}`,
      )
      .then((r) => r.rows);
    expect(n).toBe(0);
  });
});

describe("students resolved once per id, in SQL", () => {
  it("a student named by roster id on one row and by student number on another is a duplicate", async () => {
    await clear();
    const [{ sourced = "" } = {}] = await db
      .execute<{ sourced: string }>(
        sql`select sourced_id as sourced from student_identities where org_id = ${orgId} and identifier = '1001'`,
      )
      .then((r) => r.rows);
    const file = `Student ID,Item,Score,Response\n1001,Q1,2,\n${sourced},Q1,1,\n1002,Q1,1,\n`;
    const report = await run(file);
    expect(report.status).toBe("failed");
    expect(report.problems).toEqual([
      { line: 3, field: "student", message: expect.stringContaining("on line 2") },
    ]);
    const good = await run(file, { mode: "good_rows_only" });
    expect(good.rowsImported).toBe(2);
    expect((await stored()).map((r) => r.score).sort()).toEqual([1, 2]);
  });

  it("counts every unknown student beyond the listed ones, and keeps lines right across COPY batches and quoted line breaks", async () => {
    await clear();
    await db.execute(sql`
      with s as (select gen_random_uuid() as id, n from generate_series(1, 3000) n),
           i as (insert into students (id, org_id, pseudonym) select id, ${orgId}, 'S-LINES' || n from s)
      insert into student_identities (student_id, org_id, sourced_id, identifier, given_name, family_name)
      select id, ${orgId}, 'lines-' || n, 'L' || n, 'Line', 'Student' from s`);
    // 6,000 good rows (the COPY text crosses several 64 KB batches), a quoted cell with a line break, then
    // 300 unknown students.
    const rows = ['L1,Q1,2,"a\r\nnote"'];
    for (let n = 1; n <= 3000; n++) rows.push(`L${n},Q2,,B`, ...(n > 1 ? [`"L${n}",Q1,1,`] : []));
    for (let n = 0; n < 300; n++) rows.push(`X${n},Q1,1,`);
    const text = `Student ID,Item,Score,"Response\n(letter)"\n${rows.join("\r\n")}\r\n`;
    const mapping: ResultMapping = { ...long, response: "Response\n(letter)" };
    const report = await run(text, { mapping, mode: "good_rows_only" });
    // The header takes lines 1–2 (a quoted line break), the first row lines 3–4; the unknown ones follow.
    const first = 5 + 5999;
    expect(report.problems[0]).toEqual({
      line: first,
      field: "student",
      message: expect.stringContaining("“X0”"),
    });
    expect(report.problems[199]?.line).toBe(first + 199);
    expect(report.moreProblems).toBe(100);
    expect(report).toMatchObject({ status: "completed", rowsRead: 6_300, rowsImported: 6_000 });
  });
});

describe("a large file", () => {
  it("imports 200,000 rows streaming: the process's memory does not grow with the file", async () => {
    await clear();
    const count = 10_000;
    const many = Array.from({ length: 20 }, (_, n) => ({
      id: newId(),
      label: `Item ${n + 1}`,
      kind: "points" as const,
      maxPoints: 4,
      answerKey: "",
    }));
    await db
      .insert(assessmentItems)
      .values(many.map((i, n) => ({ ...i, orgId, assessmentId, position: 10 + n })));
    await db.execute(sql`
      with s as (select gen_random_uuid() as id, n from generate_series(1, ${count}) n),
           i as (insert into students (id, org_id, pseudonym) select id, ${orgId}, 'S-BIG' || n from s)
      insert into student_identities (student_id, org_id, sourced_id, identifier, given_name, family_name)
      select id, ${orgId}, 'big-' || n, 'B' || n, 'Big', 'Student' from s`);
    // Rows made as they are read: the test holds no file either.
    async function* file(students: number) {
      yield "Student ID,Item,Score,Response\n";
      for (let s = 1; s <= students; s++) {
        let chunk = "";
        for (let i = 1; i <= 20; i++) chunk += `B${s},Item ${i},${(s + i) % 5},\n`;
        yield chunk;
      }
    }
    const importOf = async (students: number) => {
      let peak = process.memoryUsage().rss;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 10);
      const report = await importResults(db.$client, {
        orgId,
        assessmentId,
        personId: coachId,
        items: [...items, ...many],
        mapping: long,
        mode: "all_or_nothing",
        fileName: "district.csv",
        file: Readable.from(file(students)),
        limitBytes: 1024 ** 3,
      });
      clearInterval(sampler);
      return { report, peak: Math.max(peak, process.memoryUsage().rss) };
    };
    const before = process.memoryUsage().rss;
    const small = await importOf(count / 4);
    const large = await importOf(count);
    expect(small.report.rowsImported).toBe(50_000);
    expect(large.report).toMatchObject({
      status: "completed",
      rowsRead: 200_000,
      rowsImported: 200_000,
      problems: [],
    });
    const mb = (bytes: number) => bytes / 1024 / 1024;
    console.log(
      `RSS peak above the start: 50,000 rows ${mb(small.peak - before).toFixed(1)} MB, ` +
        `200,000 rows (${(large.report.fileBytes / 1e6).toFixed(1)} MB file) ${mb(large.peak - before).toFixed(1)} MB`,
    );
    // The first import warms V8's heap and the parser up to their working size; a file four times as long
    // must then not need more. Holding the 150,000 extra rows (a parsed record, its strings, a result object:
    // ~300 bytes each) would add ~45 MB; 20 MB leaves room for the collector's timing and still fails that.
    expect(mb(large.peak - small.peak)).toBeLessThan(20);
  }, 120_000);
});
