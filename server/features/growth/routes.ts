import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { idParamsSchema } from "../../../shared/schemas/common.ts";
import {
  growthMeasureInputSchema,
  growthMeasureSchema,
  growthQuerySchema,
  growthSchema,
} from "../../../shared/schemas/growth.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import {
  readGrowthMeasure,
  refreshGrowthMeasure,
  removeGrowthMeasure,
  setGrowthMeasure,
} from "./goal-measure.ts";
import { readGrowth } from "./service.ts";

const tags = ["growth"];
const params = idParamsSchema;
const measure = { 200: growthMeasureSchema };

export const growthRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get(
    "/api/v1/growth",
    { schema: { tags, querystring: growthQuerySchema, response: { 200: growthSchema } } },
    async (request) => readGrowth(await contextOf(request, deps), request.query),
  );

  app.get(
    "/api/v1/goals/:id/growth-measure",
    { schema: { tags, params, response: measure } },
    async (request) => readGrowthMeasure(await contextOf(request, deps), request.params.id),
  );

  app.put(
    "/api/v1/goals/:id/growth-measure",
    { schema: { tags, params, body: growthMeasureInputSchema, response: measure } },
    async (request) => setGrowthMeasure(await contextOf(request, deps), request.params.id, request.body),
  );

  app.post(
    "/api/v1/goals/:id/growth-measure/refresh",
    { schema: { tags, params, response: measure } },
    async (request) => refreshGrowthMeasure(await contextOf(request, deps), request.params.id),
  );

  app.delete("/api/v1/goals/:id/growth-measure", { schema: { tags, params } }, async (request, reply) => {
    await removeGrowthMeasure(await contextOf(request, deps), request.params.id);
    return reply.status(204).send();
  });
};
