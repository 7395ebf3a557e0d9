import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Deps } from "../../http/deps.ts";

// Placeholder until the meetings feature lands.
export const meetingRoutes: FastifyPluginAsyncZod<Deps> = async () => {};
