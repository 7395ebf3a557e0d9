import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { syncBuiltinProtocols } from "../features/protocols/builtin-sync.ts";
import { syncBuiltinSurveys } from "../features/surveys/builtin-sync.ts";
import type { Db } from "./client.ts";

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/**
 * Applies the committed SQL migrations in order; each runs in a transaction, so a crash leaves none
 * half-done. Then brings the built-in protocols and surveys (data shipped in the code, not in migrations) up to date.
 */
export async function runMigrations(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder });
  await syncBuiltinProtocols(db);
  await syncBuiltinSurveys(db);
}
