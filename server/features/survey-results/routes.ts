import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParamsSchema, idSchema } from "../../../shared/schemas/common.ts";
import {
  followUpInputSchema,
  followUpSchema,
  resultsQuerySchema,
  surveyResultsSchema,
  trendQuerySchema,
  trendSchema,
} from "../../../shared/schemas/survey-results.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { resultsCsv } from "./csv.ts";
import { followUp } from "./follow-ups.ts";
import { readResults } from "./service.ts";
import { readTrend } from "./trend.ts";

const tags = ["survey results"];
const params = idParamsSchema;

/** Survey results: aggregates with anonymity rules, the CSV, the trend, and goals or cycles made from them. */
export const surveyResultRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get(
    "/api/v1/survey-administrations/:id/results",
    { schema: { tags, params, querystring: resultsQuerySchema, response: { 200: surveyResultsSchema } } },
    async (request) => readResults(await contextOf(request, deps), request.params.id, request.query),
  );

  app.get(
    "/api/v1/survey-administrations/:id/results.csv",
    { schema: { tags, params, querystring: resultsQuerySchema } },
    async (request, reply) => {
      const ctx = await contextOf(request, deps);
      const { filename, csv } = await resultsCsv(ctx, request.params.id, request.query);
      return reply
        .type("text/csv; charset=utf-8")
        .header(
          "content-disposition",
          `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .send(csv);
    },
  );

  app.get(
    "/api/v1/surveys/:surveyId/trend",
    {
      schema: {
        tags,
        params: z.object({ surveyId: idSchema }),
        querystring: trendQuerySchema,
        response: { 200: trendSchema },
      },
    },
    async (request) => readTrend(await contextOf(request, deps), request.params.surveyId, request.query),
  );

  app.post(
    "/api/v1/survey-administrations/:id/follow-ups",
    {
      schema: {
        tags,
        params,
        body: followUpInputSchema,
        response: { 201: followUpSchema, 200: followUpSchema },
      },
    },
    async (request, reply) => {
      const { created, body } = await deps.db.transaction(async (tx) =>
        followUp(await contextOf(request, deps, tx), request.params.id, request.body),
      );
      return reply.status(created ? 201 : 200).send(body);
    },
  );
};
