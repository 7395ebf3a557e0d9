import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { idParamsSchema } from "../../../shared/schemas/common.ts";
import {
  responseInputSchema,
  surveyInputSchema,
  surveyListSchema,
  surveySchema,
} from "../../../shared/schemas/learning-needs.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { sendCreated } from "../../http/idempotency.ts";
import { closeSurvey, createSurvey, listSurveys, readSurvey, respond } from "./service.ts";

const tags = ["learning needs"];
const params = idParamsSchema;
const one = { 200: surveySchema };

export const learningNeedRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.post(
    "/api/v1/communities/:id/learning-need-surveys",
    { schema: { tags, params, body: surveyInputSchema, response: { 201: surveySchema, 200: surveySchema } } },
    async (request, reply) =>
      sendCreated(request, reply, deps, (ctx) => createSurvey(ctx, request.params.id, request.body)),
  );

  app.get(
    "/api/v1/communities/:id/learning-need-surveys",
    { schema: { tags, params, response: { 200: surveyListSchema } } },
    async (request) => listSurveys(await contextOf(request, deps), request.params.id),
  );

  app.get("/api/v1/learning-need-surveys/:id", { schema: { tags, params, response: one } }, async (request) =>
    readSurvey(await contextOf(request, deps), request.params.id),
  );

  app.put(
    "/api/v1/learning-need-surveys/:id/response",
    { schema: { tags, params, body: responseInputSchema, response: one } },
    async (request) => respond(await contextOf(request, deps), request.params.id, request.body),
  );

  app.post(
    "/api/v1/learning-need-surveys/:id/close",
    { schema: { tags, params, response: one } },
    async (request) => closeSurvey(await contextOf(request, deps), request.params.id),
  );
};
