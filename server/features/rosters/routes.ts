import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import multipart from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idSchema } from "../../../shared/schemas/common.ts";
import {
  MAX_ROSTER_ZIP_BYTES,
  rosterImportListSchema,
  rosterImportSchema,
} from "../../../shared/schemas/rosters.ts";
import type { RosterImportKind } from "../../../shared/schemas/student-enums.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { AppError, forbidden, invalid } from "../../http/errors.ts";
import { sendCreated } from "../../http/idempotency.ts";
import { canManageRosters } from "../students/policy.ts";
import { getRosterImport, importRoster, listRosterImports, type RosterImportRow } from "./service.ts";

const tags = ["rosters"];
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const summary = (r: RosterImportRow) => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  fileName: r.fileName,
  counts: r.counts,
  createdAt: r.createdAt.toISOString(),
  finishedAt: iso(r.finishedAt),
});
const full = (r: RosterImportRow) => ({ ...summary(r), problems: r.problems });

type Received = { path: string; size: number; fileName: string; kind: RosterImportKind; dir: string };

/** Receives the `kind` field and the `file` part to a scratch file (removed by the caller). */
async function receive(request: FastifyRequest): Promise<Received> {
  if (!request.isMultipart())
    throw invalid("file", "Send the roster as multipart/form-data with a file part.");
  const dir = await mkdtemp(join(tmpdir(), "lamplight-roster-"));
  const got: Partial<Received> = { dir };
  try {
    const parts = request.parts({ limits: { fileSize: MAX_ROSTER_ZIP_BYTES, files: 1, fields: 2 } });
    for await (const part of parts) {
      if (part.type === "field") {
        if (part.fieldname !== "kind")
          throw invalid(part.fieldname, `"${part.fieldname}" is not a field here.`);
        const kind = String(part.value);
        if (kind !== "bulk" && kind !== "delta")
          throw invalid("kind", "Choose bulk (replaces) or delta (applies changes).");
        got.kind = kind;
      } else {
        got.path = join(dir, randomBytes(8).toString("hex"));
        got.fileName = part.filename || "roster.zip";
        await pipeline(part.file, createWriteStream(got.path));
        got.size = part.file.bytesRead;
      }
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") {
      const message = `The zip is larger than ${MAX_ROSTER_ZIP_BYTES / 1024 / 1024} MB.`;
      throw new AppError(413, "too-large", "Too large", message, [{ path: "file", message }]);
    }
    throw error;
  }
  if (!got.path || !got.size) {
    await rm(dir, { recursive: true, force: true });
    throw invalid("file", "Choose the OneRoster zip to import.");
  }
  if (!got.kind) {
    await rm(dir, { recursive: true, force: true });
    throw invalid("kind", "Choose bulk (replaces) or delta (applies changes).");
  }
  return got as Received;
}

export const rosterRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  // Scoped to these routes, like artifacts: only the roster upload accepts multipart bodies here.
  await app.register(multipart, { throwFileSizeLimit: true });

  app.post(
    "/api/v1/roster-imports",
    {
      schema: {
        tags,
        consumes: ["multipart/form-data"],
        description:
          "multipart/form-data: `kind` (bulk | delta) and a `file` part (a OneRoster 1.1 or 1.2 CSV zip). Answers 201 with the report: status completed (with counts) or failed (with problems by file and line; nothing written).",
        response: { 201: rosterImportSchema, 200: rosterImportSchema },
      },
    },
    async (request, reply) => {
      // Administrators only, before anything is received or looked up.
      if (!canManageRosters(await request.actor()))
        throw forbidden("Only district administrators import rosters.");
      const upload = await receive(request);
      try {
        return await sendCreated(request, reply, deps, async (ctx) => full(await importRoster(ctx, upload)));
      } finally {
        await rm(upload.dir, { recursive: true, force: true });
      }
    },
  );

  app.get(
    "/api/v1/roster-imports",
    { schema: { tags, response: { 200: rosterImportListSchema } } },
    async (request) => ({ imports: (await listRosterImports(await contextOf(request, deps))).map(summary) }),
  );

  app.get(
    "/api/v1/roster-imports/:id",
    { schema: { tags, params: z.object({ id: idSchema }), response: { 200: rosterImportSchema } } },
    async (request) => full(await getRosterImport(await contextOf(request, deps), request.params.id)),
  );
};
