import { type SQL, sql } from "drizzle-orm";
import { progressSummary } from "../../../shared/goals/progress.ts";
import type { GoalLevel, GoalStatus, GoalUnit } from "../../../shared/schemas/goal-enums.ts";
import type { Goal, GoalRef } from "../../../shared/schemas/goals.ts";
import type { Executor } from "../../db/client.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import type { CommunityAccess } from "../communities/policy.ts";
import { communityVisible } from "../search/visibility.ts";
import { canEditGoal, canReadGoal, canRecordProgress, type GoalAccess } from "./policy.ts";

export type GoalRow = {
  id: string;
  level: GoalLevel;
  school_id: string | null;
  school_name: string | null;
  community_id: string | null;
  community_name: string | null;
  title: string;
  improvement: string;
  population: string;
  measure: string;
  unit: GoalUnit | null;
  baseline: number | null;
  target: number | null;
  starts_on: string | null;
  deadline: string | null;
  owner_id: string | null;
  owner_name: string | null;
  status: GoalStatus;
  status_reason: string;
  status_changed_at: Date | null;
  source: string;
  source_url: string;
  version: number;
  created_at: Date;
  updated_at: Date;
  visibility: "private" | "organization" | null;
  archived: boolean;
  membership_role: "facilitator" | "member" | "partner" | "observer" | null;
  membership_status: "active" | "requested" | "left" | null;
  community_school_ids: string[];
  aligned_to: GoalRef[];
  latest_value: number | null;
  latest_on: string | null;
};

/**
 * The goals the actor may read, as SQL over `g` (a row of goals): policy.ts canReadGoal — every goal of
 * the district except a community's, which follows the community's read rule (search/visibility.ts
 * communityVisible, itself checked against communities/policy.ts). goals.test.ts checks the two agree.
 */
export function goalReadable(actor: Actor, g = sql.raw("g")): SQL {
  return sql`(${g}.level <> 'community' or exists (
    select 1 from communities rc where rc.id = ${g}.community_id and ${communityVisible(actor, sql.raw("rc"))}))`;
}

/** Goals with what is needed to present them and decide what the actor may do, in one query. */
export async function queryGoals(
  db: Executor,
  actor: Actor,
  where: SQL,
  { readableOnly = true, forUpdate = false, limit = 500 } = {},
): Promise<GoalRow[]> {
  const result = await db.execute<GoalRow>(sql`
    select g.id, g.level, g.school_id, s.name as school_name, g.community_id, c.name as community_name,
      g.title, g.improvement, g.population, g.measure, g.unit, g.baseline, g.target,
      g.starts_on::text as starts_on, g.deadline::text as deadline, g.owner_id, o.name as owner_name,
      g.status, g.status_reason, g.status_changed_at, g.source, g.source_url, g.version,
      g.created_at, g.updated_at, c.visibility, coalesce(c.archived_at is not null, false) as archived,
      ms.role as membership_role, ms.status as membership_status,
      array(select cs.school_id from community_schools cs where cs.community_id = g.community_id)
        as community_school_ids,
      coalesce((
        select json_agg(json_build_object('id', a.id, 'level', a.level, 'title', a.title, 'status', a.status,
          'placeName', coalesce(asch.name, acom.name)) order by a.title, a.id)
        from goal_alignments ga join goals a on a.id = ga.aligned_to_id
        left join schools asch on asch.id = a.school_id left join communities acom on acom.id = a.community_id
        where ga.goal_id = g.id), '[]') as aligned_to,
      lm.value as latest_value, lm.measured_on::text as latest_on
    from goals g
    left join schools s on s.id = g.school_id
    left join communities c on c.id = g.community_id
    left join memberships ms on ms.community_id = g.community_id and ms.person_id = ${actor.id}
    left join people o on o.id = g.owner_id
    left join lateral (
      select m.value, m.measured_on from goal_measurements m where m.goal_id = g.id
      order by m.measured_on desc, m.created_at desc limit 1) lm on true
    where g.org_id = ${actor.orgId} and ${where} ${readableOnly ? sql`and ${goalReadable(actor)}` : sql``}
    order by array_position(array['national','state','district','school','community'], g.level::text),
      g.deadline nulls last, g.title, g.id
    limit ${limit}
    ${forUpdate ? sql`for update of g` : sql``}`);
  return result.rows;
}

export function accessOf(actor: Actor, row: GoalRow): GoalAccess {
  const community: CommunityAccess | null =
    row.level === "community" && row.visibility
      ? {
          actor,
          visibility: row.visibility,
          archived: row.archived,
          membership:
            row.membership_role && row.membership_status
              ? { role: row.membership_role, status: row.membership_status }
              : null,
          leadsItsSchool:
            actor.orgRole === "school_leader" &&
            row.community_school_ids.some((id) => actor.schoolIds.includes(id)),
          // Not used by the read and manage rules goals rely on.
          facilitatorCount: 0,
        }
      : null;
  return { actor, level: row.level, schoolId: row.school_id, ownerId: row.owner_id, community };
}

export const readable = (actor: Actor, row: GoalRow) => canReadGoal(accessOf(actor, row));

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export function presentGoal(actor: Actor, row: GoalRow): Goal {
  const access = accessOf(actor, row);
  const edit = canEditGoal(access);
  const latest =
    row.latest_value !== null && row.latest_on
      ? [{ value: row.latest_value, measuredOn: row.latest_on }]
      : [];
  return {
    id: row.id,
    level: row.level,
    school: row.school_id && row.school_name ? { id: row.school_id, name: row.school_name } : null,
    community:
      row.community_id && row.community_name ? { id: row.community_id, name: row.community_name } : null,
    title: row.title,
    improvement: row.improvement,
    population: row.population,
    measure: row.measure,
    unit: row.unit,
    baseline: row.baseline,
    target: row.target,
    startsOn: row.starts_on,
    deadline: row.deadline,
    owner: row.owner_id && row.owner_name ? { id: row.owner_id, name: row.owner_name } : null,
    status: row.status,
    statusReason: row.status_reason,
    statusChangedAt: iso(row.status_changed_at),
    source: row.source,
    sourceUrl: row.source_url,
    version: row.version,
    createdAt: iso(row.created_at) ?? "",
    updatedAt: iso(row.updated_at) ?? "",
    alignedTo: row.aligned_to,
    progress: progressSummary(row.baseline, row.target, latest),
    can: { edit, recordProgress: canRecordProgress(access), align: edit && row.level !== "national" },
  };
}

export const refOf = (row: GoalRow): GoalRef => ({
  id: row.id,
  level: row.level,
  title: row.title,
  status: row.status,
  placeName: row.school_name ?? row.community_name,
});
