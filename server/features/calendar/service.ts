import { and, eq, sql } from "drizzle-orm";
import type { CalendarFeed } from "../../../shared/schemas/calendar.ts";
import type { Db } from "../../db/client.ts";
import { calendarFeeds, communities, meetings, memberships, people } from "../../db/schema/index.ts";
import { notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { loadMeeting } from "../meetings/load.ts";
import { feedToken, feedTokenHash, feedUrl } from "./feed-token.ts";
import { type CalendarMeeting, loadAgendaLines, renderCalendar } from "./ics.ts";

/** How far back a subscription reaches, so recent meetings stay in the calendar. */
const FEED_HISTORY_DAYS = 60;

/** One meeting as an .ics file (for "Add to calendar"); anyone who may read the meeting may have it. */
export async function meetingCalendar(
  ctx: ServiceContext,
  id: string,
): Promise<{ ics: string; title: string }> {
  const { meeting, community } = await loadMeeting(ctx.db, ctx.actor, id);
  const agendas = await loadAgendaLines(ctx.db, [meeting.id]);
  const ics = renderCalendar([{ ...meeting, communityName: community.row.name }], agendas, {
    publicUrl: ctx.publicUrl,
    name: meeting.title,
    publish: true,
  });
  return { ics, title: meeting.title };
}

/** The caller's subscription URL, or nulls when they have not created one. */
export async function getFeed(ctx: ServiceContext, secret: string): Promise<CalendarFeed> {
  const [row] = await ctx.db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.personId, ctx.actor.id));
  if (!row) return { url: null, createdAt: null };
  return {
    url: feedUrl(ctx.publicUrl, feedToken(secret, ctx.actor.id, row.createdAt)),
    createdAt: row.createdAt.toISOString(),
  };
}

/** Creates the caller's subscription, or replaces it: the old URL stops working at once. */
export async function regenerateFeed(ctx: ServiceContext, secret: string): Promise<CalendarFeed> {
  // Millisecond precision, so the moment read back later derives the same token.
  const createdAt = new Date();
  const tokenHash = feedTokenHash(feedToken(secret, ctx.actor.id, createdAt));
  await ctx.db
    .insert(calendarFeeds)
    .values({ personId: ctx.actor.id, orgId: ctx.actor.orgId, tokenHash, createdAt })
    .onConflictDoUpdate({ target: calendarFeeds.personId, set: { tokenHash, createdAt } });
  return getFeed(ctx, secret);
}

/**
 * The subscription itself (no session: the token is the key). Lists the meetings of the communities
 * the person is an active member of now, from 60 days ago on, in their own district only. A token that
 * was replaced, or belongs to someone deactivated, is not found.
 */
export async function feedCalendar(db: Db, publicUrl: string, token: string): Promise<string> {
  const [owner] = await db
    .select({ personId: people.id, orgId: people.orgId, name: people.name })
    .from(calendarFeeds)
    .innerJoin(people, eq(people.id, calendarFeeds.personId))
    .where(
      and(
        eq(calendarFeeds.tokenHash, feedTokenHash(token)),
        eq(people.status, "active"),
        eq(people.orgId, calendarFeeds.orgId),
      ),
    );
  if (!owner) throw notFound("This calendar subscription");
  const rows = await db
    .select({ meeting: meetings, communityName: communities.name })
    .from(meetings)
    .innerJoin(communities, eq(communities.id, meetings.communityId))
    .innerJoin(
      memberships,
      and(
        eq(memberships.communityId, meetings.communityId),
        eq(memberships.personId, owner.personId),
        eq(memberships.status, "active"),
      ),
    )
    .where(
      and(
        eq(meetings.orgId, owner.orgId),
        eq(communities.orgId, owner.orgId),
        sql`${meetings.startsAt} >= now() - make_interval(days => ${FEED_HISTORY_DAYS})`,
      ),
    )
    .orderBy(meetings.startsAt)
    .limit(2000);
  const list: CalendarMeeting[] = rows.map((r) => ({ ...r.meeting, communityName: r.communityName }));
  const agendas = await loadAgendaLines(
    db,
    list.map((m) => m.id),
  );
  return renderCalendar(list, agendas, { publicUrl, name: "Lamplight meetings", publish: true });
}
