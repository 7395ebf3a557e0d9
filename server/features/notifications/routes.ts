import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idSchema } from "../../../shared/schemas/common.ts";
import {
  markedSchema,
  notificationListQuerySchema,
  notificationListSchema,
  notificationMutesResultSchema,
  notificationMutesSchema,
  notificationSchema,
  unreadCountSchema,
} from "../../../shared/schemas/notifications.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { getMutes, listNotifications, markAllRead, markRead, setMutes, unreadCount } from "./service.ts";

const tags = ["notifications"];
const params = z.object({ id: idSchema });

export const notificationRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get(
    "/api/v1/notifications",
    {
      schema: { tags, querystring: notificationListQuerySchema, response: { 200: notificationListSchema } },
    },
    async (request) => listNotifications(await contextOf(request, deps), request.query),
  );

  app.get(
    "/api/v1/notifications/unread-count",
    { schema: { tags, response: { 200: unreadCountSchema } } },
    async (request, reply) => {
      // Polled by the bell: never cached by the browser, or the number would lag behind.
      reply.header("cache-control", "no-store");
      return unreadCount(await contextOf(request, deps));
    },
  );

  app.post(
    "/api/v1/notifications/:id/read",
    { schema: { tags, params, response: { 200: notificationSchema } } },
    async (request) => markRead(await contextOf(request, deps), request.params.id),
  );

  app.post(
    "/api/v1/notifications/read-all",
    { schema: { tags, response: { 200: markedSchema } } },
    async (request) => markAllRead(await contextOf(request, deps)),
  );

  app.get(
    "/api/v1/notifications/mutes",
    { schema: { tags, response: { 200: notificationMutesResultSchema } } },
    async (request) => getMutes(await contextOf(request, deps)),
  );

  app.put(
    "/api/v1/notifications/mutes",
    { schema: { tags, body: notificationMutesSchema, response: { 200: notificationMutesResultSchema } } },
    async (request) => setMutes(await contextOf(request, deps), request.body),
  );
};
