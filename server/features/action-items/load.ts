import { type SQL, sql } from "drizzle-orm";
import type { ActionItem } from "../../../shared/schemas/action-items.ts";
import type { CommunityRole } from "../../../shared/schemas/communities.ts";
import type { ActionItemStatus } from "../../../shared/schemas/meeting-enums.ts";
import type { Executor } from "../../db/client.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { type ActionItemAccess, actionItemCan } from "./policy.ts";

export type ActionItemRow = {
  id: string;
  community_id: string;
  community_name: string;
  meeting_id: string | null;
  meeting_title: string | null;
  meeting_starts_at: Date | null;
  meeting_time_zone: string | null;
  agenda_item_id: string | null;
  title: string;
  owner_id: string | null;
  owner_name: string | null;
  due_on: string | null;
  status: ActionItemStatus;
  completed_at: Date | null;
  created_at: Date;
  archived: boolean;
  community_role: CommunityRole | null;
  school_ids: string[];
};

/**
 * Action items with everything needed to present them and to decide what the actor may do, in one
 * query. `where` filters (always together with the actor's district).
 */
export async function queryActionItems(
  db: Executor,
  actor: Actor,
  where: SQL,
  { forUpdate = false } = {},
): Promise<ActionItemRow[]> {
  const result = await db.execute<ActionItemRow>(sql`
    select a.id, a.community_id, c.name as community_name, a.meeting_id, m.title as meeting_title,
      m.starts_at as meeting_starts_at, m.time_zone as meeting_time_zone, a.agenda_item_id, a.title,
      a.owner_id, p.name as owner_name, a.due_on::text as due_on, a.status, a.completed_at, a.created_at,
      c.archived_at is not null as archived,
      (select ms.role from memberships ms where ms.community_id = c.id and ms.person_id = ${actor.id}
        and ms.status = 'active') as community_role,
      array(select cs.school_id from community_schools cs where cs.community_id = c.id) as school_ids
    from action_items a
    join communities c on c.id = a.community_id
    left join meetings m on m.id = a.meeting_id
    left join people p on p.id = a.owner_id
    where a.org_id = ${actor.orgId} and ${where}
    -- Soonest due first; items without a due date after those with one.
    order by a.due_on asc nulls last, a.created_at, a.id
    limit 500
    ${forUpdate ? sql`for update of a` : sql``}`);
  return result.rows;
}

export function accessOf(
  actor: Actor,
  row: Pick<ActionItemRow, "community_role" | "school_ids" | "archived">,
) {
  const access: ActionItemAccess = {
    actor,
    communityRole: row.community_role,
    leadsItsSchool:
      actor.orgRole === "school_leader" && row.school_ids.some((s) => actor.schoolIds.includes(s)),
    archived: row.archived,
  };
  return access;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export function presentActionItem(actor: Actor, row: ActionItemRow): ActionItem {
  return {
    id: row.id,
    communityId: row.community_id,
    communityName: row.community_name,
    meetingId: row.meeting_id,
    meetingTitle: row.meeting_title,
    agendaItemId: row.agenda_item_id,
    title: row.title,
    owner: row.owner_id && row.owner_name ? { id: row.owner_id, name: row.owner_name } : null,
    dueOn: row.due_on,
    status: row.status,
    completedAt: iso(row.completed_at),
    createdAt: iso(row.created_at) ?? "",
    can: actionItemCan(accessOf(actor, row), row.owner_id),
  };
}
