import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { auditEventSchema, auditQuerySchema } from "../../../shared/schemas/audit.ts";
import { pageOf } from "../../../shared/schemas/common.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { listAudit } from "./service.ts";

export const auditRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get(
    "/api/v1/audit",
    {
      schema: { tags: ["audit"], querystring: auditQuerySchema, response: { 200: pageOf(auditEventSchema) } },
    },
    async (request) => listAudit(await contextOf(request, deps), request.query),
  );
};
