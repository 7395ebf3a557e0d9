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
 * Students resolved by the district student number or the roster id, then the problems only the whole
 * file shows: unknown students and duplicate student–item rows. The later duplicate is the problem (the
 * first row is kept); rows of unknown students stay out of the results.
 */
export async function sqlProblems(client: pg.PoolClient, orgId: string, problems: Problems): Promise<void> {
  await client.query(
    `update result_staging s set student_id = i.student_id from student_identities i
      where i.org_id = $1 and i.identifier = s.student and i.identifier <> ''`,
    [orgId],
  );
  await client.query(
    `update result_staging s set student_id = i.student_id from student_identities i
      where s.student_id is null and i.org_id = $1 and i.sourced_id = s.student`,
    [orgId],
  );
  const unknown = await client.query<{ line: number; student: string; total: string }>(
    `select line, student, count(*) over () as total from result_staging
      where student_id is null order by line limit $1`,
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
  const dupes = await client.query<{
    line: number;
    student: string;
    label: string;
    first: number;
    total: string;
  }>(
    `select d.line, d.student, i.label, d.first, count(*) over () as total
       from (select line, student, item_id, student_id,
                    first_value(line) over w as first, row_number() over w as n
               from result_staging where student_id is not null
             window w as (partition by student_id, item_id order by line)) d
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
