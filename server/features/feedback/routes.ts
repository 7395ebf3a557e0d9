import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idSchema } from "../../../shared/schemas/common.ts";
import {
  artifactChoicesSchema,
  feedbackAnswerSchema,
  feedbackInputSchema,
  feedbackItemSchema,
  feedbackListQuerySchema,
  feedbackListSchema,
} from "../../../shared/schemas/feedback.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { sendCreated } from "../../http/idempotency.ts";
import { artifactChoices } from "./choices.ts";
import { answerFeedback, giveFeedback, listFeedback, withdrawFeedback } from "./service.ts";

const tags = ["feedback"];
const params = z.object({ id: idSchema });

export const feedbackRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get(
    "/api/v1/artifacts/:id/feedback",
    {
      schema: { tags, params, querystring: feedbackListQuerySchema, response: { 200: feedbackListSchema } },
    },
    async (request) => listFeedback(await contextOf(request, deps), request.params.id, request.query),
  );

  app.post(
    "/api/v1/artifacts/:id/feedback",
    {
      schema: {
        tags,
        params,
        body: feedbackInputSchema,
        response: { 201: feedbackItemSchema, 200: feedbackItemSchema },
      },
    },
    async (request, reply) =>
      sendCreated(request, reply, deps, (ctx) => giveFeedback(ctx, request.params.id, request.body)),
  );

  app.put(
    "/api/v1/feedback/:id/answer",
    { schema: { tags, params, body: feedbackAnswerSchema, response: { 200: feedbackItemSchema } } },
    async (request) => answerFeedback(await contextOf(request, deps), request.params.id, request.body.answer),
  );

  app.delete("/api/v1/feedback/:id", { schema: { tags, params } }, async (request, reply) => {
    await withdrawFeedback(await contextOf(request, deps), request.params.id);
    return reply.status(204).send();
  });

  app.get(
    "/api/v1/communities/:id/artifact-choices",
    { schema: { tags, params, response: { 200: artifactChoicesSchema } } },
    async (request) => artifactChoices(await contextOf(request, deps), request.params.id),
  );
};
