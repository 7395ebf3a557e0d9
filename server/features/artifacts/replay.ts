import { and, eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Db } from "../../db/client.ts";
import { idempotencyKeys } from "../../db/schema/index.ts";

/**
 * An upload retried with an Idempotency-Key already answered: the first response, without receiving (and
 * storing) the files again. The request body is drained unread. `once` still guards the race of two
 * retries at the same moment (the loser's files are discarded).
 */
export async function replayOf(db: Db, request: FastifyRequest, personId: string): Promise<unknown> {
  const header = request.headers["idempotency-key"];
  const key = Array.isArray(header) ? header[0] : header;
  if (!key) return null;
  const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
  const [seen] = await db
    .select({ body: idempotencyKeys.body, route: idempotencyKeys.route })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.personId, personId), eq(idempotencyKeys.key, key)));
  if (!seen || seen.route !== route) return null;
  request.raw.resume();
  return seen.body;
}
