import swagger from "@fastify/swagger";
import scalar from "@scalar/fastify-api-reference";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";

/** The OpenAPI document generated from the routes' zod schemas, and a readable reference page. */
export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: "Lamplight API",
        version: "1",
        description:
          "REST API of Lamplight. Sign in at POST /api/auth/sign-in/email to receive a session cookie. " +
          "Errors are RFC 9457 problem details whose `errors[].path` names the field to fix.",
      },
    },
    transform: jsonSchemaTransform,
  });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  // The reference page renders in the browser with inline styles and configuration: allow those here only.
  app.register(async (docs) => {
    docs.addHook("onSend", async (_request, reply) => {
      reply.header(
        "content-security-policy",
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
      );
    });
    await docs.register(scalar, {
      routePrefix: "/api/docs",
      // Self-hosted and offline: no web fonts, AI agent, MCP or developer toolbar from the vendor's servers.
      configuration: {
        url: "/api/openapi.json",
        title: "Lamplight API",
        withDefaultFonts: false,
        showDeveloperTools: "never",
        documentDownloadType: "json",
        agent: { disabled: true },
        mcp: { disabled: true },
      },
    });
  });
}
