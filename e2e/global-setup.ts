import { type ChildProcess, spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { E2E_PORT } from "../playwright.config.ts";
import { startMailbox } from "./mailbox.ts";

const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2525);
// Per port, so two runs in one checkout (E2E_PORT, E2E_PG_PORT, E2E_SMTP_PORT set apart) never share files.
const RUN_DIR = path.resolve(`.test-data/e2e-${E2E_PORT}`);
const DATA_DIR = path.join(RUN_DIR, "data");

/**
 * Starts what a district would run: a real SMTP server and the Lamplight server (fresh embedded
 * PostgreSQL, demo districts seeded), as a separate process on a real port.
 */
export default async function globalSetup() {
  await rm(RUN_DIR, { recursive: true, force: true });
  const stopMailbox = await startMailbox(SMTP_PORT);
  const server = spawn(process.execPath, ["server/main.ts", "start"], {
    env: {
      ...process.env,
      NODE_ENV: "test",
      PORT: String(E2E_PORT),
      HOST: "127.0.0.1",
      DATA_DIR,
      DATABASE_URL: "",
      EMBEDDED_PG_PORT: String(Number(process.env.E2E_PG_PORT ?? 54340)),
      PUBLIC_URL: `http://127.0.0.1:${E2E_PORT}`,
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      LOG_LEVEL: "warn",
      // Every spec signs in from 127.0.0.1; the limit itself is tested in server/http/auth/auth.test.ts.
      SIGN_IN_RATE_LIMIT: "1000",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitUntilHealthy(server);
  return async () => {
    await stop(server);
    await stopMailbox();
  };
}

async function waitUntilHealthy(server: ChildProcess) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The Lamplight server exited with code ${server.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${E2E_PORT}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("The Lamplight server did not become healthy within 60 s");
}

function stop(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null) return resolve();
    server.once("exit", () => resolve());
    server.kill("SIGTERM");
  });
}
