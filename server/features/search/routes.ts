import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { searchQuerySchema, searchResponseSchema } from "../../../shared/schemas/search.ts";
import type { Deps } from "../../http/deps.ts";
import { search } from "./service.ts";

const tags = ["search"];
/**
 * Searches are reads, which the app's write limit lets through; a full-text query over the whole
 * district is not free, so each session gets its own allowance (a school behind one address shares no limit).
 */
const SEARCHES_PER_MINUTE = Number(process.env.LAMPLIGHT_SEARCHES_PER_MINUTE ?? 120);

export const searchRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get(
    "/api/v1/search",
    {
      schema: { tags, querystring: searchQuerySchema, response: { 200: searchResponseSchema } },
      config: {
        rateLimit: {
          max: SEARCHES_PER_MINUTE,
          timeWindow: "1 minute",
          allowList: () => false,
          keyGenerator: (request) =>
            `search:${/session_token=([^;]+)/.exec(request.headers.cookie ?? "")?.[1] ?? request.ip}`,
        },
      },
    },
    async (request) => search(deps.db, await request.actor(), request.query),
  );
};
