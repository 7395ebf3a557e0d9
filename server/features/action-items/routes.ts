import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Deps } from "../../http/deps.ts";

// Placeholder until the action-items feature lands.
export const actionItemRoutes: FastifyPluginAsyncZod<Deps> = async () => {};
