import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { homeSchema } from "../../../shared/schemas/home.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { getHome } from "./service.ts";

export const homeRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get("/api/v1/home", { schema: { tags: ["home"], response: { 200: homeSchema } } }, async (request) =>
    getHome(await contextOf(request, deps)),
  );
};
