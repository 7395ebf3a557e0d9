import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Deps } from "../../http/deps.ts";

// Placeholder until the protocols feature lands.
export const protocolRoutes: FastifyPluginAsyncZod<Deps> = async () => {};
