import type { FastifyRequest } from "fastify";
import type { Db, Executor } from "../db/client.ts";
import type { ServiceContext } from "../lib/context.ts";
import type { LiveOptions } from "../realtime/routes.ts";
import type { ObjectStore } from "../storage/index.ts";
import type { Auth } from "./auth/better-auth.ts";

/** What feature routes are given when the app is built. */
export type Deps = {
  db: Db;
  auth: Auth;
  publicUrl: string;
  live?: LiveOptions | undefined;
  /** Uploaded files: where they are kept and how large one may be. */
  files: FileOptions;
};

export type FileOptions = { store: ObjectStore; sizeLimitBytes: number };

/** The service context of a signed-in request (401 when no one is signed in). */
export async function contextOf(
  request: FastifyRequest,
  deps: Deps,
  db: Executor = deps.db,
): Promise<ServiceContext> {
  return { db, actor: await request.actor(), ip: request.ip, publicUrl: deps.publicUrl };
}
