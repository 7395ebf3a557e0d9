import { finished } from "node:stream/promises";
import multipart from "@fastify/multipart";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  assessmentInputSchema,
  assessmentListQuerySchema,
  assessmentListSchema,
  assessmentPatchSchema,
  assessmentSchema,
  type ImportOptions,
  importOptionsSchema,
  importPreviewSchema,
  importReportSchema,
  MAX_RESULTS_FILE_BYTES,
  resultImportListSchema,
} from "../../../shared/schemas/assessments.ts";
import { idParamsSchema } from "../../../shared/schemas/common.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { invalid } from "../../http/errors.ts";
import { sendCreated } from "../../http/idempotency.ts";
import { parseInput } from "../artifacts/service.ts";
import { listCommunityAssessments, listDistrictAssessments } from "./catalog.ts";
import { updateAssessment } from "./edit.ts";
import type { ImportReport } from "./import.ts";
import { importOnce } from "./once.ts";
import { previewFile } from "./preview.ts";
import {
  checkMayImport,
  createAssessment,
  deleteImport,
  importFile,
  listImports,
  readAssessment,
} from "./service.ts";
import { tooLarge } from "./stream.ts";

const tags = ["assessments"];
const params = idParamsSchema;

export const resultRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  // Scoped to these routes: only results imports (and artifacts, in their own plugin) accept multipart.
  await app.register(multipart, { throwFileSizeLimit: true });

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
    { schema: { tags, params, response: { 200: assessmentSchema } } },
    async (request) => readAssessment(await contextOf(request, deps), request.params.id),
  );

  app.patch(
    "/api/v1/assessments/:id",
    { schema: { tags, params, body: assessmentPatchSchema, response: { 200: assessmentSchema } } },
    async (request) => updateAssessment(await contextOf(request, deps), request.params.id, request.body),
  );

  app.get(
    "/api/v1/communities/:id/assessments",
    { schema: { tags, params, response: { 200: assessmentListSchema } } },
    async (request) => listCommunityAssessments(await contextOf(request, deps), request.params.id),
  );

  app.get(
    "/api/v1/assessments",
    { schema: { tags, querystring: assessmentListQuerySchema, response: { 200: assessmentListSchema } } },
    async (request) => listDistrictAssessments(await contextOf(request, deps)),
  );

  app.post(
    "/api/v1/assessments/:id/imports/preview",
    {
      schema: {
        tags,
        params,
        consumes: ["multipart/form-data"],
        description: "multipart/form-data: a `file` part (the CSV); only its start is read.",
        response: { 200: importPreviewSchema },
      },
    },
    async (request) => {
      const ctx = await contextOf(request, deps);
      const items = await checkMayImport(ctx, request.params.id);
      const file = request.isMultipart()
        ? await request.file({ limits: { fileSize: MAX_RESULTS_FILE_BYTES + 1 } })
        : undefined;
      if (!file) throw invalid("file", "Attach the results file (CSV).");
      return previewFile(ctx, items, file.file, MAX_RESULTS_FILE_BYTES);
    },
  );

  app.post(
    "/api/v1/assessments/:id/imports",
    {
      schema: {
        tags,
        params,
        consumes: ["multipart/form-data"],
        description:
          "multipart/form-data: an `options` part (JSON: shape, mapping, mode) and then a `file` part (the CSV).",
        response: { 201: importReportSchema, 200: importReportSchema },
      },
    },
    async (request, reply) => {
      const ctx = await contextOf(request, deps);
      // A file over the limit is refused before a byte of it is read, when the client says its size.
      if (Number(request.headers["content-length"] ?? 0) > MAX_RESULTS_FILE_BYTES + 64 * 1024)
        throw tooLarge(MAX_RESULTS_FILE_BYTES);
      await checkMayImport(ctx, request.params.id);
      if (!request.isMultipart())
        throw invalid(
          "file",
          "Send the results file as multipart/form-data: an options part, then the file.",
        );
      let options: ImportOptions | null = null;
      let report: ImportReport | null = null;
      let replayed = false;
      // The meter in the import stops at the limit; multipart's own limit is one byte later, as a backstop.
      const parts = request.parts({ limits: { fileSize: MAX_RESULTS_FILE_BYTES + 1, files: 1, fields: 2 } });
      for await (const part of parts) {
        if (part.type === "field") {
          if (part.fieldname !== "options") throw invalid(part.fieldname, "Send the options as “options”.");
          options = parseInput(importOptionsSchema, parseJson(String(part.value)));
          continue;
        }
        if (!options) throw invalid("options", "Send the options (shape, mapping, mode) before the file.");
        const chosen = options;
        const done = await importOnce(
          deps.db,
          ctx.actor,
          request.headers["idempotency-key"],
          `POST ${request.routeOptions.url}`,
          () =>
            importFile({ ...ctx, db: deps.db }, request.params.id, chosen, {
              name: part.filename,
              stream: part.file,
              limitBytes: MAX_RESULTS_FILE_BYTES,
            }),
        );
        // A retry of an import already made: its report again; the file sent again is read and dropped.
        if (done.replayed) {
          part.file.resume();
          await finished(part.file);
        }
        report = done.body;
        replayed = done.replayed;
      }
      if (!report) throw invalid("file", "Attach the results file (CSV).");
      return reply.status(replayed ? 200 : 201).send(report);
    },
  );

  app.get(
    "/api/v1/assessments/:id/imports",
    { schema: { tags, params, response: { 200: resultImportListSchema } } },
    async (request) => listImports(await contextOf(request, deps), request.params.id),
  );

  app.delete("/api/v1/result-imports/:id", { schema: { tags, params } }, async (request, reply) => {
    await deleteImport(await contextOf(request, deps), request.params.id);
    return reply.status(204).send();
  });
};

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    throw invalid("options", "The options are not JSON: send { shape, mapping, mode }.");
  }
}
