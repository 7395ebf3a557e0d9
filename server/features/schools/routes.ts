import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idSchema } from "../../../shared/schemas/common.ts";
import { schoolInputSchema, schoolSchema } from "../../../shared/schemas/schools.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { sendCreated } from "../../http/idempotency.ts";
import { createSchool, listSchools, renameSchool } from "./service.ts";

const tags = ["schools"];

export const schoolRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get(
    "/api/v1/schools",
    { schema: { tags, response: { 200: z.object({ items: z.array(schoolSchema) }) } } },
    async (request) => ({
      items: await listSchools(await contextOf(request, deps)),
    }),
  );

  app.post(
    "/api/v1/schools",
    { schema: { tags, body: schoolInputSchema, response: { 201: schoolSchema, 200: schoolSchema } } },
    async (request, reply) => sendCreated(request, reply, deps, (ctx) => createSchool(ctx, request.body)),
  );

  app.patch(
    "/api/v1/schools/:id",
    {
      schema: {
        tags,
        params: z.object({ id: idSchema }),
        body: schoolInputSchema,
        response: { 200: schoolSchema },
      },
    },
    async (request) => renameSchool(await contextOf(request, deps), request.params.id, request.body),
  );
};
