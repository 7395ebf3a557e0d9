import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Deps } from "../../http/deps.ts";

/** Goals: SMART fields, status with reasons, history, alignment, measurements and check-ins. */
export const goalRoutes: FastifyPluginAsyncZod<Deps> = async (_app, _deps) => {};
