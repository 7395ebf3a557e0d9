import multipart from "@fastify/multipart";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  type Artifact,
  artifactListQuerySchema,
  artifactPageSchema,
  artifactSchema,
  artifactUpdateSchema,
  MAX_FILES_PER_UPLOAD,
  myArtifactsQuerySchema,
  reflectionInputSchema,
} from "../../../shared/schemas/artifacts.ts";
import { idSchema } from "../../../shared/schemas/common.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { once } from "../../http/idempotency.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { downloadRoutes } from "./download.ts";
import { PreviewQueue } from "./previews.ts";
import { replayOf } from "./replay.ts";
import {
  checkMayShare,
  createArtifact,
  listCommunityArtifacts,
  listMyArtifacts,
  readArtifact,
  saveReflection,
  setArchived,
  updateArtifact,
} from "./service.ts";
import { sweepOrphans } from "./sweeper.ts";
import { type Received, receiveUpload } from "./upload.ts";
import { checkMayVersion, createVersion } from "./versions.ts";

const tags = ["artifacts"];
const params = z.object({ id: idSchema });
const one = { 200: artifactSchema };
const uploadDoc = (what: string) =>
  `multipart/form-data: a \`data\` part (JSON: ${what}) and up to ${MAX_FILES_PER_UPLOAD} \`files\` parts. ` +
  "Also accepts application/json (the data alone) when there are no files.";

export const artifactRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  // Scoped to these routes: only uploads of work samples accept multipart bodies.
  await app.register(multipart, { throwFileSizeLimit: true });
  const previews = new PreviewQueue(deps.db, deps.files.store, app.log);
  let sweeper: NodeJS.Timeout | undefined;
  const sweep = () =>
    void sweepOrphans(deps.db, deps.files.store).catch((error) =>
      app.log.warn({ err: error }, "sweep failed"),
    );
  app.addHook("onReady", async () => {
    sweep();
    sweeper = setInterval(sweep, 60 * 60_000).unref();
    previews.kick();
  });
  app.addHook("onClose", async () => {
    clearInterval(sweeper);
    await previews.close();
  });

  /** Receives the files, then runs the create once per Idempotency-Key; a failure removes what was stored. */
  const withUpload = async (
    request: FastifyRequest,
    reply: FastifyReply,
    create: (ctx: ServiceContext, data: unknown, files: Received[]) => Promise<Artifact>,
    mayUpload: (ctx: ServiceContext) => Promise<unknown>,
  ) => {
    const actor = await request.actor();
    const replay = await replayOf(deps.db, request, actor.id);
    if (replay) return reply.status(200).send(replay);
    // Refuse before receiving anything; the create checks again inside its transaction.
    await mayUpload(await contextOf(request, deps));
    const upload = await receiveUpload(request, deps.files);
    try {
      const { body, replayed } = await once(deps.db, request, actor, async (tx) =>
        create(await contextOf(request, deps, tx), upload.data, upload.files),
      );
      if (replayed) await upload.discard();
      else if (upload.files.length) previews.kick();
      return reply.status(replayed ? 200 : 201).send(body);
    } catch (error) {
      await upload.discard();
      throw error;
    }
  };

  app.post(
    "/api/v1/communities/:id/artifacts",
    {
      schema: {
        tags,
        params,
        consumes: ["multipart/form-data", "application/json"],
        description: uploadDoc(
          "title, kind, description, focusingQuestion, subjects, gradeBands, standards, topics, rubricCriteria, containsStudentWork, privacyAttestation, links",
        ),
        response: { 201: artifactSchema, 200: artifactSchema },
      },
    },
    async (request, reply) =>
      withUpload(
        request,
        reply,
        (ctx, data, files) => createArtifact(ctx, request.params.id, data, files),
        (ctx) => checkMayShare(ctx, request.params.id),
      ),
  );

  app.post(
    "/api/v1/artifacts/:id/versions",
    {
      schema: {
        tags,
        params,
        consumes: ["multipart/form-data", "application/json"],
        description: uploadDoc("note, keepFileIds, links"),
        response: { 201: artifactSchema, 200: artifactSchema },
      },
    },
    async (request, reply) =>
      withUpload(
        request,
        reply,
        (ctx, data, files) => createVersion(ctx, request.params.id, data, files),
        (ctx) => checkMayVersion(ctx, request.params.id),
      ),
  );

  app.get(
    "/api/v1/communities/:id/artifacts",
    { schema: { tags, params, querystring: artifactListQuerySchema, response: { 200: artifactPageSchema } } },
    async (request) =>
      listCommunityArtifacts(await contextOf(request, deps), request.params.id, request.query),
  );

  app.get(
    "/api/v1/artifacts",
    { schema: { tags, querystring: myArtifactsQuerySchema, response: { 200: artifactPageSchema } } },
    async (request) => listMyArtifacts(await contextOf(request, deps), request.query),
  );

  app.get("/api/v1/artifacts/:id", { schema: { tags, params, response: one } }, async (request) =>
    readArtifact(await contextOf(request, deps), request.params.id),
  );

  app.patch(
    "/api/v1/artifacts/:id",
    { schema: { tags, params, body: artifactUpdateSchema, response: one } },
    async (request) => updateArtifact(await contextOf(request, deps), request.params.id, request.body),
  );

  for (const [action, archived] of [
    ["archive", true],
    ["restore", false],
  ] as const) {
    app.post(
      `/api/v1/artifacts/:id/${action}`,
      { schema: { tags, params, response: one } },
      async (request) =>
        deps.db.transaction(async (tx) =>
          setArchived(await contextOf(request, deps, tx), request.params.id, archived),
        ),
    );
  }

  app.put(
    "/api/v1/artifacts/:id/reflection",
    { schema: { tags, params, body: reflectionInputSchema, response: one } },
    async (request) =>
      deps.db.transaction(async (tx) =>
        saveReflection(await contextOf(request, deps, tx), request.params.id, request.body),
      ),
  );

  await downloadRoutes(app, deps);
};
