import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idSchema } from "../../../shared/schemas/common.ts";
import {
  artifactExemplarSchema,
  exemplarCopySchema,
  exemplarListSchema,
  exemplarQuerySchema,
  exemplarSchema,
  nominationInputSchema,
  reviewInputSchema,
} from "../../../shared/schemas/exemplars.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { sendCreated } from "../../http/idempotency.ts";
import { copyExemplar } from "./copy.ts";
import { listExemplars } from "./library.ts";
import { artifactExemplar, nominate, review, withdraw } from "./service.ts";

const tags = ["exemplars"];
const params = z.object({ id: idSchema });
const one = { 200: exemplarSchema };

export const exemplarRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get(
    "/api/v1/artifacts/:id/exemplar",
    { schema: { tags, params, response: { 200: artifactExemplarSchema } } },
    async (request) => artifactExemplar(await contextOf(request, deps), request.params.id),
  );

  app.post(
    "/api/v1/artifacts/:id/exemplar",
    { schema: { tags, params, body: nominationInputSchema, response: { 201: exemplarSchema, ...one } } },
    async (request, reply) =>
      sendCreated(request, reply, deps, (ctx) => nominate(ctx, request.params.id, request.body)),
  );

  app.get(
    "/api/v1/exemplars",
    { schema: { tags, querystring: exemplarQuerySchema, response: { 200: exemplarListSchema } } },
    async (request) => listExemplars(await contextOf(request, deps), request.query),
  );

  for (const [action, decision] of [
    ["approve", "approved"],
    ["decline", "declined"],
  ] as const) {
    app.post(
      `/api/v1/exemplars/:id/${action}`,
      { schema: { tags, params, body: reviewInputSchema, response: one } },
      async (request) =>
        review(await contextOf(request, deps), request.params.id, decision, request.body ?? { note: "" }),
    );
  }

  app.post("/api/v1/exemplars/:id/withdraw", { schema: { tags, params, response: one } }, async (request) =>
    withdraw(await contextOf(request, deps), request.params.id),
  );

  app.post(
    "/api/v1/exemplars/:id/copy",
    { schema: { tags, params, response: { 201: exemplarCopySchema, 200: exemplarCopySchema } } },
    async (request, reply) =>
      sendCreated(request, reply, deps, (ctx) => copyExemplar(ctx, request.params.id)),
  );
};
