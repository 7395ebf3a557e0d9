import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloneDatabase } from "../../test/database.ts";
import type { Db } from "../client.ts";
import { seedDemoStudents } from "./demo-students.ts";

// The demo's student data is written straight to the tables, so it is checked here against the story the
// README tells and the rules an import applies.
let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await cloneDatabase());
  await seedDemoStudents(db);
});
afterAll(() => drop());

const rows = async <T>(query: ReturnType<typeof sql>) =>
  (await db.execute<T & Record<string, unknown>>(query)).rows;

/** Percent of students at or above mastery per standard on an assessment, computed from the raw results. */
const mastery = (title: string) =>
  rows<{ standard: string; percent: number }>(sql`
    with per as (
      select r.student_id, i.standard, sum(r.score) / sum(i.max_points) as fraction, a.mastery_percent
      from assessment_results r join assessment_items i on i.id = r.item_id
      join assessments a on a.id = r.assessment_id
      where a.title = ${title} group by r.student_id, i.standard, a.mastery_percent)
    select standard, (100.0 * avg((fraction * 100 >= mastery_percent)::int))::float8 as percent
    from per group by standard order by standard`);

describe("the demo students and results", () => {
  it("gives the Grade 7 Math Team five classes, one smaller than the district's minimum group", async () => {
    const sizes = await rows<{ title: string; n: number; teacher: string }>(sql`
      select c.title, count(*) filter (where e.role = 'student')::int as n,
        max(p.email) as teacher
      from classes c join enrollments e on e.class_id = c.id left join people p on p.id = e.person_id
      group by c.title order by c.title`);
    expect(sizes).toHaveLength(5);
    expect(sizes.filter((s) => s.n < 10).map((s) => s.title)).toEqual(["Math 7 Support — Period 6"]);
    expect(sizes.every((s) => s.teacher.endsWith("@riverside.example"))).toBe(true);
  });

  it("keeps every score within its item's points, and choice scores agree with the key", async () => {
    const [bad] = await rows<{ n: number }>(sql`
      select count(*)::int as n from assessment_results r join assessment_items i on i.id = r.item_id
      where r.score < 0 or r.score > i.max_points
        or (i.kind = 'choice' and (r.score = 1) <> (r.response = i.answer_key))`);
    expect(bad?.n).toBe(0);
    const [counts] = await rows<{ results: number; students: number }>(sql`
      select count(*)::int as results, count(distinct student_id)::int as students from assessment_results`);
    expect(counts).toEqual({ results: 110 * 10 * 2, students: 110 });
  });

  it("makes 7.RP.A.2 the weakest standard on the common formative assessment, grown since the pre-assessment", async () => {
    const after = await mastery("Unit 3 Ratios — common formative assessment");
    const before = await mastery("Unit 3 Ratios — pre-assessment");
    const weakest = [...after].sort((a, b) => a.percent - b.percent)[0];
    expect(weakest?.standard).toBe("7.RP.A.2");
    for (const s of after) {
      const was = before.find((b) => b.standard === s.standard);
      expect(s.percent, s.standard).toBeGreaterThan(was?.percent ?? 100);
    }
    // Neither all nor none: a heat map worth reading.
    for (const s of after) expect(s.percent).toBeGreaterThan(5);
    for (const s of after) expect(s.percent).toBeLessThan(95);
  });

  it("has Q5's most common wrong answer be B", async () => {
    const [top] = await rows<{ response: string }>(sql`
      select r.response from assessment_results r join assessment_items i on i.id = r.item_id
      join assessments a on a.id = r.assessment_id
      where i.label = 'Q5' and r.score = 0 and a.title like '%common formative%'
      group by r.response order by count(*) desc limit 1`);
    expect(top?.response).toBe("B");
  });

  it("is skipped when Riverside already has students", async () => {
    await seedDemoStudents(db);
    const [n] = await rows<{ n: number }>(sql`select count(*)::int as n from students`);
    expect(n?.n).toBe(110);
  });
});
