import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idSchema } from "../../../shared/schemas/common.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { notFound } from "../../http/errors.ts";
import { MissingObjectError } from "../../storage/index.ts";
import { contentDisposition } from "./file-names.ts";
import { fileOf } from "./service.ts";

/** Shown in the page rather than downloaded: images only (never PDFs, text or documents). */
const INLINE = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);
const params = z.object({ id: idSchema, fileId: idSchema });
const tags = ["artifacts"];

/**
 * Downloads and previews, authorised by the artifact's read rule. The type sent is the one detected on
 * upload; nosniff and a sandboxing CSP keep a browser from running anything in a file.
 */
export const downloadRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const streamOf = async (key: string) => {
    try {
      return await deps.files.store.get(key);
    } catch (error) {
      if (error instanceof MissingObjectError) throw notFound("This file");
      throw error;
    }
  };
  const safeHeaders = {
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
    "cache-control": "private, max-age=0, must-revalidate",
  };

  app.get(
    "/api/v1/artifacts/:id/files/:fileId",
    { schema: { tags, params, description: "The file as uploaded (attachment; images may be inline)." } },
    async (request, reply) => {
      const ctx = await contextOf(request, deps);
      const file = await fileOf(ctx.db, ctx, request.params.id, request.params.fileId);
      const stream = await streamOf(file.storageKey ?? "");
      const inline =
        INLINE.has(file.mediaType ?? "") && (request.query as { inline?: string }).inline === "1";
      return reply
        .headers({
          ...safeHeaders,
          "content-type": file.mediaType ?? "application/octet-stream",
          "content-disposition": contentDisposition(inline ? "inline" : "attachment", file.name),
          ...(file.sizeBytes ? { "content-length": String(file.sizeBytes) } : {}),
        })
        .send(stream);
    },
  );

  app.get(
    "/api/v1/artifacts/:id/files/:fileId/preview",
    {
      schema: { tags, params, description: "A PNG thumbnail of an image or a PDF's first page, once ready." },
    },
    async (request, reply) => {
      const ctx = await contextOf(request, deps);
      const file = await fileOf(ctx.db, ctx, request.params.id, request.params.fileId);
      if (file.previewStatus !== "ready" || !file.previewKey) throw notFound("This preview");
      const stream = await streamOf(file.previewKey);
      return reply
        .headers({
          ...safeHeaders,
          "content-type": "image/png",
          "content-disposition": contentDisposition("inline", `${file.name}.png`),
        })
        .send(stream);
    },
  );
};
