import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "../../db/client.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { invalid } from "../../http/errors.ts";

const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;
/** A claim older than this belongs to a request that died (a restart mid-import): it is taken over. */
const ABANDONED_AFTER = "1 hour";
const POLL_MS = 200;

/*
 * Idempotency-Key for results imports. http/idempotency.ts runs a create inside one transaction; an import
 * runs in its own (COPY needs its own connection) and may take a minute, so holding a second connection
 * for it could exhaust the pool. Instead the key is claimed first (a row with status 0, committed at once):
 * the request that claims it imports and then stores its report; a double submit finds the claim, waits
 * for the report (polling, no connection held) and replays it. A request that fails with an error rather
 * than a report releases its claim, so a retry runs again. Same table and rules as http/idempotency.ts.
 */
export async function importOnce<T>(
  db: Db,
  actor: Actor,
  header: string | string[] | undefined,
  route: string,
  run: () => Promise<T>,
): Promise<{ body: T; replayed: boolean }> {
  if (header === undefined) return { body: await run(), replayed: false };
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || !KEY_PATTERN.test(key))
    throw invalid("Idempotency-Key", "Use 8–100 letters, digits, dashes or underscores (a UUID works).");
  const pool = db.$client;
  for (;;) {
    await pool.query(
      `delete from idempotency_keys where person_id = $1 and key = $2 and status_code = 0
          and created_at < now() - interval '${ABANDONED_AFTER}'`,
      [actor.id, key],
    );
    const claimed = await pool.query(
      `insert into idempotency_keys (person_id, key, route, status_code, body) values ($1, $2, $3, 0, '{}')
       on conflict do nothing returning key`,
      [actor.id, key, route],
    );
    if (claimed.rowCount) {
      let body: T;
      try {
        body = await run();
      } catch (error) {
        await pool.query("delete from idempotency_keys where person_id = $1 and key = $2", [actor.id, key]);
        throw error;
      }
      await pool.query(
        "update idempotency_keys set status_code = 201, body = $3 where person_id = $1 and key = $2",
        [actor.id, key, JSON.stringify(body)],
      );
      return { body, replayed: false };
    }
    const seen = await waitForReport<T>(db, actor.id, key);
    if (!seen) continue; // the first request failed and released the key: this one runs
    if (seen.route !== route)
      throw invalid("Idempotency-Key", "This key was already used for another request.");
    return { body: seen.body, replayed: true };
  }
}

/** The stored report of the request holding the key, once it has one; null when it let the key go. */
async function waitForReport<T>(db: Db, personId: string, key: string) {
  for (;;) {
    const { rows } = await db.$client.query<{ route: string; status_code: number; body: T }>(
      "select route, status_code, body from idempotency_keys where person_id = $1 and key = $2",
      [personId, key],
    );
    const row = rows[0];
    if (!row) return null;
    if (row.status_code !== 0) return { route: row.route, body: row.body };
    await sleep(POLL_MS);
  }
}
