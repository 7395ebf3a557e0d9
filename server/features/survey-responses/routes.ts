import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { idParamsSchema } from "../../../shared/schemas/common.ts";
import {
  draftInputSchema,
  myResponseSchema,
  submitInputSchema,
} from "../../../shared/schemas/survey-administrations.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { readMyResponse, saveDraft, submit } from "./service.ts";

const tags = ["surveys"];
const params = idParamsSchema;
const one = { 200: myResponseSchema };
const path = "/api/v1/survey-administrations/:id/my-response";

export const surveyResponseRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get(path, { schema: { tags, params, response: one } }, async (request) =>
    readMyResponse(await contextOf(request, deps), request.params.id),
  );

  app.put(
    `${path}/draft`,
    { schema: { tags, params, body: draftInputSchema, response: one } },
    async (request) => saveDraft(await contextOf(request, deps), request.params.id, request.body),
  );

  // Submitting creates the response once; a retry or a second submission is refused with 409.
  app.post(path, { schema: { tags, params, body: submitInputSchema, response: one } }, async (request) =>
    submit(await contextOf(request, deps), request.params.id, request.body),
  );

  app.put(path, { schema: { tags, params, body: submitInputSchema, response: one } }, async (request) =>
    submit(await contextOf(request, deps), request.params.id, request.body, true),
  );
};
