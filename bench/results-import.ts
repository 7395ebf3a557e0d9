// Benchmark (issue 6): importing a district's 1,000,000-row results file through the API (multipart,
// signed in, validated, students resolved, upserted) against `psql \copy` of the same rows into the same
// table in the same run; the server's peak memory during the import. Before it, the OneRoster import of a
// district-sized roster (50,500 enrollments) through the API, and again (nothing changes).
// `node bench/results-import.ts` runs it alone.
import { spawnSync } from "node:child_process";
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { request } from "node:http";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { bigRoster } from "../server/test/big-roster.ts";
import { signIn, startBenchLamplight, stopProcess } from "./processes.ts";

const APP_PORT = 3250;
const PG_PORT = 54400;
const STUDENTS = Number(process.env.BENCH_RESULT_STUDENTS ?? 50_000);
const ITEMS = 20;
const PSQL = "/usr/bin/psql";
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

export type ImportRow = {
  name: string;
  seconds: number;
  rowsPerSecond: number;
  rss: { beforeMb: number; peakMb: number } | null;
};

/** A roster of STUDENTS students straight into the tables (the roster import is measured separately). */
async function seedStudents(client: pg.Client, orgId: string): Promise<void> {
  await client.query(
    `with s as (select gen_random_uuid() as id, n from generate_series(1, $2::int) n),
          i as (insert into students (id, org_id, pseudonym) select id, $1, 'BENCH-' || n from s)
     insert into student_identities (student_id, org_id, sourced_id, identifier, given_name, family_name)
     select id, $1, 'bench-' || n, 'D' || lpad(n::text, 6, '0'), 'Bench', 'Student ' || n from s`,
    [orgId, STUDENTS],
  );
}

/** Writes a generated file line by line (never held whole). */
async function writeFile(file: string, lines: () => Generator<string>): Promise<number> {
  async function* chunks() {
    let chunk = "";
    for (const line of lines()) {
      chunk += line;
      if (chunk.length > 64 * 1024) {
        yield chunk;
        chunk = "";
      }
    }
    yield chunk;
  }
  await pipeline(Readable.from(chunks()), createWriteStream(file));
  return (await stat(file)).size;
}

const score = (s: number, i: number) => (s * 7 + i * 3) % 5;
const studentNumber = (s: number) => `D${String(s).padStart(6, "0")}`;

function* longLines() {
  yield "Student ID,Item,Score,Response\n";
  for (let s = 1; s <= STUDENTS; s++)
    for (let i = 1; i <= ITEMS; i++) yield `${studentNumber(s)},Q${i},${score(s, i)},\n`;
}
function* wideLines() {
  yield `Student ID,${Array.from({ length: ITEMS }, (_, i) => `Q${i + 1}`).join(",")}\n`;
  for (let s = 1; s <= STUDENTS; s++)
    yield `${studentNumber(s)},${Array.from({ length: ITEMS }, (_, i) => score(s, i + 1)).join(",")}\n`;
}

/** The server's resident memory, polled while `work` runs (VmRSS from /proc; Linux only). */
async function peakRss<T>(pid: number | undefined, work: () => Promise<T>) {
  const rss = async () => {
    if (pid === undefined) return 0;
    const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  };
  const before = await rss();
  let peak = before;
  let running = true;
  const poll = (async () => {
    while (running) {
      peak = Math.max(peak, await rss());
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  running = false;
  await poll;
  return { result, seconds, beforeMb: before / 2 ** 20, peakMb: peak / 2 ** 20 };
}

/** POSTs the file as multipart (options, then the file streamed from disk) and returns the report. */
async function upload(url: string, cookie: string, file: string, options: unknown) {
  const boundary = "----lamplightbench";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="options"\r\n\r\n${JSON.stringify(options)}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${path.basename(file)}"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const size = head.length + (await stat(file)).size + tail.length;
  const u = new URL(url);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      {
        method: "POST",
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        headers: {
          cookie,
          origin: u.origin,
          "content-type": `multipart/form-data; boundary=${boundary}`,
          "content-length": size,
        },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => {
          body += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.write(head);
    const stream = createReadStream(file);
    stream.on("error", reject);
    stream.on("end", () => req.end(tail));
    stream.pipe(req, { end: false });
  });
}

/** A roster zip POSTed as the admin screen does; returns the seconds it took and its counts. */
async function importRoster(base: string, cookie: string, zip: Buffer) {
  const boundary = "----lamplightroster";
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nbulk\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="district.zip"\r\nContent-Type: application/zip\r\n\r\n`,
    ),
    zip,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const started = performance.now();
  const response = await fetch(`${base}/api/v1/roster-imports`, {
    method: "POST",
    headers: { cookie, origin: base, "content-type": `multipart/form-data; boundary=${boundary}` },
    body: new Uint8Array(body),
  });
  const report = (await response.json()) as { status: string; counts: Record<string, number> };
  if (!response.ok || report.status !== "completed")
    throw new Error(`roster import: ${response.status} ${JSON.stringify(report).slice(0, 500)}`);
  return { seconds: (performance.now() - started) / 1000, counts: report.counts };
}

async function rosterBenchmark(base: string, cookie: string) {
  const zip = bigRoster(10_000, 500, 5);
  const first = await importRoster(base, cookie, zip);
  const again = await importRoster(base, cookie, zip);
  console.log(
    `\nRoster import (OneRoster zip ${(zip.length / 1e6).toFixed(1)} MB: 10,000 students, 500 classes, ${(first.counts["enrollments.created"] ?? 0).toLocaleString("en")} enrollments) through the API`,
  );
  console.log("| Run | Seconds |\n|---|---:|");
  console.log(
    `| first import | ${first.seconds.toFixed(2)} |\n| again (nothing changes) | ${again.seconds.toFixed(2)} |`,
  );
  return { first: first.seconds, again: again.seconds };
}

/** The same rows as the import writes, resolved (ids, not student numbers), as a CSV for COPY. */
async function resolvedFile(
  client: pg.Client,
  file: string,
  o: { orgId: string; assessmentId: string; importId: string; items: string[] },
) {
  const { rows } = await client.query<{ id: string }>(
    `select student_id as id from student_identities where sourced_id like 'bench-%'
      order by identifier`,
  );
  const ids = rows.map((r) => r.id);
  await writeFile(file, function* () {
    for (let s = 1; s <= ids.length; s++)
      for (let i = 1; i <= ITEMS; i++)
        yield `${o.orgId},${o.assessmentId},${ids[s - 1]},${o.items[i - 1]},${score(s, i)},"",${o.importId}\n`;
  });
}

const COLUMNS = "(org_id, assessment_id, student_id, item_id, score, response, import_id)";

/** `psql \copy` of the resolved rows into assessment_results; pg-copy-streams when psql is missing. */
async function copyBaseline(client: pg.Client, databaseUrl: string, file: string) {
  const started = performance.now();
  if (existsSync(PSQL)) {
    const done = spawnSync(
      PSQL,
      [databaseUrl, "-v", "ON_ERROR_STOP=1", "-c", `\\copy assessment_results ${COLUMNS} from '${file}' csv`],
      { stdio: ["ignore", "ignore", "inherit"] },
    );
    if (done.status !== 0) throw new Error("psql \\copy failed");
  } else {
    await pipeline(
      createReadStream(file),
      client.query(copyFrom(`copy assessment_results ${COLUMNS} from stdin csv`)),
    );
  }
  return {
    seconds: (performance.now() - started) / 1000,
    tool: existsSync(PSQL) ? "psql \\copy" : "COPY (pg-copy-streams; no psql)",
  };
}

export async function resultsImportBenchmark() {
  const name = "bench-results-import";
  const { app, dataDir, databaseUrl } = await startBenchLamplight(
    name,
    { app: APP_PORT, pg: PG_PORT },
    // BENCH_CPU_PROF=dir profiles the server (written when it stops).
    process.env.BENCH_CPU_PROF
      ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.BENCH_CPU_PROF}` }
      : {},
  );
  const base = `http://127.0.0.1:${APP_PORT}`;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: orgs } = await client.query<{ id: string }>(
      "select id from organizations where slug = 'riverside'",
    );
    const orgId = orgs[0]?.id ?? "";
    await seedStudents(client, orgId);
    const cookie = await signIn(base, "admin@riverside.example");
    const roster = await rosterBenchmark(base, cookie);
    const created = await fetch(`${base}/api/v1/assessments`, {
      method: "POST",
      headers: { cookie, origin: base, "content-type": "application/json" },
      body: JSON.stringify({
        title: "District benchmark",
        items: Array.from({ length: ITEMS }, (_, i) => ({
          label: `Q${i + 1}`,
          standard: `7.RP.A.${(i % 3) + 1}`,
          maxPoints: 4,
        })),
      }),
    });
    if (!created.ok)
      throw new Error(`creating the assessment failed: ${created.status} ${await created.text()}`);
    const assessment = (await created.json()) as { id: string; items: { id: string; label: string }[] };
    const longFile = path.join(dataDir, "results-long.csv");
    const wideFile = path.join(dataDir, "results-wide.csv");
    const longBytes = await writeFile(longFile, longLines);
    await writeFile(wideFile, wideLines);
    const url = `${base}/api/v1/assessments/${assessment.id}/imports`;
    const rows = STUDENTS * ITEMS;
    const imported = async (label: string, file: string, options: unknown) => {
      const run = await peakRss(app.pid, () => upload(url, cookie, file, options));
      if (run.result.status !== 201)
        throw new Error(`${label}: ${run.result.status} ${run.result.body.slice(0, 500)}`);
      const report = JSON.parse(run.result.body) as { id: string; rowsImported: number; status: string };
      if (report.rowsImported !== rows)
        throw new Error(`${label}: imported ${report.rowsImported} of ${rows}`);
      return { ...run, report };
    };
    const long = {
      shape: "long",
      mapping: { shape: "long", student: "Student ID", item: "Item", score: "Score" },
    };
    const wideMapping = Object.fromEntries(
      Array.from({ length: ITEMS }, (_, i) => [`Q${i + 1}`, `Q${i + 1}`]),
    );
    const wide = { shape: "wide", mapping: { shape: "wide", student: "Student ID", items: wideMapping } };

    // Into an empty table each time. The machine is shared, so the import and psql alternate, ROUNDS
    // times, and the fastest of each is compared: a burst of someone else's load then hits both alike.
    const copyFile = path.join(dataDir, "results-resolved.csv");
    const imports: Awaited<ReturnType<typeof imported>>[] = [];
    const copies: Awaited<ReturnType<typeof copyBaseline>>[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await client.query("truncate assessment_results");
      imports.push(await imported("long import", longFile, long));
      if (round === 0)
        await resolvedFile(client, copyFile, {
          orgId,
          assessmentId: assessment.id,
          importId: imports[0]?.report.id ?? "",
          items: assessment.items.map((i) => i.id),
        });
      await client.query("truncate assessment_results");
      copies.push(await copyBaseline(client, databaseUrl, copyFile));
    }
    const again = await imported("long re-import", longFile, long);
    await client.query("truncate assessment_results");
    const wideRun = await imported("wide import", wideFile, wide);
    const first = imports.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    const baseline = copies.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    const peakMb = Math.max(...imports.map((r) => r.peakMb), again.peakMb, wideRun.peakMb);
    const row = (n: string, seconds: number, rss: ImportRow["rss"]): ImportRow => ({
      name: n,
      seconds,
      rowsPerSecond: rows / seconds,
      rss,
    });
    const table = [
      row(`${baseline.tool} (resolved rows), fastest of ${ROUNDS}`, baseline.seconds, null),
      row(`API import, long (into an empty table), fastest of ${ROUNDS}`, first.seconds, first),
      row("API re-import, long (replaces every row)", again.seconds, again),
      row("API import, wide (into an empty table)", wideRun.seconds, wideRun),
    ];
    console.log(
      `\nResults import: ${rows.toLocaleString("en")} results (${STUDENTS.toLocaleString("en")} students × ${ITEMS} items; long file ${(longBytes / 1e6).toFixed(1)} MB)`,
    );
    console.log("| Run | Seconds | Rows/s | Server RSS before → peak |\n|---|---:|---:|---:|");
    for (const r of table)
      console.log(
        `| ${r.name} | ${r.seconds.toFixed(2)} | ${Math.round(r.rowsPerSecond).toLocaleString("en")} | ${r.rss ? `${r.rss.beforeMb.toFixed(0)} → ${r.rss.peakMb.toFixed(0)} MB` : "—"} |`,
      );
    const ratio = baseline.seconds / first.seconds;
    console.log(
      `All rounds, seconds — import: ${imports.map((r) => r.seconds.toFixed(1)).join(", ")}; ${baseline.tool}: ${copies.map((r) => r.seconds.toFixed(1)).join(", ")}`,
    );
    return { ratio, table, baselineTool: baseline.tool, roster, peakMb };
  } finally {
    await client.end();
    await stopProcess(app);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { ratio } = await resultsImportBenchmark();
  console.log(`\nTarget: import ≥ 0.5 × the speed of psql \\copy (got ${ratio.toFixed(2)}).`);
}
