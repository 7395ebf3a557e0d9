import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idSchema } from "../../../shared/schemas/common.ts";
import {
  communityInputSchema,
  communityListQuerySchema,
  communitySchema,
  communitySummarySchema,
  communityUpdateSchema,
  memberUpdateSchema,
  requestDecisionSchema,
} from "../../../shared/schemas/communities.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { sendCreated } from "../../http/idempotency.ts";
import { changeRole, decideRequest, leave, removeMember, requestToJoin } from "./membership-service.ts";
import { createCommunity, getCommunity, listCommunities, setArchived, updateCommunity } from "./service.ts";

const tags = ["communities"];
const params = z.object({ id: idSchema });
const memberParams = z.object({ id: idSchema, personId: idSchema });
const ok = { 200: communitySchema };

export const communityRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get(
    "/api/v1/communities",
    {
      schema: {
        tags,
        querystring: communityListQuerySchema,
        response: { 200: z.object({ items: z.array(communitySummarySchema) }) },
      },
    },
    async (request) => ({ items: await listCommunities(await contextOf(request, deps), request.query) }),
  );

  app.post(
    "/api/v1/communities",
    {
      schema: { tags, body: communityInputSchema, response: { 201: communitySchema, 200: communitySchema } },
    },
    async (request, reply) => sendCreated(request, reply, deps, (ctx) => createCommunity(ctx, request.body)),
  );

  app.get("/api/v1/communities/:id", { schema: { tags, params, response: ok } }, async (request) =>
    getCommunity(await contextOf(request, deps), request.params.id),
  );

  app.patch(
    "/api/v1/communities/:id",
    { schema: { tags, params, body: communityUpdateSchema, response: ok } },
    async (request) => updateCommunity(await contextOf(request, deps), request.params.id, request.body),
  );

  app.post("/api/v1/communities/:id/archive", { schema: { tags, params, response: ok } }, async (request) =>
    setArchived(await contextOf(request, deps), request.params.id, true),
  );
  app.post("/api/v1/communities/:id/restore", { schema: { tags, params, response: ok } }, async (request) =>
    setArchived(await contextOf(request, deps), request.params.id, false),
  );
  app.post("/api/v1/communities/:id/join", { schema: { tags, params, response: ok } }, async (request) =>
    requestToJoin(await contextOf(request, deps), request.params.id),
  );
  app.post("/api/v1/communities/:id/leave", { schema: { tags, params, response: ok } }, async (request) =>
    leave(await contextOf(request, deps), request.params.id),
  );

  app.patch(
    "/api/v1/communities/:id/members/:personId",
    { schema: { tags, params: memberParams, body: memberUpdateSchema, response: ok } },
    async (request) =>
      changeRole(
        await contextOf(request, deps),
        request.params.id,
        request.params.personId,
        request.body.role,
      ),
  );
  app.delete(
    "/api/v1/communities/:id/members/:personId",
    { schema: { tags, params: memberParams, response: ok } },
    async (request) =>
      removeMember(await contextOf(request, deps), request.params.id, request.params.personId),
  );
  app.post(
    "/api/v1/communities/:id/requests/:personId",
    { schema: { tags, params: memberParams, body: requestDecisionSchema, response: ok } },
    async (request) =>
      decideRequest(
        await contextOf(request, deps),
        request.params.id,
        request.params.personId,
        request.body.approve,
      ),
  );
};
