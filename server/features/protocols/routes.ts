import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  protocolCopySchema,
  protocolInputSchema,
  protocolListQuerySchema,
  protocolListSchema,
  protocolParamsSchema,
  protocolSchema,
  protocolUpdateSchema,
  protocolVersionParamsSchema,
  protocolVersionSchema,
} from "../../../shared/schemas/protocols.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { sendCreated } from "../../http/idempotency.ts";
import { getProtocol, getProtocolVersion, listProtocols } from "./service.ts";
import { copyProtocol, createProtocol, setProtocolArchived, updateProtocol } from "./write-service.ts";

const tags = ["protocols"];
const params = protocolParamsSchema;
const ok = { 200: protocolSchema };
const created = { 201: protocolSchema, 200: protocolSchema };

export const protocolRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get(
    "/api/v1/protocols",
    { schema: { tags, querystring: protocolListQuerySchema, response: { 200: protocolListSchema } } },
    async (request) => listProtocols(await contextOf(request, deps), request.query),
  );

  app.post(
    "/api/v1/protocols",
    { schema: { tags, body: protocolInputSchema, response: created } },
    async (request, reply) => sendCreated(request, reply, deps, (ctx) => createProtocol(ctx, request.body)),
  );

  app.get("/api/v1/protocols/:id", { schema: { tags, params, response: ok } }, async (request) =>
    getProtocol(await contextOf(request, deps), request.params.id),
  );

  app.get(
    "/api/v1/protocols/:id/versions/:versionId",
    { schema: { tags, params: protocolVersionParamsSchema, response: { 200: protocolVersionSchema } } },
    async (request) =>
      getProtocolVersion(await contextOf(request, deps), request.params.id, request.params.versionId),
  );

  app.put(
    "/api/v1/protocols/:id",
    { schema: { tags, params, body: protocolUpdateSchema, response: ok } },
    async (request) => updateProtocol(await contextOf(request, deps), request.params.id, request.body),
  );

  app.post(
    "/api/v1/protocols/:id/copy",
    { schema: { tags, params, body: protocolCopySchema, response: created } },
    async (request, reply) =>
      sendCreated(request, reply, deps, (ctx) => copyProtocol(ctx, request.params.id, request.body.name)),
  );

  app.post("/api/v1/protocols/:id/archive", { schema: { tags, params, response: ok } }, async (request) =>
    setProtocolArchived(await contextOf(request, deps), request.params.id, true),
  );
  app.post("/api/v1/protocols/:id/restore", { schema: { tags, params, response: ok } }, async (request) =>
    setProtocolArchived(await contextOf(request, deps), request.params.id, false),
  );
};
