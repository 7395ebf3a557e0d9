import { and, eq, sql } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Db, Tx } from "../db/client.ts";
import { idempotencyKeys } from "../db/schema/index.ts";
import type { ServiceContext } from "../lib/context.ts";
import type { Actor } from "./auth/plugin.ts";
import { contextOf, type Deps } from "./deps.ts";
import { invalid } from "./errors.ts";

const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;

/**
 * Runs a create once per `Idempotency-Key`: the key, the change and the stored response commit in one
 * transaction, and a concurrent or later retry with the same key gets the first response back.
 */
export async function once<T>(
  db: Db,
  request: FastifyRequest,
  actor: Actor,
  create: (tx: Tx) => Promise<T>,
): Promise<{ body: T; replayed: boolean }> {
  const header = request.headers["idempotency-key"];
  if (header === undefined) return { body: await db.transaction(create), replayed: false };
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || !KEY_PATTERN.test(key)) {
    throw invalid("Idempotency-Key", "Use 8–100 letters, digits, dashes or underscores (a UUID works).");
  }
  const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
  return db.transaction(async (tx) => {
    // Serialises concurrent retries of the same key; the second waits, then finds the stored response.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${actor.id}:${key}`}, 0))`);
    const [seen] = await tx
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.personId, actor.id), eq(idempotencyKeys.key, key)));
    if (seen) {
      if (seen.route !== route)
        throw invalid("Idempotency-Key", "This key was already used for another request.");
      return { body: seen.body as T, replayed: true };
    }
    const body = await create(tx);
    await tx.insert(idempotencyKeys).values({ personId: actor.id, key, route, statusCode: 201, body });
    return { body, replayed: false };
  });
}

/**
 * The create routes' answer: runs `create` once per Idempotency-Key inside one transaction and replies
 * 201 with the new resource, or 200 with the first response when the request is a retry.
 */
export async function sendCreated<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: Deps,
  create: (ctx: ServiceContext) => Promise<T>,
) {
  const { body, replayed } = await once(deps.db, request, await request.actor(), async (tx) =>
    create(await contextOf(request, deps, tx)),
  );
  return reply.status(replayed ? 200 : 201).send(body);
}
