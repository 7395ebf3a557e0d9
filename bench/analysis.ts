// Benchmark (issue 6): mastery by standard and item analysis over a district's 1,000,000 result rows
// (50,000 students × 20 items, 20 schools, 2,000 classes, written straight into the database with
// generate_series), for one school and for the whole district, through the API as an administrator.
// The first request rebuilds the pre-aggregated standard scores (reported apart); then p50/p95 of
// ROUNDS requests each. `node bench/analysis.ts` runs it alone.
import pg from "pg";
import { signIn, startBenchLamplight, stopProcess } from "./processes.ts";

const APP_PORT = 3270;
const PG_PORT = 54420;
const STUDENTS = Number(process.env.BENCH_ANALYSIS_STUDENTS ?? 50_000);
const SCHOOLS = 20;
const CLASS_SIZE = 25;
const ITEMS = 20;
const ROUNDS = Number(process.env.BENCH_ANALYSIS_ROUNDS ?? 20);

export type AnalysisRow = { name: string; p50: number; p95: number; max: number };

/** Schools, classes of CLASS_SIZE, students enrolled in one class each, a district-wide assessment. */
async function seed(client: pg.Client): Promise<{ assessmentId: string; schoolIds: string[] }> {
  const org = (await client.query("select id from organizations where slug = 'riverside'")).rows[0].id;
  const admin = (await client.query("select id from people where email = 'admin@riverside.example'")).rows[0]
    .id;
  await client.query("begin");
  await client.query(
    `insert into schools (id, org_id, name)
     select gen_random_uuid(), $1, 'Bench School ' || lpad(n::text, 2, '0') from generate_series(1, $2::int) n`,
    [org, SCHOOLS],
  );
  const classes = Math.ceil(STUDENTS / CLASS_SIZE);
  await client.query(
    `with s as (select id, row_number() over (order by name) - 1 as k from schools
                 where org_id = $1 and name like 'Bench School %')
     insert into classes (id, org_id, sourced_id, school_id, title)
     select gen_random_uuid(), $1, 'bench-class-' || n, s.id, 'Math 7 bench ' || n
       from generate_series(0, $2::int - 1) n join s on s.k = n % $3`,
    [org, classes, SCHOOLS],
  );
  await client.query(
    `with c as (select id, school_id, row_number() over (order by sourced_id) - 1 as k from classes
                 where org_id = $1 and sourced_id like 'bench-class-%'),
          s as (select gen_random_uuid() as id, n from generate_series(0, $2::int - 1) n),
          placed as (select s.id, s.n, c.id as class_id, c.school_id from s join c on c.k = s.n / $3),
          st as (insert into students (id, org_id, pseudonym, school_ids)
                 select id, $1, 'BENCH-' || n, array[school_id] from placed)
     insert into enrollments (id, org_id, sourced_id, class_id, role, student_id)
     select gen_random_uuid(), $1, 'bench-enr-' || n, class_id, 'student', id from placed`,
    [org, STUDENTS, CLASS_SIZE],
  );
  const assessmentId = (
    await client.query(
      `insert into assessments (id, org_id, community_id, title, mastery_percent, created_by)
       values (gen_random_uuid(), $1, null, 'Bench district CFA', 75, $2) returning id`,
      [org, admin],
    )
  ).rows[0].id;
  // Items: 15 points items (0–2) and 5 choice items (key B), over 5 standards.
  await client.query(
    `insert into assessment_items (id, org_id, assessment_id, label, position, kind, standard, max_points, answer_key)
     select gen_random_uuid(), $1, $2, 'Q' || (n + 1), n,
            case when n >= 15 then 'choice' else 'points' end, '7.RP.A.' || (n % 5 + 1),
            case when n >= 15 then 1 else 2 end, case when n >= 15 then 'B' else '' end
       from generate_series(0, $3::int - 1) n`,
    [org, assessmentId, ITEMS],
  );
  const importId = (
    await client.query(
      `insert into result_imports (id, org_id, assessment_id, shape, status, file_sha256, mapping, created_by)
       values (gen_random_uuid(), $1, $2, 'long', 'completed', 'bench', '{}', $3) returning id`,
      [org, assessmentId, admin],
    )
  ).rows[0].id;
  await client.query(
    `insert into assessment_results (org_id, assessment_id, item_id, student_id, score, response, import_id)
     select $1, $2, i.id, s.id,
            case when i.kind = 'choice' then (r.letter = 'B')::int else floor(r.x * 3) end,
            case when i.kind = 'choice' then r.letter else '' end, $3
       from students s cross join assessment_items i
       cross join lateral (select random() as x,
                                  substr('ABCD', 1 + floor(random() * 4)::int, 1) as letter) r
      where s.org_id = $1 and s.pseudonym like 'BENCH-%' and i.assessment_id = $2`,
    [org, assessmentId, importId],
  );
  await client.query("update assessments set results_changed_at = now() where id = $1", [assessmentId]);
  // The principal also leads the first bench school: a reader whose counts are never cached (only an
  // administrator's are), so the table shows the uncached path too.
  await client.query(
    `insert into person_schools (org_id, person_id, school_id)
     select $1, p.id, s.id from people p, schools s
      where p.email = 'principal@riverside.example' and s.org_id = $1 and s.name = 'Bench School 01'`,
    [org],
  );
  await client.query("commit");
  await client.query("analyze");
  const schools = await client.query("select id from schools where name like 'Bench School %' order by name");
  return { assessmentId, schoolIds: schools.rows.map((r) => r.id) };
}

async function timed(url: string, cookie: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  const body = await response.text();
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${body.slice(0, 300)}`);
  return performance.now() - started;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

export async function analysisBenchmark() {
  const { app, databaseUrl } = await startBenchLamplight("bench-analysis", { app: APP_PORT, pg: PG_PORT });
  try {
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on("error", () => {}); // the database stops with the app at the end
    await client.connect();
    const started = performance.now();
    const { assessmentId, schoolIds } = await seed(client);
    const schoolId = schoolIds[0] as string;
    const rows = (await client.query("select count(*)::int as n from assessment_results")).rows[0].n;
    console.log(
      `\nSeeded ${STUDENTS.toLocaleString("en")} students in ${SCHOOLS} schools and ${Math.ceil(STUDENTS / CLASS_SIZE)} classes, ${rows.toLocaleString("en")} result rows in ${((performance.now() - started) / 1000).toFixed(0)} s.`,
    );
    await client.end();
    if (process.env.BENCH_ANALYSIS_KEEP) {
      console.log(`Kept for study: ${databaseUrl} assessment ${assessmentId} school ${schoolId}`);
      await new Promise((r) => setTimeout(r, Number(process.env.BENCH_ANALYSIS_KEEP) * 1000));
    }
    const base = `http://127.0.0.1:${APP_PORT}`;
    const cookie = await signIn(base, "admin@riverside.example");
    const url = `${base}/api/v1/assessments/${assessmentId}/analysis`;
    const rebuild = await timed(url, cookie);
    const table: AnalysisRow[] = [];
    // Each school once, before any was asked for: nothing about them is cached yet (cache.ts).
    const cold: number[] = [];
    for (const id of schoolIds.slice(1)) cold.push(await timed(`${url}?schoolId=${id}`, cookie));
    cold.sort((a, b) => a - b);
    table.push({
      name: `one school, first time (${schoolIds.length - 1} schools)`,
      p50: quantile(cold, 0.5),
      p95: quantile(cold, 0.95),
      max: cold.at(-1) ?? 0,
    });
    const leader = await signIn(base, "principal@riverside.example");
    for (const [name, target, who] of [
      ["district (50,000 students, 1,000,000 rows), again", url, cookie],
      [`one school (${STUDENTS / SCHOOLS} students), again`, `${url}?schoolId=${schoolId}`, cookie],
      [`one school, as its leader (not cached)`, url, leader],
    ] as const) {
      const times: number[] = [];
      for (let n = 0; n < ROUNDS; n++) times.push(await timed(target, who));
      times.sort((a, b) => a - b);
      table.push({ name, p50: quantile(times, 0.5), p95: quantile(times, 0.95), max: times.at(-1) ?? 0 });
    }
    console.log(
      `\nAnalysis (mastery by standard, by class and school, heat map, item analysis), ${ROUNDS} requests each:`,
    );
    console.log(`  first request, rebuilding the standard scores: ${rebuild.toFixed(0)} ms`);
    console.log("  scope                                        p50 ms   p95 ms   max ms");
    for (const r of table)
      console.log(
        `  ${r.name.padEnd(44)} ${r.p50.toFixed(0).padStart(6)} ${r.p95.toFixed(0).padStart(8)} ${r.max.toFixed(0).padStart(8)}`,
      );
    return { rebuildMs: rebuild, rows: table };
  } finally {
    await stopProcess(app);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await analysisBenchmark();
  const worst = Math.max(...result.rows.map((r) => r.p50));
  console.log(`\nTarget: p50 < 200 ms (got ${worst.toFixed(0)} ms).`);
}
