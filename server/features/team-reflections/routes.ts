import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { idParamsSchema } from "../../../shared/schemas/common.ts";
import {
  teamReflectionCreateSchema,
  teamReflectionListSchema,
  teamReflectionSaveSchema,
  teamReflectionSchema,
} from "../../../shared/schemas/team-reflections.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { once } from "../../http/idempotency.ts";
import {
  createReflection,
  deleteReflection,
  getReflection,
  listReflections,
  saveReflection,
} from "./service.ts";

const tags = ["team reflections"];
const params = idParamsSchema;
const one = { 200: teamReflectionSchema };

export const teamReflectionRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get(
    "/api/v1/communities/:id/team-reflections",
    { schema: { tags, params, response: { 200: teamReflectionListSchema } } },
    async (request) => listReflections(await contextOf(request, deps), request.params.id),
  );

  // Like sendCreated, but a meeting's or cycle's reflection that already exists answers 200 with it.
  app.post(
    "/api/v1/communities/:id/team-reflections",
    {
      schema: {
        tags,
        params,
        body: teamReflectionCreateSchema,
        response: { 201: teamReflectionSchema, 200: teamReflectionSchema },
      },
    },
    async (request, reply) => {
      const { body, replayed } = await once(deps.db, request, await request.actor(), async (tx) =>
        createReflection(await contextOf(request, deps, tx), request.params.id, request.body),
      );
      return reply.status(body.created && !replayed ? 201 : 200).send(body.reflection);
    },
  );

  app.get("/api/v1/team-reflections/:id", { schema: { tags, params, response: one } }, async (request) =>
    getReflection(await contextOf(request, deps), request.params.id),
  );

  app.put(
    "/api/v1/team-reflections/:id",
    { schema: { tags, params, body: teamReflectionSaveSchema, response: one } },
    async (request) =>
      deps.db.transaction(async (tx) =>
        saveReflection(await contextOf(request, deps, tx), request.params.id, request.body),
      ),
  );

  app.delete("/api/v1/team-reflections/:id", { schema: { tags, params } }, async (request, reply) => {
    await deps.db.transaction(async (tx) =>
      deleteReflection(await contextOf(request, deps, tx), request.params.id),
    );
    return reply.status(204).send();
  });
};
