import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idSchema } from "../../../shared/schemas/common.ts";
import {
  archiveQuerySchema,
  archiveSchema,
  decisionInputSchema,
  decisionSchema,
  decisionUpdateSchema,
  minutesSchema,
  summaryUpdateSchema,
} from "../../../shared/schemas/minutes.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { sendCreated } from "../../http/idempotency.ts";
import { listArchive } from "./archive.ts";
import { createDecision, deleteDecision, updateDecision } from "./decisions.ts";
import { attachment, fileStem } from "./labels.ts";
import { minutesMarkdown } from "./markdown.ts";
import { minutesPdf } from "./pdf.ts";
import { getMinutes, regenerateMinutes, updateSummary } from "./service.ts";

const tags = ["minutes"];
const params = z.object({ id: idSchema });
const decisionParams = z.object({ id: idSchema, decisionId: idSchema });
const ok = { 200: minutesSchema };

export const minutesRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get("/api/v1/meetings/:id/minutes", { schema: { tags, params, response: ok } }, async (request) =>
    getMinutes(await contextOf(request, deps), request.params.id),
  );

  app.patch(
    "/api/v1/meetings/:id/minutes",
    { schema: { tags, params, body: summaryUpdateSchema, response: ok } },
    async (request) => updateSummary(await contextOf(request, deps), request.params.id, request.body),
  );

  app.post(
    "/api/v1/meetings/:id/minutes/regenerate",
    { schema: { tags, params, response: ok } },
    async (request) => regenerateMinutes(await contextOf(request, deps), request.params.id),
  );

  app.get("/api/v1/meetings/:id/minutes.md", { schema: { tags, params } }, async (request, reply) => {
    const minutes = await getMinutes(await contextOf(request, deps), request.params.id);
    const { startsAt, timeZone, title } = minutes.meeting;
    return reply
      .type("text/markdown; charset=utf-8")
      .header("content-disposition", attachment(fileStem(startsAt, timeZone, title), "md"))
      .send(minutesMarkdown(minutes));
  });

  app.get("/api/v1/meetings/:id/minutes.pdf", { schema: { tags, params } }, async (request, reply) => {
    const minutes = await getMinutes(await contextOf(request, deps), request.params.id);
    const { startsAt, timeZone, title } = minutes.meeting;
    return reply
      .type("application/pdf")
      .header("content-disposition", attachment(fileStem(startsAt, timeZone, title), "pdf"))
      .send(await minutesPdf(minutes));
  });

  app.get(
    "/api/v1/communities/:id/minutes",
    { schema: { tags, params, querystring: archiveQuerySchema, response: { 200: archiveSchema } } },
    async (request) => listArchive(await contextOf(request, deps), request.params.id, request.query),
  );

  app.post(
    "/api/v1/meetings/:id/decisions",
    {
      schema: {
        tags,
        params,
        body: decisionInputSchema,
        response: { 201: decisionSchema, 200: decisionSchema },
      },
    },
    async (request, reply) =>
      sendCreated(request, reply, deps, (ctx) => createDecision(ctx, request.params.id, request.body)),
  );

  app.patch(
    "/api/v1/meetings/:id/decisions/:decisionId",
    {
      schema: { tags, params: decisionParams, body: decisionUpdateSchema, response: { 200: decisionSchema } },
    },
    async (request) =>
      updateDecision(
        await contextOf(request, deps),
        request.params.id,
        request.params.decisionId,
        request.body,
      ),
  );

  app.delete(
    "/api/v1/meetings/:id/decisions/:decisionId",
    { schema: { tags, params: decisionParams } },
    async (request, reply) => {
      await deleteDecision(await contextOf(request, deps), request.params.id, request.params.decisionId);
      return reply.status(204).send();
    },
  );
};
