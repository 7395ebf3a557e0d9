import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idSchema } from "../../../shared/schemas/common.ts";
import {
  alignmentsInputSchema,
  checkInInputSchema,
  checkInSchema,
  goalDetailSchema,
  goalHistorySchema,
  goalInputSchema,
  goalListQuerySchema,
  goalListSchema,
  goalUpdateSchema,
  measurementInputSchema,
  measurementSchema,
} from "../../../shared/schemas/goals.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { sendCreated } from "../../http/idempotency.ts";
import { setAlignments } from "./alignments.ts";
import { goalHistory } from "./history.ts";
import { addCheckIn, addMeasurement, removeMeasurement } from "./progress.ts";
import { createGoal, goalDetail, listGoals, updateGoal } from "./service.ts";

const tags = ["goals"];
const params = z.object({ id: idSchema });

/** Goals: SMART fields, status with reasons, history, alignment, measurements and check-ins. */
export const goalRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.post(
    "/api/v1/goals",
    { schema: { tags, body: goalInputSchema, response: { 201: goalDetailSchema, 200: goalDetailSchema } } },
    async (request, reply) => sendCreated(request, reply, deps, (ctx) => createGoal(ctx, request.body)),
  );

  app.get(
    "/api/v1/goals",
    { schema: { tags, querystring: goalListQuerySchema, response: { 200: goalListSchema } } },
    async (request) => ({ items: await listGoals(await contextOf(request, deps), request.query) }),
  );

  app.get(
    "/api/v1/goals/:id",
    { schema: { tags, params, response: { 200: goalDetailSchema } } },
    async (request) => goalDetail(await contextOf(request, deps), request.params.id),
  );

  app.patch(
    "/api/v1/goals/:id",
    { schema: { tags, params, body: goalUpdateSchema, response: { 200: goalDetailSchema } } },
    async (request) => updateGoal(await contextOf(request, deps), request.params.id, request.body),
  );

  app.get(
    "/api/v1/goals/:id/history",
    { schema: { tags, params, response: { 200: goalHistorySchema } } },
    async (request) => ({ items: await goalHistory(await contextOf(request, deps), request.params.id) }),
  );

  app.put(
    "/api/v1/goals/:id/alignments",
    { schema: { tags, params, body: alignmentsInputSchema, response: { 200: goalDetailSchema } } },
    async (request) =>
      setAlignments(await contextOf(request, deps), request.params.id, request.body.alignedToIds),
  );

  app.post(
    "/api/v1/goals/:id/measurements",
    {
      schema: {
        tags,
        params,
        body: measurementInputSchema,
        response: { 201: measurementSchema, 200: measurementSchema },
      },
    },
    async (request, reply) =>
      sendCreated(request, reply, deps, (ctx) => addMeasurement(ctx, request.params.id, request.body)),
  );

  app.delete(
    "/api/v1/goals/:id/measurements/:measurementId",
    { schema: { tags, params: z.object({ id: idSchema, measurementId: idSchema }) } },
    async (request, reply) => {
      await removeMeasurement(
        await contextOf(request, deps),
        request.params.id,
        request.params.measurementId,
      );
      return reply.status(204).send();
    },
  );

  app.post(
    "/api/v1/goals/:id/check-ins",
    {
      schema: {
        tags,
        params,
        body: checkInInputSchema,
        response: { 201: checkInSchema, 200: checkInSchema },
      },
    },
    async (request, reply) =>
      sendCreated(request, reply, deps, (ctx) => addCheckIn(ctx, request.params.id, request.body)),
  );
};
