import { desc, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { outboxMessageSchema } from "../../../shared/schemas/audit.ts";
import { mailOutbox } from "../../db/schema/index.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { forbidden } from "../../http/errors.ts";
import { orgPolicy } from "../people/policy.ts";

/**
 * Mail of the district, newest first. With no SMTP server configured this is where mail is read; mail sent
 * (or being sent) over SMTP shows only its recipient, subject and status.
 */
export const outboxRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get(
    "/api/v1/outbox",
    { schema: { tags: ["mail"], response: { 200: z.object({ items: z.array(outboxMessageSchema) }) } } },
    async (request) => {
      const ctx = await contextOf(request, deps);
      if (!orgPolicy.readOutbox(ctx.actor))
        throw forbidden("Only district administrators can read the outbox.");
      const rows = await ctx.db
        .select()
        .from(mailOutbox)
        .where(eq(mailOutbox.orgId, ctx.actor.orgId))
        .orderBy(desc(mailOutbox.id))
        .limit(200);
      return {
        items: rows.map((m) => ({
          id: m.id,
          to: m.to,
          subject: m.subject,
          text: m.status === "kept" ? m.text : null,
          status: m.status,
          createdAt: m.createdAt.toISOString(),
        })),
      };
    },
  );
};
