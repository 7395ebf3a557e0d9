import { sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";

/** A stored built-in: its row, its current version's number, and whether that version equals the shipped one. */
export type StoredBuiltin = { id: string; number: number; same: boolean };

/**
 * Brings versioned built-ins (protocols, surveys) in the database in line with what ships: a missing one is
 * added, a changed one gets a new version (old versions stay, for what used them). Idempotent; one
 * transaction under an advisory lock, so concurrent starts neither duplicate nor interleave. `stored`
 * receives the shipped definitions as one JSON object by key, for a jsonb comparison (which ignores key
 * order and whitespace, so an unchanged definition never adds a version).
 */
export async function syncBuiltins<D>(
  db: Db,
  lock: number,
  shipped: { key: string; definition: D }[],
  store: {
    stored: (tx: Tx, shippedJson: string) => Promise<Map<string, StoredBuiltin>>;
    add: (tx: Tx, key: string, definition: D) => Promise<void>;
    addVersion: (tx: Tx, current: StoredBuiltin, definition: D) => Promise<void>;
  },
): Promise<{ added: number; updated: number }> {
  const shippedJson = JSON.stringify(Object.fromEntries(shipped.map((d) => [d.key, d.definition])));
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${lock})`);
    const current = await store.stored(tx, shippedJson);
    let added = 0;
    let updated = 0;
    for (const { key, definition } of shipped) {
      const found = current.get(key);
      if (!found) {
        await store.add(tx, key, definition);
        added++;
      } else if (!found.same) {
        await store.addVersion(tx, found, definition);
        updated++;
      }
    }
    return { added, updated };
  });
}
