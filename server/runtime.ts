import type { Config } from "./config.ts";
import { connect, type Db } from "./db/client.ts";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "./db/embedded.ts";
import { runMigrations } from "./db/migrate.ts";
import { shareCacheInvalidations } from "./realtime/bus.ts";
import { PgBus } from "./realtime/pg-bus.ts";

export type Database = { db: Db; url: string; embedded: EmbeddedDatabase | null; close: () => Promise<void> };

/** Opens DATABASE_URL, or starts the embedded PostgreSQL in DATA_DIR; then applies migrations. */
export async function openDatabase(config: Config): Promise<Database> {
  const embedded = config.databaseUrl
    ? null
    : await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort);
  const url = config.databaseUrl ?? embedded?.url ?? "";
  const db = connect(url, 20);
  try {
    await runMigrations(db);
  } catch (error) {
    await db.$client.end();
    await embedded?.stop();
    throw error;
  }
  return {
    db,
    url,
    embedded,
    close: async () => {
      await db.$client.end();
      await embedded?.stop();
    },
  };
}

export type ClusterBus = { bus: PgBus; close: () => Promise<void> };

/**
 * The bus between the server processes of one installation (PostgreSQL LISTEN/NOTIFY): live rooms fan out
 * over it, and read and session caches are invalidated across processes. Harmless with one process.
 */
export async function startClusterBus(
  database: Database,
  log: { warn: (object: unknown, message?: string) => void },
): Promise<ClusterBus> {
  const bus = await PgBus.start(database.url, log);
  const stopSharing = shareCacheInvalidations(bus);
  return {
    bus,
    close: async () => {
      stopSharing();
      await bus.close();
    },
  };
}
