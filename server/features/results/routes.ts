import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { assessmentInputSchema, assessmentSchema } from "../../../shared/schemas/assessments.ts";
import { idParamsSchema } from "../../../shared/schemas/common.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { sendCreated } from "../../http/idempotency.ts";
import { createAssessment, readAssessment } from "./service.ts";

const tags = ["assessments"];

/** Assessments. (The results-import routes come next: preview, import, list, delete — see service.ts.) */
export const resultRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.post(
    "/api/v1/assessments",
    {
      schema: {
        tags,
        body: assessmentInputSchema,
        response: { 201: assessmentSchema, 200: assessmentSchema },
      },
    },
    async (request, reply) => sendCreated(request, reply, deps, (ctx) => createAssessment(ctx, request.body)),
  );

  app.get(
    "/api/v1/assessments/:id",
    { schema: { tags, params: idParamsSchema, response: { 200: assessmentSchema } } },
    async (request) => readAssessment(await contextOf(request, deps), request.params.id),
  );
};
