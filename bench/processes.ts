import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";

/** Spawns a Node process and waits until `url` answers 200. */
export async function startProcess(
  args: string[],
  env: Record<string, string>,
  url: string,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${args.join(" ")} exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return child;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${args.join(" ")} did not answer at ${url}`);
}

export function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/**
 * A production Lamplight for one benchmark: a fresh data folder `.test-data/<name>`, its own embedded
 * PostgreSQL, the demo districts seeded as an operator would (production never seeds on start).
 */
export async function startBenchLamplight(
  name: string,
  ports: { app: number; pg: number },
  env: Record<string, string> = {},
): Promise<{ app: ChildProcess; dataDir: string; databaseUrl: string }> {
  const dataDir = path.resolve(".test-data", name);
  await rm(dataDir, { recursive: true, force: true });
  const databaseUrl = `postgres://lamplight:lamplight@127.0.0.1:${ports.pg}/lamplight`;
  const app = await startProcess(
    ["server/main.ts", "start"],
    {
      PORT: String(ports.app),
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      EMBEDDED_PG_PORT: String(ports.pg),
      PUBLIC_URL: `http://127.0.0.1:${ports.app}`,
      NODE_ENV: "production",
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
      ...env,
    },
    `http://127.0.0.1:${ports.app}/healthz`,
  );
  const seeded = spawnSync(process.execPath, ["server/main.ts", "seed", "--demo"], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl, NODE_ENV: "production" },
    stdio: "inherit",
  });
  if (seeded.status !== 0) {
    await stopProcess(app);
    throw new Error("seeding the demo failed");
  }
  return { app, dataDir, databaseUrl };
}

/** Signs a demo person in (password lamplight-demo) and returns the session cookie for fetch. */
export async function signIn(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, password: "lamplight-demo" }),
  });
  if (!response.ok) throw new Error(`sign-in of ${email} failed: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}
