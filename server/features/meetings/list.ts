import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { MeetingSummary } from "../../../shared/schemas/meetings.ts";
import type { Executor } from "../../db/client.ts";
import { communities, meetings, memberships } from "../../db/schema/index.ts";
import { invalid } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { loadCommunityForMeetings } from "./load.ts";
import { presentSummary } from "./present.ts";

const endsAt = sql`${meetings.startsAt} + make_interval(mins => ${meetings.durationMinutes})`;
const agendaCount = sql<number>`(select count(*)::int from agenda_items a where a.meeting_id = "meetings"."id")`;
const hasMinutes = sql<boolean>`exists (select 1 from minutes x where x.meeting_id = "meetings"."id")`;

type Cursor = { at: string; id: string };
const encodeCursor = (c: Cursor) => Buffer.from(`${c.at}|${c.id}`).toString("base64url");
function decodeCursor(raw: string): Cursor {
  const [at, id] = Buffer.from(raw, "base64url").toString().split("|");
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id))
    throw invalid("cursor", "This page link is no longer valid. Go back to the first page.");
  return { at, id };
}

/**
 * A community's meetings a page at a time: upcoming (not yet over, soonest first, cancelled ones
 * included so people see them) or past (over or ended, latest first).
 */
export async function listCommunityMeetings(
  ctx: ServiceContext,
  communityId: string,
  query: { when: "upcoming" | "past"; cursor?: string | undefined; limit: number },
): Promise<{ items: MeetingSummary[]; nextCursor: string | null }> {
  const community = await loadCommunityForMeetings(ctx.db, ctx.actor, communityId, false);
  const upcoming = query.when === "upcoming";
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const when = upcoming
    ? sql`(${meetings.status} = 'live' or (${meetings.status} <> 'ended' and ${endsAt} > now()))`
    : sql`(${meetings.status} = 'ended' or (${meetings.status} <> 'live' and ${endsAt} <= now()))`;
  const after = cursor
    ? upcoming
      ? sql`(${meetings.startsAt}, ${meetings.id}) > (${cursor.at}::timestamptz, ${cursor.id}::uuid)`
      : sql`(${meetings.startsAt}, ${meetings.id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`
    : undefined;
  const rows = await ctx.db
    .select({ meeting: meetings, agendaItemCount: agendaCount, hasMinutes })
    .from(meetings)
    .where(and(eq(meetings.orgId, ctx.actor.orgId), eq(meetings.communityId, communityId), when, after))
    .orderBy(
      ...(upcoming
        ? [asc(meetings.startsAt), asc(meetings.id)]
        : [desc(meetings.startsAt), desc(meetings.id)]),
    )
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => presentSummary(r.meeting, { communityName: community.row.name, ...r })),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ at: last.meeting.startsAt.toISOString(), id: last.meeting.id })
        : null,
  };
}

/** The next meetings (14 days) of the communities the person is an active member of, for the home page. */
export async function listMyUpcomingMeetings(
  db: Executor,
  actor: { id: string; orgId: string },
  days = 14,
): Promise<MeetingSummary[]> {
  const mine = db
    .select({ id: memberships.communityId })
    .from(memberships)
    .where(and(eq(memberships.personId, actor.id), eq(memberships.status, "active")));
  const rows = await db
    .select({ meeting: meetings, communityName: communities.name, agendaItemCount: agendaCount, hasMinutes })
    .from(meetings)
    .innerJoin(communities, eq(communities.id, meetings.communityId))
    .where(
      and(
        eq(meetings.orgId, actor.orgId),
        inArray(meetings.communityId, mine),
        isNull(communities.archivedAt),
        sql`${meetings.status} in ('scheduled', 'live', 'cancelled')`,
        sql`${endsAt} > now()`,
        sql`${meetings.startsAt} < now() + make_interval(days => ${days})`,
      ),
    )
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .limit(20);
  return rows.map((r) => presentSummary(r.meeting, r));
}
