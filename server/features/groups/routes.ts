import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { idParamsSchema } from "../../../shared/schemas/common.ts";
import {
  groupInputSchema,
  groupSuggestionsSchema,
  groupUpdateSchema,
  studentGroupListSchema,
  studentGroupSchema,
  suggestionsQuerySchema,
} from "../../../shared/schemas/groups.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { sendCreated } from "../../http/idempotency.ts";
import { groupCsv } from "./export.ts";
import { listCommunityGroups, listGroups } from "./list.ts";
import { createGroup, deleteGroup, readGroup, updateGroup } from "./service.ts";
import { groupSuggestions } from "./suggestions.ts";

const tags = ["student groups"];
const params = idParamsSchema;
const one = { 200: studentGroupSchema };

export const groupRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get(
    "/api/v1/assessments/:id/group-suggestions",
    {
      schema: {
        tags,
        params,
        querystring: suggestionsQuerySchema,
        response: { 200: groupSuggestionsSchema },
      },
    },
    async (request) =>
      groupSuggestions(await contextOf(request, deps), request.params.id, request.query.standard),
  );

  app.get(
    "/api/v1/assessments/:id/student-groups",
    { schema: { tags, params, response: { 200: studentGroupListSchema } } },
    async (request) => ({ items: await listGroups(await contextOf(request, deps), request.params.id) }),
  );

  app.get(
    "/api/v1/communities/:id/student-groups",
    { schema: { tags, params, response: { 200: studentGroupListSchema } } },
    async (request) => ({
      items: await listCommunityGroups(await contextOf(request, deps), request.params.id),
    }),
  );

  app.post(
    "/api/v1/student-groups",
    {
      schema: {
        tags,
        body: groupInputSchema,
        response: { 201: studentGroupSchema, 200: studentGroupSchema },
      },
    },
    async (request, reply) => sendCreated(request, reply, deps, (ctx) => createGroup(ctx, request.body)),
  );

  app.get("/api/v1/student-groups/:id", { schema: { tags, params, response: one } }, async (request) =>
    readGroup(await contextOf(request, deps), request.params.id),
  );

  app.patch(
    "/api/v1/student-groups/:id",
    { schema: { tags, params, body: groupUpdateSchema, response: one } },
    async (request) => updateGroup(await contextOf(request, deps), request.params.id, request.body),
  );

  app.delete("/api/v1/student-groups/:id", { schema: { tags, params } }, async (request, reply) => {
    await deleteGroup(await contextOf(request, deps), request.params.id);
    return reply.status(204).send();
  });

  app.get("/api/v1/student-groups/:id/export", { schema: { tags, params } }, async (request, reply) => {
    const { filename, csv } = await groupCsv(await contextOf(request, deps), request.params.id);
    return reply
      .type("text/csv; charset=utf-8")
      .header(
        "content-disposition",
        `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      )
      .header("cache-control", "no-store")
      .send(csv);
  });
};
