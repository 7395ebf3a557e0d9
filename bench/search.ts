import pg from "pg";
import { connect } from "../server/db/client.ts";
import { explainSearch, search } from "../server/features/search/service.ts";
import type { Actor } from "../server/http/auth/plugin.ts";
import { searchQuerySchema } from "../shared/schemas/search.ts";
import { startBenchLamplight, stopProcess } from "./processes.ts";
import { queries, seedBulk, subjects, words } from "./search-data.ts";

const APP_PORT = 3210;
const PG_PORT = 54360;
const COUNT = Number(process.env.BENCH_SEARCH_ROWS ?? 100_000);
const COMMUNITIES = 400;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const MEMBER = "teacher5@riverside.example";

type Result = { name: string; p50: number; p95: number; p99: number; mean: number; errors: number };

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
function summarise(name: string, samples: number[], errors = 0): Result {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((s, x) => s + x, 0) / Math.max(1, samples.length);
  return {
    name,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    mean,
    errors,
  };
}

function printTable(title: string, rows: Result[]) {
  const fmt = (n: number) => n.toFixed(1).padStart(8);
  console.log(`\n${title}`);
  console.log(
    `| ${"case".padEnd(52)} | ${"p50 ms".padStart(8)} | ${"p95 ms".padStart(8)} | ${"p99 ms".padStart(8)} | ${"mean ms".padStart(8)} | errors |`,
  );
  console.log(
    `|${"-".repeat(54)}|${"-".repeat(10)}|${"-".repeat(10)}|${"-".repeat(10)}|${"-".repeat(10)}|--------|`,
  );
  for (const r of rows)
    console.log(
      `| ${r.name.padEnd(52)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${fmt(r.mean)} | ${String(r.errors).padStart(6)} |`,
    );
}

/** The district's communities for the benchmark, and the member's place in exactly 5 of them. */
async function seedCommunities(client: pg.Client) {
  const org =
    (await client.query<{ id: string }>("select id from organizations where slug = 'riverside'")).rows[0]
      ?.id ?? "";
  const people = (
    await client.query<{ id: string }>("select id from people where org_id = $1", [org])
  ).rows.map((p) => p.id);
  const member =
    (await client.query<{ id: string }>("select id from people where email = $1", [MEMBER])).rows[0]?.id ??
    "";
  // A fifth of the communities are visible to the whole district, as in a real one; the rest private.
  const made = await client.query<{ id: string }>(
    `insert into communities (id, org_id, name, kind, purpose, visibility, subjects, topics)
     select gen_random_uuid(), $1, 'Bench ' || g || ' ' || ($2::text[])[1 + g % array_length($2::text[], 1)] || ' team',
       'community_of_practice', 'We look at ' || ($2::text[])[1 + (g * 7) % array_length($2::text[], 1)] || ' together.',
       case when g % 5 = 0 then 'organization' else 'private' end,
       array[($3::text[])[1 + g % array_length($3::text[], 1)]], '{}'
     from generate_series(1, ${COMMUNITIES}) g returning id`,
    [org, words, subjects],
  );
  const ids = made.rows.map((c) => c.id);
  await client.query(
    `insert into memberships (org_id, community_id, person_id, role, status)
     select $1, c, $2, 'facilitator', 'active' from unnest($3::uuid[]) c`,
    [org, people.find((p) => p !== member), ids],
  );
  await client.query("update memberships set status = 'left' where person_id = $1", [member]);
  const five = ids.filter((_, i) => (i + 1) % 5 !== 0).slice(0, 5); // five private ones
  await client.query(
    `insert into memberships (org_id, community_id, person_id, role, status)
     select $1, c, $2, 'member', 'active' from unnest($3::uuid[]) c`,
    [org, member, five],
  );
  return { orgId: org, communities: ids, people, member };
}

async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email: MEMBER, password: "lamplight-demo" }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

export async function searchBenchmark() {
  const { app, databaseUrl } = await startBenchLamplight(
    "bench-search",
    { app: APP_PORT, pg: PG_PORT },
    {
      LAMPLIGHT_SEARCHES_PER_MINUTE: "1000000",
    },
  );
  const db = connect(databaseUrl, 2);
  try {
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on("error", () => {}); // the database stops with the app at the end
    await client.connect();
    const started = Date.now();
    const ids = await seedCommunities(client);
    await seedBulk(client, ids, COUNT);
    await client.end();
    console.log(
      `\nSeeded ${COUNT.toLocaleString("en")} work samples and ${COUNT.toLocaleString("en")} posts in ${COMMUNITIES} communities in ${((Date.now() - started) / 1000).toFixed(0)} s.`,
    );

    const base = `http://127.0.0.1:${APP_PORT}`;
    const cookie = await signIn(base);
    const me = (await (await fetch(`${base}/api/v1/me`, { headers: { cookie } })).json()) as {
      person: { id: string; name: string; email: string; orgRole: Actor["orgRole"] };
      organization: { id: string };
      schools?: { id: string }[];
    };
    const schoolRows = await db.$client.query<{ school_id: string }>(
      "select school_id from person_schools where person_id = $1",
      [me.person.id],
    );
    const actor: Actor = {
      id: me.person.id,
      orgId: me.organization.id,
      orgRole: me.person.orgRole,
      name: me.person.name,
      email: me.person.email,
      schoolIds: schoolRows.rows.map((s) => s.school_id),
    };
    const list = queries();
    const parsed = list.map((q) => searchQuerySchema.parse({ q }));
    const samples = { baseline: [] as number[], direct: [] as number[], http: [] as number[] };
    const slowest: { q: string; http: number; baseline: number }[] = [];
    let errors = 0;
    let found = 0;
    for (let round = 0; round <= ROUNDS; round++) {
      // Round 0 warms caches and plans; the others are measured, each query in all three ways in turn.
      for (const [i, q] of list.entries()) {
        const query = parsed[i] ?? searchQuerySchema.parse({ q });
        let start = process.hrtime.bigint();
        await search(db, actor, query, "unfiltered");
        const baseline = ms(start);
        start = process.hrtime.bigint();
        await search(db, actor, query);
        const direct = ms(start);
        start = process.hrtime.bigint();
        const response = await fetch(`${base}/api/v1/search?q=${encodeURIComponent(q)}`, {
          headers: { cookie },
        });
        const body = (await response.json()) as { items?: unknown[] };
        const http = ms(start);
        if (round === 0) {
          found += body.items?.length ? 1 : 0;
          continue;
        }
        if (!response.ok) errors++;
        samples.baseline.push(baseline);
        samples.direct.push(direct);
        samples.http.push(http);
        slowest.push({ q, http, baseline });
      }
    }
    const rows = [
      summarise("baseline: same SQL, no permission filtering", samples.baseline),
      summarise("search service, permission in the query", samples.direct),
      summarise("GET /api/v1/search (signed in, over HTTP)", samples.http, errors),
    ];
    printTable(
      `Search — ${list.length} queries × ${ROUNDS} rounds, member of 5 of ${COMMUNITIES} communities, ${found} of ${list.length} queries found something`,
      rows,
    );
    if (process.env.BENCH_SLOWEST) {
      // Where the tail comes from: the slowest measured requests and their unfiltered baseline.
      console.log("\nSlowest requests (HTTP ms / baseline ms):");
      for (const s of slowest.sort((a, b) => b.http - a.http).slice(0, 15))
        console.log(`  ${s.http.toFixed(1).padStart(6)} / ${s.baseline.toFixed(1).padStart(6)}  ${s.q}`);
    }
    if (process.env.BENCH_EXPLAIN) {
      // What PostgreSQL does with a common word, a standard code and two words, permission included.
      for (const q of ["students", "CCSS.MATH.7.RP.A.2", "ratio quiz"]) {
        const plan = await explainSearch(db, actor, searchQuerySchema.parse({ q }));
        console.log(`\nEXPLAIN ANALYZE "${q}":`);
        for (const line of plan) if (/Scan|Execution|Planning|Limit/.test(line)) console.log(line);
      }
    }
    return { rows, errors };
  } finally {
    await db.$client.end();
    await stopProcess(app);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { rows, errors } = await searchBenchmark();
  const http = rows[2];
  console.log(`\nTarget: search p95 < 50 ms (got ${http?.p95.toFixed(1)} ms).`);
  if (errors) process.exit(1);
}
