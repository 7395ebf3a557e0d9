import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_CACHE_TTL_MS } from "../http/auth/session-cache.ts";
import { cloneDatabase } from "../test/database.ts";
import { freePort } from "../test/global-setup.ts";
import { type LiveServer, startLiveServer, TEST_SECRET } from "../test/live-client.ts";
import { shareCacheInvalidations } from "./bus.ts";
import { PgBus } from "./pg-bus.ts";

/**
 * Caches are per process, so this is two real processes: app A in the test process with its own
 * PostgreSQL bus, and B the real server (`node server/main.ts start`) as a child on the same database.
 * What A changes is seen by B at once, not when B's 5-second caches expire.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));
let database: Awaited<ReturnType<typeof cloneDatabase>>;
let bus: PgBus;
let stopSharing: () => void;
let a: LiveServer;
let child: ChildProcess | null = null;
let bBase = "";

async function startChild(databaseUrl: string, port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, ["server/main.ts", "start"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      AUTH_SECRET: TEST_SECRET,
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      SMTP_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout?.on("data", (chunk) => (output += chunk));
  server.stderr?.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}):\n${output}`);
    const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return server;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.kill("SIGKILL");
  throw new Error(`the server did not become healthy in 30 s:\n${output}`);
}

beforeAll(async () => {
  database = await cloneDatabase();
  bus = await PgBus.start(database.url, { warn: () => {} });
  stopSharing = shareCacheInvalidations(bus);
  a = await startLiveServer({ database, live: { bus } });
  const port = await freePort();
  bBase = `http://127.0.0.1:${port}`;
  child = await startChild(database.url, port);
}, 60_000);
afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  stopSharing?.();
  await a?.close();
  await bus?.close();
  await database?.drop();
});

/** A write through app A, as a browser on A's address would send it. */
async function writeOnA(method: "PATCH" | "POST", url: string, cookie: string, body: unknown = {}) {
  const response = await a.app.inject({
    method,
    url,
    headers: { cookie, origin: "http://localhost:3000", "content-type": "application/json" },
    payload: JSON.stringify(body),
  });
  expect(response.statusCode, response.body).toBeLessThan(300);
}

const onB = (url: string, cookie: string) => fetch(`${bBase}${url}`, { headers: { cookie } });

/** Polls B until `status`; fails if it takes a second (B's caches would have kept the old answer for 5 s). */
async function becomes(url: string, cookie: string, status: number, since: number) {
  await expect
    .poll(async () => (await onB(url, cookie)).status, { timeout: 1000, interval: 20 })
    .toBe(status);
  // Still inside the lifetime of what B had cached: the bus cleared it, not the clock.
  expect(Date.now() - since).toBeLessThan(SESSION_CACHE_TTL_MS);
}

describe("caches across server processes", () => {
  it("deactivating a person through A ends their session on B immediately", async () => {
    const teacher = await a.signIn("teacher1@riverside.example");
    const admin = await a.signIn("admin@riverside.example");
    const cachedAt = Date.now();
    const me = await onB("/api/v1/me", teacher);
    expect(me.status).toBe(200);
    const { person } = (await me.json()) as { person: { id: string } };
    await writeOnA("PATCH", `/api/v1/people/${person.id}`, admin, { status: "deactivated" });
    await becomes("/api/v1/me", teacher, 401, cachedAt);
  });

  it("signing out on A ends that session on B immediately", async () => {
    const teacher = await a.signIn("teacher2@riverside.example");
    const cachedAt = Date.now();
    expect((await onB("/api/v1/me", teacher)).status).toBe(200);
    await writeOnA("POST", "/api/auth/sign-out", teacher);
    await becomes("/api/v1/me", teacher, 401, cachedAt);
  });

  it("a community renamed through A reads renamed on B immediately", async () => {
    const coach = await a.signIn("coach@riverside.example");
    const list = (await (await onB("/api/v1/communities", coach)).json()) as { items: { id: string }[] };
    const communityId = list.items[0]?.id ?? "";
    const cachedAt = Date.now();
    const before = (await (await onB(`/api/v1/communities/${communityId}`, coach)).json()) as {
      name: string;
    };
    await writeOnA("PATCH", `/api/v1/communities/${communityId}`, coach, {
      name: `${before.name} (renamed)`,
    });
    const name = async () =>
      ((await (await onB(`/api/v1/communities/${communityId}`, coach)).json()) as { name: string }).name;
    await expect.poll(name, { timeout: 1000, interval: 20 }).toBe(`${before.name} (renamed)`);
    expect(Date.now() - cachedAt).toBeLessThan(5_000);
  });
});
