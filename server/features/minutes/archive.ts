import { sql } from "drizzle-orm";
import type { Archive } from "../../../shared/schemas/minutes.ts";
import { invalid, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { loadCommunity } from "../communities/load.ts";
import { canReadMinutes, type MeetingAccess } from "./policy.ts";

type Row = {
  id: string;
  title: string;
  starts_at: Date;
  time_zone: string;
  ended_at: Date | null;
  has_minutes: boolean;
  contributions: number;
  decisions: number;
  action_items: number;
};

const encode = (row: Row) => Buffer.from(`${row.starts_at.toISOString()}|${row.id}`).toString("base64url");

function decode(cursor: string): { startsAt: string; id: string } {
  const [startsAt, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (!startsAt || !id || Number.isNaN(Date.parse(startsAt)) || !/^[0-9a-f-]{36}$/.test(id))
    throw invalid("cursor", "This page link is not valid; start from the first page.");
  return { startsAt, id };
}

/**
 * The community's archive: its ended meetings, newest first, with how much each produced. Partners see
 * only the meetings they attended (the same rule as reading the minutes).
 */
export async function listArchive(
  ctx: ServiceContext,
  communityId: string,
  query: { cursor?: string | undefined; limit: number },
): Promise<Archive> {
  const { actor } = ctx;
  const loaded = await loadCommunity(ctx.db, actor, communityId);
  const membership = loaded.access.membership;
  const access = (attended: boolean): MeetingAccess => ({
    actor,
    communityRole: membership?.status === "active" ? membership.role : null,
    leadsItsSchool: loaded.access.leadsItsSchool,
    meetingRoles: [],
    attended,
    archived: loaded.access.archived,
  });
  // Someone who may not read even the minutes of a meeting they attended is not a reader at all.
  if (!canReadMinutes(access(true))) throw notFound("This community");
  const after = query.cursor ? decode(query.cursor) : null;
  const result = await ctx.db.execute<Row>(sql`
    select m.id, m.title, m.starts_at, m.time_zone, m.ended_at,
      exists(select 1 from minutes mi where mi.meeting_id = m.id) as has_minutes,
      (select count(*)::int from contributions c where c.meeting_id = m.id and c.retracted_at is null)
        as contributions,
      (select count(*)::int from decisions d where d.meeting_id = m.id) as decisions,
      (select count(*)::int from action_items ai where ai.meeting_id = m.id) as action_items
    from meetings m
    where m.org_id = ${actor.orgId} and m.community_id = ${communityId} and m.status = 'ended'
      ${canReadMinutes(access(false)) ? sql`` : sql`and exists(select 1 from attendance a where a.meeting_id = m.id and a.person_id = ${actor.id} and a.present)`}
      ${after ? sql`and (m.starts_at, m.id) < (${after.startsAt}::timestamptz, ${after.id}::uuid)` : sql``}
    order by m.starts_at desc, m.id desc
    limit ${query.limit + 1}`);
  const rows = result.rows.map((r) => ({ ...r, starts_at: new Date(r.starts_at) }));
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    community: { id: loaded.row.id, name: loaded.row.name },
    items: page.map((r) => ({
      meetingId: r.id,
      title: r.title,
      startsAt: r.starts_at.toISOString(),
      timeZone: r.time_zone,
      endedAt: r.ended_at ? new Date(r.ended_at).toISOString() : null,
      hasMinutes: r.has_minutes,
      contributionCount: r.contributions,
      decisionCount: r.decisions,
      actionItemCount: r.action_items,
    })),
    nextCursor: rows.length > query.limit && last ? encode(last) : null,
  };
}
