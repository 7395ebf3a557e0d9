import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Deps } from "../../http/deps.ts";

// Placeholder until the calendar feature lands.
export const calendarRoutes: FastifyPluginAsyncZod<Deps> = async () => {};
