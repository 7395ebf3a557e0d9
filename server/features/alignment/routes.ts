import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Deps } from "../../http/deps.ts";

/** The alignment map (district → school → community goals, with its gaps) and the leaders' dashboard. */
export const alignmentRoutes: FastifyPluginAsyncZod<Deps> = async (_app, _deps) => {};
