import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idSchema } from "../../../shared/schemas/common.ts";
import {
  cycleCreateSchema,
  cycleListSchema,
  cycleSchema,
  cycleUpdateSchema,
  decisionInputSchema,
  evidenceInputSchema,
  stageInputSchema,
  stageMoveSchema,
  stageNumberSchema,
  stopInputSchema,
} from "../../../shared/schemas/cycles.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { sendCreated } from "../../http/idempotency.ts";
import { addEvidence, removeEvidence } from "./evidence.ts";
import { cycleReportCsv } from "./report.ts";
import { decide, listCycles, readCycle, startCycle, stopCycle, updateCycle } from "./service.ts";
import { moveStage, saveStage } from "./stages.ts";

const tags = ["cycles"];
const params = z.object({ id: idSchema });
const ok = { 200: cycleSchema };

/** A community's cycles of inquiry: seven stages, notes, evidence, the decision, the report. */
export const cycleRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.post(
    "/api/v1/communities/:id/cycles",
    { schema: { tags, params, body: cycleCreateSchema, response: { 201: cycleSchema, 200: cycleSchema } } },
    async (request, reply) =>
      sendCreated(request, reply, deps, (ctx) => startCycle(ctx, request.params.id, request.body)),
  );

  app.get(
    "/api/v1/communities/:id/cycles",
    { schema: { tags, params, response: { 200: cycleListSchema } } },
    async (request) => ({ items: await listCycles(await contextOf(request, deps), request.params.id) }),
  );

  app.get("/api/v1/cycles/:id", { schema: { tags, params, response: ok } }, async (request) =>
    readCycle(await contextOf(request, deps), request.params.id),
  );

  app.patch(
    "/api/v1/cycles/:id",
    { schema: { tags, params, body: cycleUpdateSchema, response: ok } },
    async (request) => updateCycle(await contextOf(request, deps), request.params.id, request.body),
  );

  app.put(
    "/api/v1/cycles/:id/stages/:stage",
    {
      schema: {
        tags,
        params: z.object({ id: idSchema, stage: stageNumberSchema }),
        body: stageInputSchema,
        response: ok,
      },
    },
    async (request) =>
      saveStage(await contextOf(request, deps), request.params.id, request.params.stage, request.body),
  );

  app.post(
    "/api/v1/cycles/:id/stage",
    { schema: { tags, params, body: stageMoveSchema, response: ok } },
    async (request) => moveStage(await contextOf(request, deps), request.params.id, request.body),
  );

  app.post(
    "/api/v1/cycles/:id/evidence",
    { schema: { tags, params, body: evidenceInputSchema, response: { 201: cycleSchema, 200: cycleSchema } } },
    async (request, reply) =>
      sendCreated(request, reply, deps, (ctx) => addEvidence(ctx, request.params.id, request.body)),
  );

  app.delete(
    "/api/v1/cycles/:id/evidence/:evidenceId",
    { schema: { tags, params: z.object({ id: idSchema, evidenceId: idSchema }), response: ok } },
    async (request) =>
      removeEvidence(await contextOf(request, deps), request.params.id, request.params.evidenceId),
  );

  app.post(
    "/api/v1/cycles/:id/decision",
    { schema: { tags, params, body: decisionInputSchema, response: ok } },
    async (request) => decide(await contextOf(request, deps), request.params.id, request.body),
  );

  app.post(
    "/api/v1/cycles/:id/stop",
    { schema: { tags, params, body: stopInputSchema, response: ok } },
    async (request) => stopCycle(await contextOf(request, deps), request.params.id, request.body),
  );

  app.get("/api/v1/cycles/:id/report.csv", { schema: { tags, params } }, async (request, reply) => {
    const { filename, csv } = await cycleReportCsv(await contextOf(request, deps), request.params.id);
    return reply
      .type("text/csv; charset=utf-8")
      .header(
        "content-disposition",
        `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      )
      .send(csv);
  });
};
