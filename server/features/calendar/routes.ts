import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { calendarFeedSchema } from "../../../shared/schemas/calendar.ts";
import { idSchema } from "../../../shared/schemas/common.ts";
import { contextOf, type Deps } from "../../http/deps.ts";
import { feedCalendar, getFeed, meetingCalendar, regenerateFeed } from "./service.ts";

const tags = ["calendar"];
const CALENDAR_TYPE = "text/calendar; charset=utf-8";

/** A file name any system accepts, from a meeting title. */
const fileName = (title: string) =>
  `${
    title
      .replace(/[^\p{L}\p{N} _-]+/gu, "")
      .trim()
      .slice(0, 80) || "meeting"
  }.ics`;

export const calendarRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  // The session-signing secret also keys subscription tokens (see feed-token.ts).
  const secret = deps.auth.options.secret as string;

  app.get(
    "/api/v1/meetings/:id/calendar.ics",
    { schema: { tags, params: z.object({ id: idSchema }) } },
    async (request, reply) => {
      const { ics, title } = await meetingCalendar(await contextOf(request, deps), request.params.id);
      return reply
        .type(CALENDAR_TYPE)
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(fileName(title))}`)
        .send(ics);
    },
  );

  app.get(
    "/api/v1/calendar/feed",
    { schema: { tags, response: { 200: calendarFeedSchema } } },
    async (request) => getFeed(await contextOf(request, deps), secret),
  );
  app.post(
    "/api/v1/calendar/feed",
    { schema: { tags, response: { 200: calendarFeedSchema } } },
    async (request) => regenerateFeed(await contextOf(request, deps), secret),
  );

  app.get(
    "/calendar/feeds/:token.ics",
    {
      schema: {
        tags,
        params: z.object({
          token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, { message: "This link is not valid." }),
        }),
      },
    },
    async (request, reply) => {
      const ics = await feedCalendar(deps.db, deps.publicUrl, request.params.token);
      // The URL is a secret: never cached by shared caches, never sent on as a referrer.
      return reply
        .type(CALENDAR_TYPE)
        .header("cache-control", "private, no-cache")
        .header("referrer-policy", "no-referrer")
        .send(ics);
    },
  );
};
