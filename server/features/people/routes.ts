import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idSchema } from "../../../shared/schemas/common.ts";
import {
  meSchema,
  peopleQuerySchema,
  personAdminUpdateSchema,
  personSchema,
  profileUpdateSchema,
} from "../../../shared/schemas/people.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { adminUpdatePerson, getMe, listPeople, updateProfile } from "./service.ts";

const tags = ["people"];

export const peopleRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get("/api/v1/me", { schema: { tags, response: { 200: meSchema } } }, async (request) =>
    getMe(await contextOf(request, deps)),
  );

  app.patch(
    "/api/v1/me/profile",
    { schema: { tags, body: profileUpdateSchema, response: { 200: personSchema } } },
    async (request) => updateProfile(await contextOf(request, deps), request.body),
  );

  app.get(
    "/api/v1/people",
    {
      schema: {
        tags,
        querystring: peopleQuerySchema,
        response: { 200: z.object({ items: z.array(personSchema) }) },
      },
    },
    async (request) => ({ items: await listPeople(await contextOf(request, deps), request.query) }),
  );

  app.patch(
    "/api/v1/people/:id",
    {
      schema: {
        tags,
        params: z.object({ id: idSchema }),
        body: personAdminUpdateSchema,
        response: { 200: personSchema },
      },
    },
    async (request) => adminUpdatePerson(await contextOf(request, deps), request.params.id, request.body),
  );
};
