// Benchmark (issue 2): authenticated GET of a community page's API data under 100 concurrent connections,
// against a bare Fastify route returning the same JSON from memory, both measured in this run.
import { writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { interleaved, load, printTable } from "./load.ts";
import { startProcess, stopProcess } from "./processes.ts";

const APP_PORT = 3200;
const BARE_PORT = 3201;
const CONNECTIONS = 100;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

export async function communityPageBenchmark() {
  const dataDir = path.resolve(".test-data/bench");
  await rm(dataDir, { recursive: true, force: true });
  const app = await startProcess(
    ["server/main.ts", "start"],
    {
      PORT: String(APP_PORT),
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      EMBEDDED_PG_PORT: "54350",
      PUBLIC_URL: `http://127.0.0.1:${APP_PORT}`,
      NODE_ENV: "production",
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
    },
    `http://127.0.0.1:${APP_PORT}/healthz`,
  );
  let bare: Awaited<ReturnType<typeof startProcess>> | null = null;
  try {
    const base = `http://127.0.0.1:${APP_PORT}`;
    const seeded = await fetch(`${base}/api/v1/me`);
    if (seeded.status !== 401) throw new Error("unexpected /me answer before sign-in");
    await runSeed(dataDir);
    const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify({ email: "coach@riverside.example", password: "lamplight-demo" }),
    });
    if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const list = (await (
      await fetch(`${base}/api/v1/communities?scope=mine`, { headers: { cookie } })
    ).json()) as { items: { id: string; name: string }[] };
    const community = list.items.find((c) => c.name === "Grade 7 Math Team");
    if (!community) throw new Error("the demo community is missing");
    const url = `${base}/api/v1/communities/${community.id}`;
    const page = await fetch(url, { headers: { cookie } });
    const body = await page.text();
    const file = path.join(dataDir, "community-page.json");
    writeFileSync(file, body);

    bare = await startProcess(
      ["bench/bare-server.ts", String(BARE_PORT), file],
      {},
      `http://127.0.0.1:${BARE_PORT}/page`,
    );
    const options = { connections: CONNECTIONS, seconds: SECONDS };
    const { baseline, measured } = await interleaved(ROUNDS, [
      () => load("bare Fastify, same JSON from memory", `http://127.0.0.1:${BARE_PORT}/page`, options),
      () => load("GET /api/v1/communities/:id (signed in)", url, { ...options, headers: { cookie } }),
    ]);
    printTable(
      `Community page API data — ${CONNECTIONS} connections, median of ${ROUNDS} alternating ${SECONDS}-s rounds, ${body.length} bytes`,
      baseline,
      [measured],
    );
    return { baseline, measured };
  } finally {
    if (bare) await stopProcess(bare);
    await stopProcess(app);
  }
}

/** Production never seeds on start; the benchmark adds the demo districts explicitly, as an operator would. */
async function runSeed(dataDir: string) {
  const { spawnSync } = await import("node:child_process");
  const result = spawnSync(process.execPath, ["server/main.ts", "seed", "--demo"], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: `postgres://lamplight:lamplight@127.0.0.1:54350/lamplight`,
      NODE_ENV: "production",
    },
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("seeding failed");
}
