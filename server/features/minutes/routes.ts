import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Deps } from "../../http/deps.ts";

// Placeholder until the minutes feature lands.
export const minutesRoutes: FastifyPluginAsyncZod<Deps> = async () => {};
