import { rm } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { connect } from "../db/client.ts";
import { startEmbeddedPostgres } from "../db/embedded.ts";
import { runMigrations } from "../db/migrate.ts";
import { seedDemo } from "../db/seed/seed.ts";

export const TEMPLATE = "lamplight_template";

/**
 * Starts one real PostgreSQL for the whole run (embedded, or TEST_DATABASE_URL), and builds a template
 * database with every migration and the demo districts. Each test file clones it (CREATE DATABASE …
 * TEMPLATE), so files are isolated and start in milliseconds.
 */
export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stop = async () => {};
  if (!adminUrl) {
    // Its own port and directory, so several runs in one checkout (people, CI steps) never collide.
    const port = Number(process.env.TEST_PG_PORT ?? (await freePort()));
    const dir = path.resolve(`.test-data/vitest-${port}`);
    await rm(dir, { recursive: true, force: true });
    const embedded = await startEmbeddedPostgres(dir, port);
    adminUrl = embedded.url;
    stop = async () => {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE} with (force)`);
  await admin.query(`create database ${TEMPLATE}`);
  const templateUrl = withDatabase(adminUrl, TEMPLATE);
  const db = connect(templateUrl, 2);
  await runMigrations(db);
  await seedDemo(db);
  await db.$client.end();
  await admin.end();
  project.provide("adminDatabaseUrl", adminUrl);
  return stop;
}

/** A TCP port nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}
