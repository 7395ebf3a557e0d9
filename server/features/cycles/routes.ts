import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Deps } from "../../http/deps.ts";

/** A community's cycles of inquiry: seven stages, notes, evidence, the decision, the report. */
export const cycleRoutes: FastifyPluginAsyncZod<Deps> = async (_app, _deps) => {};
