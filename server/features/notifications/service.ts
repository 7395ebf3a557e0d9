import { sql } from "drizzle-orm";
import type { z } from "zod";
import type {
  Notification,
  NotificationMutes,
  notificationListQuerySchema,
} from "../../../shared/schemas/notifications.ts";
import type { NotificationKind } from "../../../shared/schemas/work-enums.ts";
import { notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";

type ListQuery = z.output<typeof notificationListQuerySchema>;
type Row = {
  id: string;
  kind: NotificationKind;
  data: Record<string, string>;
  path: string;
  actor_name: string | null;
  read: boolean;
  created_at: string;
};

const iso = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);

const present = (r: Row): Notification => ({
  id: r.id,
  kind: r.kind,
  data: r.data,
  path: r.path,
  actorName: r.actor_name,
  read: r.read,
  createdAt: r.created_at,
});

/** My notifications, newest first (ids are time-ordered), only ever the caller's own. */
export async function listNotifications(ctx: ServiceContext, query: ListQuery) {
  const { actor } = ctx;
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const result = await ctx.db.execute<Row>(sql`
    select n.id, n.kind, n.data, n.path, p.name as actor_name, n.read_at is not null as read,
      ${iso("n.created_at")} as created_at
    from notifications n left join people p on p.id = n.actor_id
    where n.org_id = ${actor.orgId} and n.person_id = ${actor.id}
      ${query.filter === "unread" ? sql`and n.read_at is null` : sql``}
      ${after ? sql`and n.id < ${after.id}` : sql``}
    order by n.id desc
    limit ${query.limit + 1}`);
  const rows = result.rows.slice(0, query.limit);
  const last = rows.at(-1);
  return {
    items: rows.map(present),
    nextCursor: result.rows.length > query.limit && last ? encodeCursor(last.created_at, last.id) : null,
  };
}

/** The bell's number: one count over the partial index of unread notifications. */
export async function unreadCount(ctx: ServiceContext): Promise<{ unread: number }> {
  const result = await ctx.db.execute<{ unread: number }>(sql`
    select count(*)::int as unread from notifications
    where person_id = ${ctx.actor.id} and read_at is null and org_id = ${ctx.actor.orgId}`);
  return { unread: result.rows[0]?.unread ?? 0 };
}

/** Marks one of my notifications read (again is fine: the first time is kept). Another's is 404. */
export async function markRead(ctx: ServiceContext, id: string): Promise<Notification> {
  const { actor } = ctx;
  const result = await ctx.db.execute<Row>(sql`
    with marked as (
      update notifications set read_at = coalesce(read_at, now())
      where id = ${id} and person_id = ${actor.id} and org_id = ${actor.orgId}
      returning *)
    select n.id, n.kind, n.data, n.path, p.name as actor_name, true as read,
      ${iso("n.created_at")} as created_at
    from marked n left join people p on p.id = n.actor_id`);
  const row = result.rows[0];
  if (!row) throw notFound("This notification");
  return present(row);
}

export async function markAllRead(ctx: ServiceContext): Promise<{ marked: number }> {
  const result = await ctx.db.execute(sql`
    update notifications set read_at = now()
    where person_id = ${ctx.actor.id} and read_at is null and org_id = ${ctx.actor.orgId}`);
  return { marked: result.rowCount ?? 0 };
}

export async function getMutes(ctx: ServiceContext): Promise<NotificationMutes> {
  const result = await ctx.db.execute<{ kind: NotificationKind }>(sql`
    select kind from notification_mutes where person_id = ${ctx.actor.id} order by kind`);
  return { muted: result.rows.map((r) => r.kind) };
}

/** Replaces the set of muted kinds in one transaction (the settings send the whole set each change). */
export async function setMutes(ctx: ServiceContext, input: NotificationMutes): Promise<NotificationMutes> {
  const { actor } = ctx;
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`delete from notification_mutes where person_id = ${actor.id}`);
    if (input.muted.length === 0) return;
    await tx.execute(sql`
      insert into notification_mutes (org_id, person_id, kind)
      select ${actor.orgId}, ${actor.id}, k from unnest(string_to_array(${input.muted.join(",")}, ',')) as k`);
  });
  return getMutes(ctx);
}
