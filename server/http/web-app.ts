import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

export const webRoot = fileURLToPath(new URL("../../dist/web", import.meta.url));

/**
 * Serves the built web app (dist/web). Any other GET that is not an API call answers with index.html,
 * so deep links such as /communities/<id> open the right screen. Returns that fallback handler.
 */
export async function registerWebApp(
  app: FastifyInstance,
): Promise<((request: FastifyRequest, reply: FastifyReply) => unknown) | null> {
  if (!existsSync(path.join(webRoot, "index.html"))) return null;
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    index: false,
    // Vite names assets by content hash: cache them for a year; index.html must always be fresh.
    setHeaders: (res, filePath) => {
      res.header(
        "cache-control",
        filePath.includes(`${path.sep}assets${path.sep}`)
          ? "public, max-age=31536000, immutable"
          : "no-cache",
      );
    },
  });
  return (_request, reply) => reply.header("cache-control", "no-cache").sendFile("index.html");
}
