import type pg from "pg";
import type { RowProblem } from "../../../shared/results/rows.ts";

/** How many problems a report lists by line; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 200;

/**
 * The problems of one import: the first MAX_LISTED_PROBLEMS of each source kept (so memory stays flat
 * whatever the file), merged by line at the end, and a count of all of them.
 */
export class Problems {
  count = 0;
  /** A problem that makes the file unreadable from its line on (a CSV syntax error): nothing is imported. */
  fatal = false;
  private readonly kept: RowProblem[] = [];
  add(p: RowProblem): void {
    this.count++;
    if (p.field === "file") this.fatal = true;
    if (this.kept.length < MAX_LISTED_PROBLEMS) this.kept.push(p);
  }
  /** Problems found in SQL (already at most MAX_LISTED_PROBLEMS, by line), with their total. */
  merge(found: RowProblem[], total: number): void {
    this.count += total;
    this.kept.push(...found);
  }
  first(): RowProblem[] {
    return this.kept.sort((a, b) => a.line - b.line).slice(0, MAX_LISTED_PROBLEMS);
  }
  rest(): number {
    return this.count - this.first().length;
  }
}

/**
 * Students resolved by the district student number or the roster id — once per distinct id of the file
 * (a district file names 50,000 students in 1,000,000 rows), into `result_students` — then the problems
 * only the whole file shows: unknown students and duplicate student–item rows. The later duplicate is the
 * problem (the first row is kept); rows of unknown students stay out of the results. Each listing query
 * runs only when a cheap count found something, so a clean file costs one hash join and one aggregate.
 * Returns whether the file has duplicates (the upsert then keeps the first row of each).
 */
export async function sqlProblems(
  client: pg.PoolClient,
  orgId: string,
  problems: Problems,
): Promise<boolean> {
  await client.query(
    `create temporary table result_students on commit drop as
     select s.student, coalesce(
              (select i.student_id from student_identities i
                where i.org_id = $1 and i.identifier = s.student and i.identifier <> '' limit 1),
              (select i.student_id from student_identities i where i.org_id = $1 and i.sourced_id = s.student)
            ) as student_id
       from (select distinct student from result_staging) s`,
    [orgId],
  );
  await client.query("analyze result_students");
  const unknownCount = await count(client, "select count(*) from result_students where student_id is null");
  if (unknownCount > 0) await unknownStudents(client, problems);
  const dupeCount = await count(
    client,
    `select count(*) from (select 1 from result_staging r join result_students k using (student)
      where k.student_id is not null group by k.student_id, r.item_id having count(*) > 1) d`,
  );
  if (dupeCount > 0) await duplicates(client, problems);
  return dupeCount > 0;
}

const count = async (client: pg.PoolClient, query: string) =>
  Number((await client.query<{ count: string }>(query)).rows[0]?.count ?? 0);

async function unknownStudents(client: pg.PoolClient, problems: Problems): Promise<void> {
  const unknown = await client.query<{ line: number; student: string; total: string }>(
    `select line, student, count(*) over () as total from result_staging r join result_students k using (student)
      where k.student_id is null order by line limit $1`,
    [MAX_LISTED_PROBLEMS],
  );
  problems.merge(
    unknown.rows.map((u) => ({
      line: u.line,
      field: "student",
      message: `No student of the district has the id “${u.student}”: correct the id, or import the roster that has this student first.`,
    })),
    Number(unknown.rows[0]?.total ?? 0),
  );
}

async function duplicates(client: pg.PoolClient, problems: Problems): Promise<void> {
  const dupes = await client.query<{
    line: number;
    student: string;
    label: string;
    first: number;
    total: string;
  }>(
    `select d.line, d.student, i.label, d.first, count(*) over () as total
       from (select r.line, r.student, r.item_id,
                    first_value(r.line) over w as first, row_number() over w as n
               from result_staging r join result_students k using (student) where k.student_id is not null
             window w as (partition by k.student_id, r.item_id order by r.line)) d
       join assessment_items i on i.id = d.item_id
      where d.n > 1 order by d.line limit $1`,
    [MAX_LISTED_PROBLEMS],
  );
  problems.merge(
    dupes.rows.map((d) => ({
      line: d.line,
      field: "student",
      message: `Student ${d.student} already has a result for item ${d.label} on line ${d.first}: keep one of the two rows.`,
    })),
    Number(dupes.rows[0]?.total ?? 0),
  );
}
