import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { idParamsSchema } from "../../../shared/schemas/common.ts";
import {
  surveyArchiveSchema,
  surveyCopySchema,
  surveyEditBodySchema,
  surveyInputBodySchema,
  surveyListSchema,
  surveySchema,
} from "../../../shared/schemas/surveys.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { sendCreated } from "../../http/idempotency.ts";
import { listSurveys, readSurvey } from "./service.ts";
import { archiveSurvey, copySurvey, createSurvey, editSurvey } from "./write-service.ts";

const tags = ["surveys"];
const params = idParamsSchema;
const one = { 200: surveySchema };
const created = { 201: surveySchema, 200: surveySchema };

export const surveyRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get("/api/v1/surveys", { schema: { tags, response: { 200: surveyListSchema } } }, async (request) =>
    listSurveys(await contextOf(request, deps)),
  );

  app.post(
    "/api/v1/surveys",
    { schema: { tags, body: surveyInputBodySchema, response: created } },
    async (request, reply) => sendCreated(request, reply, deps, (ctx) => createSurvey(ctx, request.body)),
  );

  app.get("/api/v1/surveys/:id", { schema: { tags, params, response: one } }, async (request) =>
    readSurvey(await contextOf(request, deps), request.params.id),
  );

  app.put(
    "/api/v1/surveys/:id",
    { schema: { tags, params, body: surveyEditBodySchema, response: one } },
    async (request) => editSurvey(await contextOf(request, deps), request.params.id, request.body),
  );

  app.post(
    "/api/v1/surveys/:id/copy",
    { schema: { tags, params, body: surveyCopySchema, response: created } },
    async (request, reply) =>
      sendCreated(request, reply, deps, (ctx) => copySurvey(ctx, request.params.id, request.body ?? {})),
  );

  app.post(
    "/api/v1/surveys/:id/archive",
    { schema: { tags, params, body: surveyArchiveSchema, response: one } },
    async (request) => archiveSurvey(await contextOf(request, deps), request.params.id, request.body.version),
  );
};
