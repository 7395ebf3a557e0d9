import { eq } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../../db/client.ts";
import { people } from "../../db/schema/index.ts";
import { recordAudit } from "../../features/audit/record.ts";
import { unauthorized } from "../errors.ts";
import type { Auth } from "./better-auth.ts";

/** The signed-in person as every service sees them. */
export type Actor = {
  id: string;
  orgId: string;
  orgRole: "administrator" | "school_leader" | "educator" | "partner";
  name: string;
  email: string;
};

declare module "fastify" {
  interface FastifyRequest {
    /** Resolves the signed-in person once per request; throws 401 when there is none. */
    actor(): Promise<Actor>;
    /** The signed-in person, or null. */
    optionalActor(): Promise<Actor | null>;
  }
}

const toHeaders = (request: FastifyRequest): Headers => {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    headers.set(key, Array.isArray(value) ? value.join(", ") : String(value));
  }
  return headers;
};

/** Mounts Better Auth at /api/auth/* and gives every request a lazy, memoised `actor()`. */
export async function registerAuth(app: FastifyInstance, auth: Auth, db: Db): Promise<void> {
  app.route({
    method: ["GET", "POST"],
    url: "/api/auth/*",
    schema: { hide: true },
    handler: async (request, reply) => forwardToBetterAuth(request, reply, auth, db),
  });

  app.decorateRequest("actor", function (this: FastifyRequest) {
    return resolve(this, auth).then((actor) => {
      if (!actor) throw unauthorized();
      return actor;
    });
  });
  app.decorateRequest("optionalActor", function (this: FastifyRequest) {
    return resolve(this, auth);
  });
}

const memo = new WeakMap<FastifyRequest, Promise<Actor | null>>();

function resolve(request: FastifyRequest, auth: Auth): Promise<Actor | null> {
  let found = memo.get(request);
  if (!found) {
    found = lookUpActor(request, auth);
    memo.set(request, found);
  }
  return found;
}

async function lookUpActor(request: FastifyRequest, auth: Auth): Promise<Actor | null> {
  if (!request.headers.cookie) return null;
  const result = await auth.api.getSession({ headers: toHeaders(request) });
  if (!result) return null;
  const user = result.user as typeof result.user & {
    orgId: string;
    orgRole: Actor["orgRole"];
    status: string;
  };
  if (user.status !== "active") return null;
  return { id: user.id, orgId: user.orgId, orgRole: user.orgRole, name: user.name, email: user.email };
}

async function forwardToBetterAuth(request: FastifyRequest, reply: FastifyReply, auth: Auth, db: Db) {
  const url = new URL(request.url, `${request.protocol}://${request.host}`);
  const signingOut = url.pathname === "/api/auth/sign-out" ? await request.optionalActor() : null;
  const response = await auth.handler(
    new Request(url, {
      method: request.method,
      headers: toHeaders(request),
      body: request.method === "POST" ? JSON.stringify(request.body ?? {}) : undefined,
    }),
  );
  if (url.pathname === "/api/auth/sign-in/email" && response.status === 401) {
    await auditFailedSignIn(db, request);
  }
  if (signingOut && response.ok) {
    await recordAudit(db, {
      orgId: signingOut.orgId,
      actorId: signingOut.id,
      action: "auth.sign_out",
      ip: request.ip,
    });
  }
  reply.status(response.status);
  response.headers.forEach((value, key) => {
    if (key !== "set-cookie") reply.header(key, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) reply.header("set-cookie", cookies);
  return reply.send(response.body ? await response.text() : null);
}

async function auditFailedSignIn(db: Db, request: FastifyRequest) {
  const email = (request.body as { email?: unknown } | undefined)?.email;
  if (typeof email !== "string") return;
  const person = await db.query.people.findFirst({ where: eq(people.email, email.trim().toLowerCase()) });
  if (!person) return;
  await recordAudit(db, {
    orgId: person.orgId,
    actorId: null,
    action: "auth.sign_in_failed",
    subjectType: "person",
    subjectId: person.id,
    ip: request.ip,
  });
}
