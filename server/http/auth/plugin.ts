import { eq } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../../db/client.ts";
import { people } from "../../db/schema/index.ts";
import { recordAudit } from "../../features/audit/record.ts";
import { unauthorized } from "../errors.ts";
import type { Auth } from "./better-auth.ts";
import { CLIENT_IP_HEADER } from "./client-ip.ts";
import { createSessionResolver, tokenFrom } from "./session.ts";
import { forgetToken } from "./session-cache.ts";

/** The signed-in person as every service sees them. */
export type Actor = {
  id: string;
  orgId: string;
  orgRole: "administrator" | "school_leader" | "educator" | "partner";
  name: string;
  email: string;
  /** The schools the person works in (a school leader leads these). */
  schoolIds: string[];
};

declare module "fastify" {
  interface FastifyRequest {
    /** Resolves the signed-in person once per request; throws 401 when there is none. */
    actor(): Promise<Actor>;
    /** The signed-in person, or null. */
    optionalActor(): Promise<Actor | null>;
  }
}

type Bridge = { auth: Auth; db: Db; cookieName: string; secret: string };

/**
 * The parts of Better Auth Lamplight uses. Its other endpoints (update-user, change-password,
 * list-sessions, …) would bypass Lamplight's validation, policy and audit, so they are not mounted.
 */
const betterAuthRoutes = [
  ["POST", "/api/auth/sign-in/email"],
  ["POST", "/api/auth/sign-out"],
  ["POST", "/api/auth/request-password-reset"],
  ["POST", "/api/auth/reset-password"],
  // The emailed reset link: checks the token, then redirects to the app's reset form.
  ["GET", "/api/auth/reset-password/:token"],
] as const;

/** Mounts the parts of Better Auth we use under /api/auth and gives every request a lazy, memoised `actor()`. */
export async function registerAuth(app: FastifyInstance, auth: Auth, db: Db, secret: string): Promise<void> {
  const sessionCookie = (await auth.$context).authCookies.sessionToken;
  const cookieName = sessionCookie.name;
  const resolveSession = createSessionResolver(db, secret, cookieName);
  const bridge: Bridge = { auth, db, cookieName, secret };

  for (const [method, url] of betterAuthRoutes) {
    app.route({
      method,
      url,
      schema: { hide: true },
      handler: (request, reply) => forwardToBetterAuth(request, reply, bridge),
    });
  }

  const memo = new WeakMap<FastifyRequest, Promise<Actor | null>>();
  const renewals = new WeakMap<FastifyRequest, { signed: string; expiresAt: Date }>();
  const resolve = (request: FastifyRequest) => {
    let found = memo.get(request);
    if (!found) {
      found = resolveSession(request.headers.cookie).then((session) => {
        if (session?.renewed) renewals.set(request, session.renewed);
        return session?.actor ?? null;
      });
      memo.set(request, found);
    }
    return found;
  };
  // A renewed session gets its cookie re-sent with the new lifetime, with Better Auth's own attributes.
  app.addHook("onSend", async (request, reply, payload) => {
    const renewed = renewals.get(request);
    if (renewed) reply.header("set-cookie", renewedCookie(cookieName, sessionCookie.attributes, renewed));
    return payload;
  });
  app.decorateRequest("actor", function (this: FastifyRequest) {
    return resolve(this).then((actor) => {
      if (!actor) throw unauthorized();
      return actor;
    });
  });
  app.decorateRequest("optionalActor", function (this: FastifyRequest) {
    return resolve(this);
  });
}

type CookieAttributes = {
  path?: string | undefined;
  httpOnly?: boolean | undefined;
  secure?: boolean | undefined;
  sameSite?: string | undefined;
  domain?: string | undefined;
};

function renewedCookie(
  name: string,
  attributes: CookieAttributes,
  renewed: { signed: string; expiresAt: Date },
): string {
  const maxAge = Math.max(0, Math.floor((renewed.expiresAt.getTime() - Date.now()) / 1000));
  const sameSite = (attributes.sameSite ?? "lax").replace(/^./, (c) => c.toUpperCase());
  return [
    `${name}=${renewed.signed}`,
    `Max-Age=${maxAge}`,
    `Path=${attributes.path ?? "/"}`,
    attributes.domain ? `Domain=${attributes.domain}` : "",
    attributes.httpOnly ? "HttpOnly" : "",
    attributes.secure ? "Secure" : "",
    `SameSite=${sameSite}`,
  ]
    .filter(Boolean)
    .join("; ");
}

function toHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    headers.set(key, Array.isArray(value) ? value.join(", ") : String(value));
  }
  // Per-address rate limits need the address; without it every client would share one bucket.
  headers.set(CLIENT_IP_HEADER, request.ip);
  return headers;
}

async function forwardToBetterAuth(request: FastifyRequest, reply: FastifyReply, bridge: Bridge) {
  const url = new URL(request.url, `${request.protocol}://${request.host}`);
  const signOut = url.pathname === "/api/auth/sign-out";
  const signingOut = signOut ? await request.optionalActor() : null;
  const response = await bridge.auth.handler(
    new Request(url, {
      method: request.method,
      headers: toHeaders(request),
      body: request.method === "POST" ? JSON.stringify(request.body ?? {}) : undefined,
    }),
  );
  if (signOut && response.ok) {
    const token = tokenFrom(request.headers.cookie, bridge.cookieName, bridge.secret);
    if (token) forgetToken(token);
    if (signingOut) {
      await recordAudit(bridge.db, {
        orgId: signingOut.orgId,
        actorId: signingOut.id,
        action: "auth.sign_out",
        ip: request.ip,
      });
    }
  }
  if (url.pathname === "/api/auth/sign-in/email" && response.status === 401) {
    await auditFailedSignIn(bridge.db, request);
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
