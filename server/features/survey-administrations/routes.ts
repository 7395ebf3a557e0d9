import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParamsSchema, idSchema } from "../../../shared/schemas/common.ts";
import {
  administrationInputSchema,
  administrationListSchema,
  administrationSchema,
  closingInputSchema,
  mySurveysSchema,
  remindResultSchema,
  versionInputSchema,
} from "../../../shared/schemas/survey-administrations.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { sendCreated } from "../../http/idempotency.ts";
import { changeClosing, closeNow, remind } from "./changes.ts";
import { listAdministrations, mySurveys, readAdministration, sendAdministration } from "./service.ts";
import { sweepSurveys } from "./sweep.ts";

const tags = ["surveys"];
const params = idParamsSchema;
const one = { 200: administrationSchema };

export const surveyAdministrationRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  let sweeper: NodeJS.Timeout | undefined;
  const sweep = () =>
    void sweepSurveys(deps.db).catch((error) => app.log.warn({ err: error }, "survey sweep failed"));
  app.addHook("onReady", async () => {
    sweep();
    sweeper = setInterval(sweep, 15 * 60_000).unref();
  });
  app.addHook("onClose", async () => clearInterval(sweeper));

  app.post(
    "/api/v1/survey-administrations",
    {
      schema: {
        tags,
        body: administrationInputSchema,
        response: { 201: administrationSchema, 200: administrationSchema },
      },
    },
    async (request, reply) =>
      sendCreated(request, reply, deps, (ctx) => sendAdministration(ctx, request.body)),
  );

  app.get(
    "/api/v1/survey-administrations",
    {
      schema: {
        tags,
        querystring: z.object({ community: idSchema.optional() }),
        response: { 200: administrationListSchema },
      },
    },
    async (request) => listAdministrations(await contextOf(request, deps), request.query.community),
  );

  app.get(
    "/api/v1/survey-administrations/:id",
    { schema: { tags, params, response: one } },
    async (request) => readAdministration(await contextOf(request, deps), request.params.id),
  );

  app.patch(
    "/api/v1/survey-administrations/:id",
    { schema: { tags, params, body: closingInputSchema, response: one } },
    async (request) => changeClosing(await contextOf(request, deps), request.params.id, request.body),
  );

  app.post(
    "/api/v1/survey-administrations/:id/close",
    { schema: { tags, params, body: versionInputSchema, response: one } },
    async (request) => closeNow(await contextOf(request, deps), request.params.id, request.body.version),
  );

  app.post(
    "/api/v1/survey-administrations/:id/reminders",
    { schema: { tags, params, response: { 200: remindResultSchema } } },
    async (request) => remind(await contextOf(request, deps), request.params.id),
  );

  app.get("/api/v1/me/surveys", { schema: { tags, response: { 200: mySurveysSchema } } }, async (request) =>
    mySurveys(await contextOf(request, deps)),
  );
};
