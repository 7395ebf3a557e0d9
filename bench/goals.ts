import { writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import {
  COMMUNITIES,
  COMMUNITY_GOALS,
  CYCLES,
  type Leader,
  SCHOOLS,
  seedGoalsDistrict,
} from "./goals-data.ts";
import { type LoadResult, load, printTable } from "./load.ts";
import { signIn, startBenchLamplight, startProcess, stopProcess } from "./processes.ts";

const APP_PORT = 3230;
const BARE_PORT = 3231;
const PG_PORT = 54380;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARM_UP_SECONDS = 3;

type Signed = Leader & { cookie: string };

/** One connection per leader, each asking for its own view, as many times as the run allows. */
async function leaders(name: string, base: string, people: Signed[], pathOf: (l: Signed) => string) {
  let next = 0;
  const options = {
    url: base,
    connections: people.length,
    setupClient: (client: autocannon.Client) => {
      const leader = people[next++ % people.length] as Signed;
      client.setRequests([{ method: "GET", path: pathOf(leader), headers: { cookie: leader.cookie } }]);
    },
  };
  await autocannon({ ...options, duration: WARM_UP_SECONDS });
  next = 0;
  const result = await autocannon({ ...options, duration: SECONDS });
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  } satisfies LoadResult;
}

const WRITE_EVERY_MS = 250;

/** Saves a profile change every `everyMs` until stopped; resolves to the number of successful writes. */
function writer(base: string, cookie: string, everyMs: number) {
  let running = true;
  let done = 0;
  const loop = (async () => {
    for (let n = 0; running; n++) {
      const response = await fetch(`${base}/api/v1/me/profile`, {
        method: "PATCH",
        headers: { cookie, origin: base, "content-type": "application/json" },
        body: JSON.stringify({ title: `Superintendent ${n}` }),
      });
      if (response.ok) done++;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return done;
  };
}

const dashboardPath = () => "/api/v1/improvement-dashboard";
const mapPath = (l: Signed) => `/api/v1/alignment-map${l.schoolId ? `?schoolId=${l.schoolId}` : ""}`;

export async function goalsBenchmark() {
  const { app, dataDir, databaseUrl } = await startBenchLamplight(
    "bench-goals",
    { app: APP_PORT, pg: PG_PORT },
    {
      SIGN_IN_RATE_LIMIT: "100000",
    },
  );
  const bares: Awaited<ReturnType<typeof startProcess>>[] = [];
  try {
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on("error", () => {}); // the database stops with the app at the end
    await client.connect();
    const started = Date.now();
    const { leaders: cast } = await seedGoalsDistrict(client);
    await client.end();
    console.log(
      `\nSeeded ${SCHOOLS} schools, ${COMMUNITIES} communities, ${COMMUNITY_GOALS + 200} goals and ${CYCLES} cycles in ${((Date.now() - started) / 1000).toFixed(0)} s.`,
    );
    const base = `http://127.0.0.1:${APP_PORT}`;
    const people: Signed[] = [];
    for (const leader of cast) people.push({ ...leader, cookie: await signIn(base, leader.email) });
    const admin = people.find((p) => p.role === "administrator") as Signed;
    const rows: LoadResult[] = [];
    const results: Record<
      string,
      { bare: LoadResult; app: LoadResult; busy: LoadResult; writes: number; bytes: number }
    > = {};
    for (const [i, [label, pathOf]] of [
      ["GET /api/v1/improvement-dashboard", dashboardPath],
      ["GET /api/v1/alignment-map", mapPath],
    ].entries() as IterableIterator<[number, [string, (l: Signed) => string]]>) {
      // The baseline answers the administrator's (largest) view of the route, from memory.
      const sample = await fetch(`${base}${pathOf(admin)}`, { headers: { cookie: admin.cookie } });
      if (!sample.ok) throw new Error(`${label} answered ${sample.status}: ${await sample.text()}`);
      const body = await sample.text();
      const file = path.join(dataDir, `goals-${i}.json`);
      writeFileSync(file, body);
      const port = BARE_PORT + i;
      bares.push(
        await startProcess(["bench/bare-server.ts", String(port), file], {}, `http://127.0.0.1:${port}/page`),
      );
      const bare = await load(
        `bare Fastify, ${(body.length / 1024).toFixed(0)} KB from memory`,
        `http://127.0.0.1:${port}/page`,
        {
          connections: people.length,
          seconds: SECONDS,
        },
      );
      const measured = await leaders(`${label} (${people.length} leaders)`, base, people, pathOf);
      // The same with someone saving a change every 250 ms: each write empties the read caches, so most
      // views are computed afresh (the write rate limit allows 300 a minute per person).
      const stop = writer(base, admin.cookie, WRITE_EVERY_MS);
      const busy = await leaders(`  the same, a write every ${WRITE_EVERY_MS} ms`, base, people, pathOf);
      const writes = await stop();
      rows.push(bare, measured, busy);
      results[label] = { bare, app: measured, busy, writes, bytes: body.length };
    }
    const [first, ...rest] = rows as [LoadResult, ...LoadResult[]];
    printTable(
      `Leaders' dashboard and alignment map — ${people.length} connections (${SCHOOLS} school leaders, ${people.length - SCHOOLS} administrators), ${SECONDS}-s runs after a ${WARM_UP_SECONDS}-s warm-up`,
      first,
      rest,
    );
    return results;
  } finally {
    for (const bare of bares) await stopProcess(bare);
    await stopProcess(app);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await goalsBenchmark();
  const worst = Math.max(...Object.values(results).map((r) => r.app.p99));
  console.log(`\nTarget: p99 < 100 ms (got ${worst} ms).`);
  for (const [route, r] of Object.entries(results))
    console.log(`${route}: ${r.writes} writes during the busy run, p99 ${r.busy.p99} ms.`);
}
