import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Deps } from "../http/deps.ts";

// Placeholder until the live meeting room lands.
export const liveRoutes: FastifyPluginAsyncZod<Deps> = async () => {};
