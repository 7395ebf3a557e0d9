import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { idParamsSchema, idSchema } from "../../../shared/schemas/common.ts";
import {
  activityInputSchema,
  activityUpdateSchema,
  addEntryToPlanSchema,
  learningGoalInputSchema,
  learningGoalUpdateSchema,
  learningPlanSchema,
  planParamsSchema,
  planUpdateSchema,
} from "../../../shared/schemas/learning-plans.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { sendCreated } from "../../http/idempotency.ts";
import {
  addActivity,
  addEntryToPlan,
  addGoal,
  readPlan,
  removeActivity,
  removeGoal,
  updateActivity,
  updateGoal,
  updatePlan,
} from "./service.ts";

const tags = ["learning plans"];
const params = planParamsSchema;
const goalParams = planParamsSchema.extend({ goalId: idSchema });
const activityParams = planParamsSchema.extend({ activityId: idSchema });
const one = { 200: learningPlanSchema };
const created = { 201: learningPlanSchema, 200: learningPlanSchema };
const base = "/api/v1/learning-plans/:year";

export const learningPlanRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get(base, { schema: { tags, params, response: one } }, async (request) =>
    readPlan(await contextOf(request, deps), request.params.year),
  );

  app.patch(base, { schema: { tags, params, body: planUpdateSchema, response: one } }, async (request) =>
    updatePlan(await contextOf(request, deps), request.params.year, request.body),
  );

  app.post(
    `${base}/goals`,
    { schema: { tags, params, body: learningGoalInputSchema, response: created } },
    async (request, reply) =>
      sendCreated(request, reply, deps, (ctx) => addGoal(ctx, request.params.year, request.body)),
  );

  app.patch(
    `${base}/goals/:goalId`,
    { schema: { tags, params: goalParams, body: learningGoalUpdateSchema, response: one } },
    async (request) =>
      updateGoal(await contextOf(request, deps), request.params.year, request.params.goalId, request.body),
  );

  app.delete(
    `${base}/goals/:goalId`,
    { schema: { tags, params: goalParams, response: one } },
    async (request) => removeGoal(await contextOf(request, deps), request.params.year, request.params.goalId),
  );

  app.post(
    `${base}/activities`,
    { schema: { tags, params, body: activityInputSchema, response: created } },
    async (request, reply) =>
      sendCreated(request, reply, deps, (ctx) => addActivity(ctx, request.params.year, request.body)),
  );

  app.patch(
    `${base}/activities/:activityId`,
    { schema: { tags, params: activityParams, body: activityUpdateSchema, response: one } },
    async (request) =>
      updateActivity(
        await contextOf(request, deps),
        request.params.year,
        request.params.activityId,
        request.body,
      ),
  );

  app.delete(
    `${base}/activities/:activityId`,
    { schema: { tags, params: activityParams, response: one } },
    async (request) =>
      removeActivity(await contextOf(request, deps), request.params.year, request.params.activityId),
  );

  // Once per entry: 201 with the activity made, 200 (the plan, unchanged) when it was added before.
  app.post(
    "/api/v1/journal-entries/:id/learning-plan",
    { schema: { tags, params: idParamsSchema, body: addEntryToPlanSchema, response: created } },
    async (request, reply) => {
      const { plan, created: made } = await deps.db.transaction(async (tx) =>
        addEntryToPlan(await contextOf(request, deps, tx), request.params.id, request.body),
      );
      return reply.status(made ? 201 : 200).send(plan);
    },
  );
};
