// Benchmark (issue 7): the results of a district-wide anonymous survey of 30 four-point statements
// (five attributes × six) with 5,000 submitted responses — 150,000 answers written straight into the
// database with generate_series — across six schools and two roles, read through the API as an
// administrator: unfiltered, by school and by role. Against the bare-server baseline answering the
// unfiltered results from memory. `node bench/surveys.ts` runs it alone.
import { writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { communityHealthSurvey } from "../shared/surveys/builtin/community-health.ts";
import type { SurveyDefinition } from "../shared/surveys/definition.ts";
import { type LoadResult, load, printTable } from "./load.ts";
import { signIn, startBenchLamplight, startProcess, stopProcess } from "./processes.ts";

const APP_PORT = 3290;
const BARE_PORT = 3291;
const PG_PORT = 54440;
const RESPONSES = Number(process.env.BENCH_SURVEY_RESPONSES ?? 5_000);
const SCHOOLS = 6;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_SURVEY_CONNECTIONS ?? 4);

/** The health instrument with a sixth statement per attribute and no open questions: 30 Likert items. */
const definition: SurveyDefinition = {
  ...communityHealthSurvey,
  sections: communityHealthSurvey.sections.map((s) => ({
    ...s,
    questions: [
      ...s.questions.filter((q) => q.kind === "likert"),
      { key: `${s.key}-6`, kind: "likert", points: 4, text: { en: "One more statement." }, optional: false },
    ],
  })),
};
const keys = definition.sections.flatMap((s) => s.questions.map((q) => q.key));

async function seed(client: pg.Client) {
  const org = (await client.query("select id from organizations where slug = 'riverside'")).rows[0].id;
  const admin = (await client.query("select id from people where email = 'admin@riverside.example'")).rows[0]
    .id;
  await client.query("begin");
  await client.query(
    `insert into schools (id, org_id, name)
     select gen_random_uuid(), $1, 'Survey School ' || n from generate_series(1, $2::int) n`,
    [org, SCHOOLS],
  );
  const survey = (
    await client.query(
      `insert into surveys (id, org_id, title, created_by) values (gen_random_uuid(), $1, 'Bench health', $2)
       returning id`,
      [org, admin],
    )
  ).rows[0].id;
  const version = (
    await client.query(
      `insert into survey_versions (id, survey_id, org_id, number, definition)
       values (gen_random_uuid(), $1, $2, 1, $3) returning id`,
      [survey, org, JSON.stringify(definition)],
    )
  ).rows[0].id;
  const administration = (
    await client.query(
      `insert into survey_administrations (id, org_id, survey_id, survey_version_id, title, audience,
         anonymous, opens_at, closes_at, created_by)
       values (gen_random_uuid(), $1, $2, $3, 'Bench district health', 'district', true,
         now() - interval '30 days', now() - interval '1 day', $4) returning id`,
      [org, survey, version, admin],
    )
  ).rows[0].id;
  // Responses spread over the schools; one in ten a school leader.
  await client.query(
    `with s as (select id, row_number() over (order by name) - 1 as k from schools
                 where org_id = $1 and name like 'Survey School %')
     insert into survey_responses (id, org_id, administration_id, survey_version_id, submitted_at, school_id, role)
     select gen_random_uuid(), $1, $2, $3, now() - interval '2 days', s.id,
            case when n % 10 = 0 then 'school_leader' else 'educator' end
       from generate_series(0, $4::int - 1) n join s on s.k = n % $5`,
    [org, administration, version, RESPONSES, SCHOOLS],
  );
  await client.query(
    `insert into survey_answers (org_id, administration_id, response_id, question_key, value)
     select $1, $2, r.id, q.key, 1 + floor(random() * 4)::int
       from survey_responses r cross join unnest($3::text[]) q(key)
      where r.administration_id = $2`,
    [org, administration, keys],
  );
  await client.query("commit");
  await client.query("analyze");
  const schools = (
    await client.query(
      "select id from schools where name like 'Survey School %' and org_id = $1 order by name",
      [org],
    )
  ).rows.map((r) => r.id as string);
  return { administration, school: schools[0] as string, schools };
}

async function timed(url: string, cookie: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  const body = await response.text();
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${body.slice(0, 300)}`);
  return performance.now() - started;
}

export async function surveysBenchmark() {
  const { app, dataDir, databaseUrl } = await startBenchLamplight("bench-surveys", {
    app: APP_PORT,
    pg: PG_PORT,
  });
  let bare: Awaited<ReturnType<typeof startProcess>> | null = null;
  try {
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on("error", () => {}); // the database stops with the app at the end
    await client.connect();
    const started = performance.now();
    const { administration, school, schools } = await seed(client);
    const answers = (await client.query("select count(*)::int as n from survey_answers")).rows[0].n;
    console.log(
      `\nSeeded a district survey: ${RESPONSES.toLocaleString("en")} responses × ${keys.length} statements = ${answers.toLocaleString("en")} answers in ${((performance.now() - started) / 1000).toFixed(0)} s.`,
    );
    await client.end();
    if (process.env.BENCH_SURVEY_KEEP) {
      console.log(`Kept for study: ${databaseUrl} administration ${administration} school ${school}`);
      await new Promise((r) => setTimeout(r, Number(process.env.BENCH_SURVEY_KEEP) * 1000));
    }
    const base = `http://127.0.0.1:${APP_PORT}`;
    const cookie = await signIn(base, "admin@riverside.example");
    const url = `${base}/api/v1/survey-administrations/${administration}/results`;
    // Counted afresh: the first reading of each slice (nothing is in memory yet), one at a time.
    const cold: Record<string, number[]> = { everyone: [await timed(url, cookie)], school: [], role: [] };
    for (const id of schools) cold.school?.push(await timed(`${url}?school=${id}`, cookie));
    for (const role of ["educator", "school_leader"])
      cold.role?.push(await timed(`${url}?role=${role}`, cookie));
    const sample = await fetch(url, { headers: { cookie } });
    const body = await sample.text();
    if (!sample.ok) throw new Error(`results answered ${sample.status}: ${body.slice(0, 300)}`);
    const file = path.join(dataDir, "survey-results.json");
    writeFileSync(file, body);
    bare = await startProcess(
      ["bench/bare-server.ts", String(BARE_PORT), file],
      {},
      `http://127.0.0.1:${BARE_PORT}/page`,
    );
    const options = { connections: CONNECTIONS, seconds: SECONDS, headers: { cookie } };
    const baseline = await load(
      `bare Fastify, ${(body.length / 1024).toFixed(0)} KB from memory`,
      `http://127.0.0.1:${BARE_PORT}/page`,
      options,
    );
    const rows: LoadResult[] = [
      await load("results, everyone (5,000 responses)", url, options),
      await load(
        `results, one school (~${Math.round(RESPONSES / SCHOOLS)})`,
        `${url}?school=${school}`,
        options,
      ),
      await load(`results, one role (~${Math.round(RESPONSES * 0.9)})`, `${url}?role=educator`, options),
    ];
    printTable(
      `Survey results — ${CONNECTIONS} connections, ${SECONDS}-s runs after a 3-s warm-up, ${answers.toLocaleString("en")} answers`,
      baseline,
      rows,
    );
    console.log("  first reading of a slice (counted, not from memory), one at a time:");
    for (const [name, times] of Object.entries(cold)) {
      times.sort((a, b) => a - b);
      console.log(
        `  ${name.padEnd(10)} ${times.length} slices: median ${(times[Math.floor(times.length / 2)] ?? 0).toFixed(0)} ms, max ${(times.at(-1) ?? 0).toFixed(0)} ms`,
      );
    }
    return { baseline, rows, cold };
  } finally {
    if (bare) await stopProcess(bare);
    await stopProcess(app);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await surveysBenchmark();
  const worst = Math.max(...result.rows.map((r) => r.p99));
  console.log(`\nTarget: survey results p99 < 150 ms (got ${worst} ms).`);
}
