import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idSchema } from "../../../shared/schemas/common.ts";
import {
  agendaItemInputSchema,
  agendaItemUpdateSchema,
  agendaOrderSchema,
  meetingCreatedSchema,
  meetingInputSchema,
  meetingListQuerySchema,
  meetingPageSchema,
  meetingSchema,
  meetingUpdateSchema,
  roleAssignmentsSchema,
  seriesCancelSchema,
  seriesChangeSchema,
  seriesUpdateSchema,
} from "../../../shared/schemas/meetings.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { sendCreated } from "../../http/idempotency.ts";
import {
  addAgendaItem,
  removeAgendaItem,
  reorderAgenda,
  setRoles,
  updateAgendaItem,
} from "./agenda-service.ts";
import { listCommunityMeetings } from "./list.ts";
import { cancelSeriesFrom, updateSeries } from "./series-service.ts";
import { cancelMeeting, getMeeting, restoreMeeting, scheduleMeeting, updateMeeting } from "./service.ts";

const tags = ["meetings"];
const params = z.object({ id: idSchema });
const itemParams = z.object({ id: idSchema, itemId: idSchema });
const ok = { 200: meetingSchema };

export const meetingRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.post(
    "/api/v1/communities/:id/meetings",
    {
      schema: {
        tags,
        params,
        body: meetingInputSchema,
        response: { 201: meetingCreatedSchema, 200: meetingCreatedSchema },
      },
    },
    async (request, reply) =>
      sendCreated(request, reply, deps, (ctx) => scheduleMeeting(ctx, request.params.id, request.body)),
  );

  app.get(
    "/api/v1/communities/:id/meetings",
    { schema: { tags, params, querystring: meetingListQuerySchema, response: { 200: meetingPageSchema } } },
    async (request) =>
      listCommunityMeetings(await contextOf(request, deps), request.params.id, request.query),
  );

  app.get("/api/v1/meetings/:id", { schema: { tags, params, response: ok } }, async (request) =>
    getMeeting(await contextOf(request, deps), request.params.id),
  );

  app.patch(
    "/api/v1/meetings/:id",
    { schema: { tags, params, body: meetingUpdateSchema, response: ok } },
    async (request) => updateMeeting(await contextOf(request, deps), request.params.id, request.body),
  );

  app.post("/api/v1/meetings/:id/cancel", { schema: { tags, params, response: ok } }, async (request) =>
    cancelMeeting(await contextOf(request, deps), request.params.id),
  );
  app.post("/api/v1/meetings/:id/restore", { schema: { tags, params, response: ok } }, async (request) =>
    restoreMeeting(await contextOf(request, deps), request.params.id),
  );

  app.patch(
    "/api/v1/meeting-series/:id",
    { schema: { tags, params, body: seriesUpdateSchema, response: { 200: seriesChangeSchema } } },
    async (request) => updateSeries(await contextOf(request, deps), request.params.id, request.body),
  );
  app.post(
    "/api/v1/meeting-series/:id/cancel",
    { schema: { tags, params, body: seriesCancelSchema, response: { 200: seriesChangeSchema } } },
    async (request) => cancelSeriesFrom(await contextOf(request, deps), request.params.id, request.body.from),
  );

  app.post(
    "/api/v1/meetings/:id/agenda-items",
    {
      schema: {
        tags,
        params,
        body: agendaItemInputSchema,
        response: { 201: meetingSchema, 200: meetingSchema },
      },
    },
    async (request, reply) =>
      sendCreated(request, reply, deps, (ctx) => addAgendaItem(ctx, request.params.id, request.body)),
  );
  app.patch(
    "/api/v1/meetings/:id/agenda-items/:itemId",
    { schema: { tags, params: itemParams, body: agendaItemUpdateSchema, response: ok } },
    async (request) =>
      updateAgendaItem(
        await contextOf(request, deps),
        request.params.id,
        request.params.itemId,
        request.body,
      ),
  );
  app.delete(
    "/api/v1/meetings/:id/agenda-items/:itemId",
    { schema: { tags, params: itemParams, response: ok } },
    async (request) =>
      removeAgendaItem(await contextOf(request, deps), request.params.id, request.params.itemId),
  );
  app.put(
    "/api/v1/meetings/:id/agenda-order",
    { schema: { tags, params, body: agendaOrderSchema, response: ok } },
    async (request) => reorderAgenda(await contextOf(request, deps), request.params.id, request.body.itemIds),
  );
  app.put(
    "/api/v1/meetings/:id/roles",
    { schema: { tags, params, body: roleAssignmentsSchema, response: ok } },
    async (request) => setRoles(await contextOf(request, deps), request.params.id, request.body),
  );
};
