import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { attendanceSchema, attendanceUpdateSchema } from "../../../shared/schemas/attendance.ts";
import { idSchema } from "../../../shared/schemas/common.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { getAttendance, setAttendance } from "./service.ts";

const tags = ["meetings"];
const ok = { 200: attendanceSchema };

export const attendanceRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get(
    "/api/v1/meetings/:id/attendance",
    { schema: { tags, params: z.object({ id: idSchema }), response: ok } },
    async (request) => getAttendance(await contextOf(request, deps), request.params.id),
  );
  app.put(
    "/api/v1/meetings/:id/attendance/:personId",
    {
      schema: {
        tags,
        params: z.object({ id: idSchema, personId: idSchema }),
        body: attendanceUpdateSchema,
        response: ok,
      },
    },
    async (request) =>
      setAttendance(
        await contextOf(request, deps),
        request.params.id,
        request.params.personId,
        request.body.present,
      ),
  );
};
