import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { instanceSecrets } from "../../db/schema/index.ts";

/**
 * The key that signs session cookies: AUTH_SECRET when set, otherwise one generated on first start and
 * kept in the database, so every server process of one installation agrees on it.
 */
export async function loadAuthSecret(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db
    .insert(instanceSecrets)
    .values({ name: "auth", value: randomBytes(48).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db.select().from(instanceSecrets).where(eq(instanceSecrets.name, "auth"));
  if (!row) throw new Error("The session-signing secret could not be stored.");
  return row.value;
}
