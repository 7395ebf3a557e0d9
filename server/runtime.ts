import type { Config } from "./config.ts";
import { connect, type Db } from "./db/client.ts";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "./db/embedded.ts";
import { runMigrations } from "./db/migrate.ts";

export type Database = { db: Db; url: string; embedded: EmbeddedDatabase | null; close: () => Promise<void> };

/** Port of the embedded PostgreSQL (only with no DATABASE_URL). */
const embeddedPort = () => Number(process.env.EMBEDDED_PG_PORT ?? 5433);

/** Opens DATABASE_URL, or starts the embedded PostgreSQL in DATA_DIR; then applies migrations. */
export async function openDatabase(config: Config): Promise<Database> {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, embeddedPort());
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
