import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  analysisQuerySchema,
  analysisSchema,
  studentDataSettingsSchema,
  studentScoresQuerySchema,
  studentScoresSchema,
} from "../../../shared/schemas/analysis.ts";
import { idParamsSchema } from "../../../shared/schemas/common.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { readAnalysis } from "./service.ts";
import { readStudentDataSettings, updateStudentDataSettings } from "./settings.ts";
import { studentStandardScores } from "./student-scores.ts";

const tags = ["analysis"];
const params = idParamsSchema;

export const analysisRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get(
    "/api/v1/assessments/:id/analysis",
    { schema: { tags, params, querystring: analysisQuerySchema, response: { 200: analysisSchema } } },
    async (request) => readAnalysis(await contextOf(request, deps), request.params.id, request.query),
  );

  app.get(
    "/api/v1/assessments/:id/students",
    {
      schema: { tags, params, querystring: studentScoresQuerySchema, response: { 200: studentScoresSchema } },
    },
    async (request) =>
      studentStandardScores(
        await contextOf(request, deps),
        request.params.id,
        request.query.standard ?? null,
      ),
  );

  app.get(
    "/api/v1/student-data-settings",
    { schema: { tags, response: { 200: studentDataSettingsSchema } } },
    async (request) => readStudentDataSettings(await contextOf(request, deps)),
  );

  app.put(
    "/api/v1/student-data-settings",
    { schema: { tags, body: studentDataSettingsSchema, response: { 200: studentDataSettingsSchema } } },
    async (request) => updateStudentDataSettings(await contextOf(request, deps), request.body),
  );
};
