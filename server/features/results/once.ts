import type { Db } from "../../db/client.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { invalid } from "../../http/errors.ts";

const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;

/*
 * Idempotency-Key for results imports. http/idempotency.ts runs a create inside one transaction; an import
 * runs in its own (COPY needs its own connection), so here a session advisory lock on the person and key,
 * held on a connection of its own for the whole import, serialises a double submit: the second waits,
 * then finds the first's stored report and replays it. A failed request (an error, not a report) stores
 * nothing, so retrying it runs again. Same table and rules as http/idempotency.ts.
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
  const client = await db.$client.connect();
  const lock = `${actor.id}:${key}`;
  try {
    await client.query("select pg_advisory_lock(hashtextextended($1, 0))", [lock]);
    const seen = await client.query<{ route: string; body: T }>(
      "select route, body from idempotency_keys where person_id = $1 and key = $2",
      [actor.id, key],
    );
    const first = seen.rows[0];
    if (first) {
      if (first.route !== route)
        throw invalid("Idempotency-Key", "This key was already used for another request.");
      return { body: first.body, replayed: true };
    }
    const body = await run();
    await client.query(
      `insert into idempotency_keys (person_id, key, route, status_code, body) values ($1, $2, $3, 201, $4)`,
      [actor.id, key, route, JSON.stringify(body)],
    );
    return { body, replayed: false };
  } finally {
    await client.query("select pg_advisory_unlock(hashtextextended($1, 0))", [lock]).catch(() => {});
    client.release();
  }
}
