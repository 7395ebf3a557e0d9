import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import { forbidden } from "./errors.ts";
import { securityHeaders } from "./security-headers.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type SecurityOptions = { publicUrl: string; writesPerMinute: number };

/** Strict headers and CSP, a same-origin check on every state-changing request, and write rate limits. */
export async function registerSecurity(app: FastifyInstance, options: SecurityOptions): Promise<void> {
  const headers = securityHeaders(options.publicUrl);
  app.addHook("onRequest", (_request, reply, done) => {
    reply.headers(headers);
    done();
  });

  // CSRF: cookies are SameSite=Lax, and a browser's state-changing request must come from our own origin.
  const allowed = new Set([new URL(options.publicUrl).origin]);
  app.addHook("onRequest", async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith("/api/")) return;
    if (request.headers["sec-fetch-site"] === "cross-site")
      throw forbidden("Requests from other sites are refused.");
    const origin = request.headers.origin;
    if (origin && !allowed.has(origin) && origin !== `${request.protocol}://${request.host}`) {
      throw forbidden("Requests from other sites are refused.");
    }
  });

  await app.register(rateLimit, {
    global: true,
    max: options.writesPerMinute,
    timeWindow: "1 minute",
    // Reads are cheap and cached by the browser; writes are what an abuser would repeat.
    allowList: (request) => SAFE_METHODS.has(request.method) || request.url.startsWith("/api/auth/"),
  });
}
