// Benchmark (issue 4): upload throughput of 100 × 5 MB files through the real app (multipart, signed in,
// checked by content, stored, rows committed), against a bare Fastify route that streams the same
// multipart bodies to disk, both measured in this run. `node bench/uploads.ts bare PORT DIR` is that
// baseline server.
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { multipart } from "../server/features/artifacts/test-files.ts";
import { startProcess, stopProcess } from "./processes.ts";

const APP_PORT = 3220;
const BARE_PORT = 3221;
const FILES = Number(process.env.BENCH_UPLOADS ?? 100);
const MB = Number(process.env.BENCH_UPLOAD_MB ?? 5);
const CONCURRENCY = Number(process.env.BENCH_UPLOAD_CONCURRENCY ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

type Result = {
  name: string;
  seconds: number;
  mbPerSecond: number;
  p50: number;
  p95: number;
  failed: number;
};

/** A 5 MB lesson-notes text file (valid UTF-8, so the app's content check reads all of it). */
function body(index: number) {
  const line = `Lesson ${index}: unit rates with recipes — ratio tables, double number lines, ½ and ¾ cups.\n`;
  const text = line
    .repeat(Math.ceil((MB * 1024 * 1024) / Buffer.byteLength(line)))
    .slice(0, MB * 1024 * 1024);
  return multipart([
    { name: "data", content: JSON.stringify({ title: `Bench upload ${index}`, kind: "lesson" }) },
    { name: "files", filename: `notes-${index}.txt`, content: text, type: "text/plain" },
  ]);
}

async function run(name: string, url: string, headers: Record<string, string>): Promise<Result> {
  const bodies = Array.from({ length: CONCURRENCY }, (_, i) => body(i));
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  const started = performance.now();
  const worker = async (slot: number) => {
    const { body: bytes, contentType } = bodies[slot] ?? bodies[0] ?? body(0);
    const payload = new Blob([new Uint8Array(bytes)]);
    while (next < FILES) {
      next++;
      const t0 = performance.now();
      const response = await fetch(url, {
        method: "POST",
        body: payload,
        headers: { ...headers, "content-type": contentType },
      });
      await response.arrayBuffer();
      if (!response.ok) failed++;
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => worker(i)));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { name, seconds, mbPerSecond: (FILES * MB) / seconds, p50: at(0.5), p95: at(0.95), failed };
}

const median = (results: Result[]) => {
  const sorted = [...results].sort((a, b) => a.mbPerSecond - b.mbPerSecond);
  return sorted[Math.floor(sorted.length / 2)] as Result;
};

export async function uploadsBenchmark() {
  const dataDir = path.resolve(".test-data/bench-uploads");
  await rm(dataDir, { recursive: true, force: true });
  const app = await startProcess(
    ["server/main.ts", "start"],
    {
      PORT: String(APP_PORT),
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      EMBEDDED_PG_PORT: "54370",
      PUBLIC_URL: `http://127.0.0.1:${APP_PORT}`,
      NODE_ENV: "development",
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
      SIGN_IN_RATE_LIMIT: "1000",
    },
    `http://127.0.0.1:${APP_PORT}/healthz`,
  );
  const bareDir = path.join(dataDir, "bare");
  const bare = await startProcess(
    ["bench/uploads.ts", "bare", String(BARE_PORT), bareDir],
    {},
    `http://127.0.0.1:${BARE_PORT}/ready`,
  );
  try {
    const base = `http://127.0.0.1:${APP_PORT}`;
    const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify({ email: "teacher1@riverside.example", password: "lamplight-demo" }),
    });
    if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status}`);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const list = (await (
      await fetch(`${base}/api/v1/communities?scope=mine`, { headers: { cookie } })
    ).json()) as {
      items: { id: string; name: string }[];
    };
    const team = list.items.find((c) => c.name === "Grade 7 Math Team");
    if (!team) throw new Error("the demo community is missing");
    const appUrl = `${base}/api/v1/communities/${team.id}/artifacts`;
    const bares: Result[] = [];
    const apps: Result[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bares.push(await run("bare Fastify multipart → disk", `http://127.0.0.1:${BARE_PORT}/upload`, {}));
      apps.push(await run("POST /api/v1/communities/:id/artifacts", appUrl, { cookie, origin: base }));
    }
    const baseline = median(bares);
    const measured = median(apps);
    printUploads(baseline, measured);
    return { baseline, measured };
  } finally {
    await stopProcess(bare);
    await stopProcess(app);
  }
}

function printUploads(baseline: Result, measured: Result) {
  const n = (v: number, d = 0) => v.toFixed(d).padStart(8);
  console.log(
    `\nUploads — ${FILES} × ${MB} MB, ${CONCURRENCY} at a time, median of ${ROUNDS} alternating rounds`,
  );
  console.log(
    `| ${"case".padEnd(40)} | ${"MB/s".padStart(8)} | ${"files/s".padStart(8)} | ${"p50 ms".padStart(8)} | ${"p95 ms".padStart(8)} | ${"ratio".padStart(8)} | failed |`,
  );
  console.log(
    `|${"-".repeat(42)}|${"-".repeat(10)}|${"-".repeat(10)}|${"-".repeat(10)}|${"-".repeat(10)}|${"-".repeat(10)}|--------|`,
  );
  for (const r of [baseline, measured]) {
    console.log(
      `| ${r.name.padEnd(40)} | ${n(r.mbPerSecond, 1)} | ${n(FILES / r.seconds, 1)} | ${n(r.p50)} | ${n(r.p95)} | ${n(r.mbPerSecond / baseline.mbPerSecond, 2)} | ${String(r.failed).padStart(6)} |`,
    );
  }
}

/** The baseline server: the same multipart bodies, each file streamed to a file on disk, nothing else. */
async function bareServer(port: number, dir: string) {
  const { default: Fastify } = await import("fastify");
  const { default: multipartPlugin } = await import("@fastify/multipart");
  await mkdir(dir, { recursive: true });
  const app = Fastify({ logger: false });
  await app.register(multipartPlugin, { limits: { fileSize: 50 * 1024 * 1024 } });
  let n = 0;
  app.get("/ready", async () => ({ ok: true }));
  app.post("/upload", async (request, reply) => {
    for await (const part of request.parts()) {
      if (part.type === "file") await pipeline(part.file, createWriteStream(path.join(dir, `f${++n}`)));
    }
    return reply.status(201).send({ ok: true });
  });
  await app.listen({ port, host: "127.0.0.1" });
}

if (import.meta.main && process.argv[2] === "bare")
  await bareServer(Number(process.argv[3]), String(process.argv[4]));
else if (import.meta.main) await uploadsBenchmark();
