import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Deps } from "../../http/deps.ts";

export const discussionRoutes: FastifyPluginAsyncZod<Deps> = async (_app, _deps) => {};
