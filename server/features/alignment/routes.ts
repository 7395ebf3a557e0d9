import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  alignmentMapQuerySchema,
  alignmentMapSchema,
  dashboardQuerySchema,
  dashboardSchema,
} from "../../../shared/schemas/alignment.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { dashboard } from "./dashboard.ts";
import { alignmentMap } from "./map.ts";

const tags = ["alignment"];

/** The alignment map (district → school → community goals, with its gaps) and the leaders' dashboard. */
export const alignmentRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get(
    "/api/v1/alignment-map",
    { schema: { tags, querystring: alignmentMapQuerySchema, response: { 200: alignmentMapSchema } } },
    async (request) => alignmentMap(await contextOf(request, deps), request.query),
  );

  app.get(
    "/api/v1/improvement-dashboard",
    { schema: { tags, querystring: dashboardQuerySchema, response: { 200: dashboardSchema } } },
    async (request) => dashboard(await contextOf(request, deps), request.query),
  );
};
