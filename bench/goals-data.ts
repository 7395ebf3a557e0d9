// The goals benchmark's district, written in bulk into Riverside after the demo seed: 40 schools (the demo's
// 2 and 38 more), 400 communities (10 a school, a fifth visible to the district), 2,000 goals (10 district,
// 190 school, 1,800 community; almost all aligned one level up, a few left as gaps), two measurements per
// community goal, 1,000 cycles at every stage, and the 50 leaders who open the dashboard and map: a school
// leader per school and 10 administrators, all with the demo password (the principal's hash, copied).
import type pg from "pg";

export const SCHOOLS = 40;
export const COMMUNITIES = 400;
export const DISTRICT_GOALS = 10;
export const SCHOOL_GOALS = 190;
export const COMMUNITY_GOALS = 1800;
export const CYCLES = 1000;
export const ADMINISTRATORS = 10;

export type Leader = { email: string; role: "administrator" | "school_leader"; schoolId: string | null };

export async function seedGoalsDistrict(client: pg.Client): Promise<{ orgId: string; leaders: Leader[] }> {
  const one = async <T>(text: string, values: unknown[] = []) =>
    (await client.query<T & pg.QueryResultRow>(text, values)).rows[0] as T;
  const { id: org } = await one<{ id: string }>("select id from organizations where slug = 'riverside'");
  const { id: author } = await one<{ id: string }>(
    "select id from people where email = 'admin@riverside.example'",
  );
  const { password } = await one<{ password: string }>(
    `select a.password from accounts a join people p on p.id = a.person_id
     where p.email = 'principal@riverside.example' and a.provider_id = 'credential'`,
  );
  const q = (text: string, values: unknown[] = []) => client.query(text, values);
  await q(
    `insert into schools (id, org_id, name)
     select gen_random_uuid(), $1, 'Bench School ' || lpad(n::text, 2, '0') from generate_series(1, $2) n`,
    [org, SCHOOLS - 2],
  );
  const schools = (
    await client.query<{ id: string }>("select id from schools where org_id = $1 order by name, id", [org])
  ).rows.map((r) => r.id);
  // Communities: ten a school, every fifth visible to the whole district.
  await q(
    `create temporary table bench_c as
     select gen_random_uuid() id, ($1::uuid[])[1 + (n - 1) % array_length($1::uuid[], 1)] school_id, n
     from generate_series(1, $2) n`,
    [schools, COMMUNITIES],
  );
  await q(
    `insert into communities (id, org_id, name, kind, purpose, visibility)
     select id, $1, 'Bench team ' || n, 'community_of_practice', 'We improve together.',
       case when n % 5 = 0 then 'organization' else 'private' end from bench_c`,
    [org],
  );
  await q(
    "insert into community_schools (org_id, community_id, school_id) select $1, id, school_id from bench_c",
    [org],
  );
  // Goals, top down, each aligned to one goal a level above (of its own school for community goals).
  const goal = (level: string, extra: string) => `
    insert into goals (id, org_id, level, school_id, community_id, title, improvement, population, measure,
      unit, baseline, target, starts_on, deadline, status, created_by, owner_id)
    ${extra.replaceAll("$LEVEL", `'${level}'`)}`;
  const smart = (n: string) => `'Proportional reasoning', 'Grade 7 students', 'Percent proficient', 'percent',
    40, 70, date '2026-09-01', case when ${n} % 17 = 0 then date '2025-06-15' else date '2027-06-15' end,
    (array['not_started','on_track','at_risk','off_track','met','on_track','on_track'])[1 + ${n} % 7], $2, $2`;
  await q(
    goal(
      "district",
      `select gen_random_uuid(), $1, $LEVEL, null, null, 'District goal ' || n, ${smart("n")}
      from generate_series(1, $3) n`,
    ),
    [org, author, DISTRICT_GOALS],
  );
  await q(
    goal(
      "school",
      `select gen_random_uuid(), $1, $LEVEL, ($4::uuid[])[1 + (n - 1) % array_length($4::uuid[], 1)],
      null, 'School goal ' || n, ${smart("n")} from generate_series(1, $3) n`,
    ),
    [org, author, SCHOOL_GOALS, schools],
  );
  await q(
    goal(
      "community",
      `select gen_random_uuid(), $1, $LEVEL, null, c.id, 'Community goal ' || gs.i, ${smart("gs.i")}
      from generate_series(1, $3) gs(i) join bench_c c on c.n = 1 + (gs.i - 1) % $4`,
    ),
    [org, author, COMMUNITY_GOALS, COMMUNITIES],
  );
  await q(
    `insert into goal_alignments (org_id, goal_id, aligned_to_id, created_by)
     select $1, s.id, d.id, $2 from (
       select id, row_number() over (order by id) r from goals where org_id = $1 and level = 'school'
         and title like 'School goal %') s
     join (select id, row_number() over (order by id) r from goals where org_id = $1 and level = 'district'
         and title like 'District goal %') d on d.r = 1 + s.r % $3
     where s.r % 20 <> 0`,
    [org, author, DISTRICT_GOALS],
  );
  // A community goal aligns to a goal of its school (when the school has one), except one in 15.
  await q(
    `insert into goal_alignments (org_id, goal_id, aligned_to_id, created_by)
     select $1, cg.id, sg.id, $2 from goals cg
     join bench_c c on c.id = cg.community_id
     join lateral (select id from goals s where s.org_id = $1 and s.level = 'school' and s.school_id = c.school_id
       order by (s.id::text > cg.id::text), s.id limit 1) sg on true
     where cg.org_id = $1 and right(cg.id::text, 1) <> 'f'`,
    [org, author],
  );
  await q(
    `insert into goal_measurements (id, org_id, goal_id, value, unit, measured_on, created_by)
     select gen_random_uuid(), $1, g.id, 40 + k * 7 + (ascii(right(g.id::text, 1)) % 5), 'percent',
       date '2026-09-15' + k * 30, $2
     from goals g cross join generate_series(1, 2) k where g.org_id = $1 and g.title like 'Community goal %'`,
    [org, author],
  );
  await q(
    `insert into cycles (id, org_id, community_id, title, goal_id, stage, status, created_by, last_activity_at)
     select gen_random_uuid(), $1, g.community_id, 'Cycle ' || n, g.id, 1 + n % 7,
       case when n % 9 = 0 then 'completed' when n % 23 = 0 then 'stopped' else 'active' end, $2,
       now() - (n || ' minutes')::interval
     from (select id, community_id, row_number() over (order by id) n from goals
       where org_id = $1 and title like 'Community goal %') g where n <= $3`,
    [org, author, CYCLES],
  );
  const leaders: Leader[] = [];
  for (const [i, schoolId] of schools.entries())
    leaders.push({ email: `bench-leader-${i}@riverside.example`, role: "school_leader", schoolId });
  for (let i = 0; i < ADMINISTRATORS; i++)
    leaders.push({ email: `bench-admin-${i}@riverside.example`, role: "administrator", schoolId: null });
  for (const leader of leaders) {
    const { id } = await one<{ id: string }>(
      `insert into people (id, org_id, email, email_verified, name, org_role)
       values (gen_random_uuid(), $1, $2, true, $3, $4) returning id`,
      [org, leader.email, leader.email.split("@")[0], leader.role],
    );
    await q(
      `insert into accounts (id, account_id, provider_id, person_id, password)
       values (gen_random_uuid(), $1, 'credential', $2, $3)`,
      [id, id, password],
    );
    if (leader.schoolId)
      await q("insert into person_schools (org_id, person_id, school_id) values ($1, $2, $3)", [
        org,
        id,
        leader.schoolId,
      ]);
  }
  await q("drop table bench_c");
  await q("analyze");
  return { orgId: org, leaders };
}
