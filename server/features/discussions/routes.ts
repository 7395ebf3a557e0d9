import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idSchema } from "../../../shared/schemas/common.ts";
import {
  followSchema,
  mentionCandidateListSchema,
  mentionQuerySchema,
  postEditSchema,
  postSchema,
  previewInputSchema,
  previewSchema,
  replyInputSchema,
  revisionListSchema,
  threadInputSchema,
  threadListQuerySchema,
  threadListSchema,
  threadSchema,
} from "../../../shared/schemas/discussions.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { sendCreated } from "../../http/idempotency.ts";
import { deletePost, editPost, postHistory, reply } from "./posts.ts";
import {
  createThread,
  getThread,
  listThreads,
  mentionCandidates,
  previewMarkdown,
  setFollowing,
  setPinned,
} from "./threads.ts";

const tags = ["discussions"];
const params = z.object({ id: idSchema });

export const discussionRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const ctx = (request: Parameters<typeof contextOf>[0]) => contextOf(request, deps);

  app.get(
    "/api/v1/communities/:id/threads",
    { schema: { tags, params, querystring: threadListQuerySchema, response: { 200: threadListSchema } } },
    async (request) => listThreads(await ctx(request), request.params.id, request.query),
  );

  app.post(
    "/api/v1/communities/:id/threads",
    { schema: { tags, params, body: threadInputSchema, response: { 201: threadSchema, 200: threadSchema } } },
    async (request, reply) =>
      sendCreated(request, reply, deps, (c) => createThread(c, request.params.id, request.body)),
  );

  app.get(
    "/api/v1/communities/:id/mention-candidates",
    {
      schema: {
        tags,
        params,
        querystring: mentionQuerySchema,
        response: { 200: mentionCandidateListSchema },
      },
    },
    async (request) => mentionCandidates(await ctx(request), request.params.id, request.query.q),
  );

  app.post(
    "/api/v1/communities/:id/discussion-preview",
    { schema: { tags, params, body: previewInputSchema, response: { 200: previewSchema } } },
    async (request) => previewMarkdown(await ctx(request), request.params.id, request.body.body),
  );

  app.get(
    "/api/v1/threads/:id",
    { schema: { tags, params, response: { 200: threadSchema } } },
    async (request) => getThread(await ctx(request), request.params.id),
  );

  app.post(
    "/api/v1/threads/:id/posts",
    { schema: { tags, params, body: replyInputSchema, response: { 201: postSchema, 200: postSchema } } },
    async (request, response) =>
      sendCreated(request, response, deps, (c) => reply(c, request.params.id, request.body)),
  );

  for (const [method, on] of [
    ["put", true],
    ["delete", false],
  ] as const) {
    app[method](
      "/api/v1/threads/:id/pin",
      { schema: { tags, params, response: { 200: threadSchema } } },
      async (request) => setPinned(await ctx(request), request.params.id, on),
    );
    app[method](
      "/api/v1/threads/:id/follow",
      { schema: { tags, params, response: { 200: followSchema } } },
      async (request) => setFollowing(await ctx(request), request.params.id, on),
    );
  }

  app.patch(
    "/api/v1/posts/:id",
    { schema: { tags, params, body: postEditSchema, response: { 200: postSchema } } },
    async (request) => editPost(await ctx(request), request.params.id, request.body),
  );

  app.delete(
    "/api/v1/posts/:id",
    { schema: { tags, params, response: { 200: postSchema } } },
    async (request) => deletePost(await ctx(request), request.params.id),
  );

  app.get(
    "/api/v1/posts/:id/revisions",
    { schema: { tags, params, response: { 200: revisionListSchema } } },
    async (request) => postHistory(await ctx(request), request.params.id),
  );
};
