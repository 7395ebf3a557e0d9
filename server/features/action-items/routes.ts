import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  actionItemInputSchema,
  actionItemListSchema,
  actionItemSchema,
  actionItemUpdateSchema,
  communityActionItemsQuerySchema,
  myActionItemsQuerySchema,
} from "../../../shared/schemas/action-items.ts";
import { idSchema } from "../../../shared/schemas/common.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { invalid } from "../../http/errors.ts";
import { sendCreated } from "../../http/idempotency.ts";
import {
  createCommunityActionItem,
  createMeetingActionItem,
  listCommunityActionItems,
  listMyActionItems,
  updateActionItem,
} from "./service.ts";

const tags = ["action items"];
const params = z.object({ id: idSchema });
const created = { 201: actionItemSchema, 200: actionItemSchema };

export const actionItemRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.post(
    "/api/v1/meetings/:id/action-items",
    { schema: { tags, params, body: actionItemInputSchema, response: created } },
    async (request, reply) =>
      sendCreated(request, reply, deps, (ctx) =>
        createMeetingActionItem(ctx, request.params.id, request.body),
      ),
  );

  app.post(
    "/api/v1/communities/:id/action-items",
    { schema: { tags, params, body: actionItemInputSchema, response: created } },
    async (request, reply) =>
      sendCreated(request, reply, deps, (ctx) =>
        createCommunityActionItem(ctx, request.params.id, request.body),
      ),
  );

  app.patch(
    "/api/v1/action-items/:id",
    { schema: { tags, params, body: actionItemUpdateSchema, response: { 200: actionItemSchema } } },
    async (request) => updateActionItem(await contextOf(request, deps), request.params.id, request.body),
  );

  app.get(
    "/api/v1/action-items",
    { schema: { tags, querystring: myActionItemsQuerySchema, response: { 200: actionItemListSchema } } },
    async (request) => {
      // Only one's own list lives here; a community's is under /communities/:id/action-items.
      if (!request.query.mine)
        throw invalid("mine", "Use mine=1: a community's action items are listed on the community.");
      return { items: await listMyActionItems(await contextOf(request, deps), request.query) };
    },
  );

  app.get(
    "/api/v1/communities/:id/action-items",
    {
      schema: {
        tags,
        params,
        querystring: communityActionItemsQuerySchema,
        response: { 200: actionItemListSchema },
      },
    },
    async (request) => ({
      items: await listCommunityActionItems(await contextOf(request, deps), request.params.id, request.query),
    }),
  );
};
