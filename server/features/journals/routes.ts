import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { idParamsSchema, pageQuerySchema } from "../../../shared/schemas/common.ts";
import {
  journalEntryInputSchema,
  journalEntrySchema,
  journalEntryUpdateSchema,
  journalPageSchema,
  journalShareSchema,
  journalShareTargetsSchema,
} from "../../../shared/schemas/journals.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { sendCreated } from "../../http/idempotency.ts";
import {
  createEntry,
  deleteEntry,
  listCommunityEntries,
  listMyEntries,
  readEntry,
  shareEntry,
  shareTargets,
  unshareEntry,
  updateEntry,
} from "./service.ts";

const tags = ["journal"];
const params = idParamsSchema;
const one = { 200: journalEntrySchema };

export const journalRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get(
    "/api/v1/journal-entries",
    { schema: { tags, querystring: pageQuerySchema, response: { 200: journalPageSchema } } },
    async (request) => listMyEntries(await contextOf(request, deps), request.query),
  );

  app.post(
    "/api/v1/journal-entries",
    {
      schema: {
        tags,
        body: journalEntryInputSchema,
        response: { 201: journalEntrySchema, 200: journalEntrySchema },
      },
    },
    async (request, reply) => sendCreated(request, reply, deps, (ctx) => createEntry(ctx, request.body)),
  );

  app.get(
    "/api/v1/journal-entries/share-targets",
    { schema: { tags, response: { 200: journalShareTargetsSchema } } },
    async (request) => shareTargets(await contextOf(request, deps)),
  );

  app.get("/api/v1/journal-entries/:id", { schema: { tags, params, response: one } }, async (request) =>
    readEntry(await contextOf(request, deps), request.params.id),
  );

  app.patch(
    "/api/v1/journal-entries/:id",
    { schema: { tags, params, body: journalEntryUpdateSchema, response: one } },
    async (request) => updateEntry(await contextOf(request, deps), request.params.id, request.body),
  );

  app.delete("/api/v1/journal-entries/:id", { schema: { tags, params } }, async (request, reply) => {
    await deleteEntry(await contextOf(request, deps), request.params.id);
    return reply.status(204).send();
  });

  app.put(
    "/api/v1/journal-entries/:id/share",
    { schema: { tags, params, body: journalShareSchema, response: one } },
    async (request) => shareEntry(await contextOf(request, deps), request.params.id, request.body),
  );

  app.delete(
    "/api/v1/journal-entries/:id/share",
    { schema: { tags, params, response: one } },
    async (request) => unshareEntry(await contextOf(request, deps), request.params.id),
  );

  app.get(
    "/api/v1/communities/:id/journal-entries",
    { schema: { tags, params, querystring: pageQuerySchema, response: { 200: journalPageSchema } } },
    async (request) => listCommunityEntries(await contextOf(request, deps), request.params.id, request.query),
  );
};
