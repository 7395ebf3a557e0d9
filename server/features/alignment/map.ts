import { type SQL, sql } from "drizzle-orm";
import { progressOf } from "../../../shared/goals/progress.ts";
import {
  type AlignmentMap,
  type AlignmentMapQuery,
  MAX_GAP_ITEMS,
  MAX_LISTED_COMMUNITY_GOALS,
  type MapGoal,
} from "../../../shared/schemas/alignment.ts";
import type { GoalLevel, GoalStatus, GoalUnit } from "../../../shared/schemas/goal-enums.ts";
import { notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { goalVisible } from "./visibility.ts";

/*
 * The alignment map in one round trip: the goals the caller may read in scope (the district, or one
 * school: its goals, its communities' goals and the district's), their latest measurement, the
 * alignments leaving them, and the names the cards show. Gaps are computed over what the caller can see.
 */

type GoalTuple = [
  id: string,
  level: GoalLevel,
  title: string,
  status: GoalStatus,
  schoolId: string | null,
  communityId: string | null,
  deadline: string | null,
  unit: GoalUnit | null,
  baseline: number | null,
  target: number | null,
  latestValue: number | null,
  latestOn: string | null,
  overdue: boolean,
];
type Row = {
  goals: GoalTuple[];
  edges: [from: string, to: string][];
  communities: [id: string, name: string, schoolIds: string[] | null][];
  schools: [id: string, name: string][];
};

const levelOrder = sql`array_position(array['national','state','district','school','community']::text[], g.level)`;

function statement(ctx: ServiceContext, schoolId: string | undefined): SQL {
  const { actor } = ctx;
  const ofSchool = schoolId
    ? sql`exists (select 1 from community_schools cs where cs.community_id = gc.id and cs.school_id = ${schoolId})`
    : sql`true`;
  const school = schoolId ? sql`and (g.level <> 'school' or g.school_id = ${schoolId})` : sql``;
  return sql`
    with scope as materialized (
      select g.id, g.level, g.title, g.status, g.school_id, g.community_id, g.deadline, g.unit, g.baseline,
        g.target, ${levelOrder} as level_order
      from goals g
      where ${goalVisible(actor, sql.raw("g"), sql`gc.archived_at is null and ${ofSchool}`)} ${school}
    )
    select
      (select coalesce(json_agg(json_build_array(s.id, s.level, s.title, s.status, s.school_id, s.community_id,
          s.deadline, s.unit, s.baseline, s.target, l.value, l.measured_on,
          s.deadline < current_date and s.status not in ('met', 'not_met', 'retired'))
          order by s.level_order, s.title, s.id), '[]')
        from scope s
        left join lateral (select m.value, m.measured_on from goal_measurements m
          where m.org_id = ${actor.orgId} and m.goal_id = s.id
          order by m.measured_on desc, m.created_at desc limit 1) l on true) as goals,
      (select coalesce(json_agg(json_build_array(a.goal_id, a.aligned_to_id)), '[]')
        from goal_alignments a where a.org_id = ${actor.orgId} and a.goal_id in (select id from scope)) as edges,
      (select coalesce(json_agg(json_build_array(c.id, c.name,
          (select array_agg(cs.school_id) from community_schools cs where cs.community_id = c.id))), '[]')
        from communities c where c.id in (select community_id from scope)) as communities,
      (select coalesce(json_agg(json_build_array(s.id, s.name) order by s.name), '[]')
        from schools s where s.org_id = ${actor.orgId} and s.archived_at is null) as schools`;
}

export async function alignmentMap(ctx: ServiceContext, query: AlignmentMapQuery): Promise<AlignmentMap> {
  const { actor, db } = ctx;
  if (query.schoolId) {
    const found = await db.execute(
      sql`select 1 from schools where id = ${query.schoolId} and org_id = ${actor.orgId}`,
    );
    if (!found.rows.length) throw notFound("This school");
  }
  const [row] = (await db.execute<Row>(statement(ctx, query.schoolId))).rows;
  if (!row) throw new Error("the alignment map query returned no row");
  return present(row, query.schoolId ?? null);
}

function present(row: Row, schoolId: string | null): AlignmentMap {
  const schoolName = new Map(row.schools.map(([id, name]) => [id, name]));
  const communities = new Map(row.communities.map(([id, name, schools]) => [id, { name, schools }]));
  const all = row.goals.map((t) => toGoal(t, schoolName, communities));
  const byId = new Map(all.map((g) => [g.id, g]));
  const alignedUp = new Set<string>();
  const supported = new Set<string>();
  const edges = row.edges.filter(([from, to]) => {
    alignedUp.add(from);
    if (byId.get(from)?.level === "community") supported.add(to);
    return byId.has(to);
  });
  const community = all.filter((g) => g.level === "community");
  const summarised = schoolId === null && community.length > MAX_LISTED_COMMUNITY_GOALS;
  const gapList = (goals: MapGoal[]) => ({
    total: goals.length,
    items: goals.slice(0, MAX_GAP_ITEMS).map((g) => g.id),
  });
  const gaps = {
    unaligned: gapList(community.filter((g) => !alignedUp.has(g.id))),
    unsupported: gapList(all.filter((g) => g.level === "school" && !supported.has(g.id))),
    overdue: gapList(all.filter((g) => g.overdue)),
  };
  const named = new Set([...gaps.unaligned.items, ...gaps.overdue.items]);
  return {
    school: schoolId ? { id: schoolId, name: schoolName.get(schoolId) ?? "" } : null,
    schools: row.schools.map(([id, name]) => ({ id, name })),
    goals: summarised ? all.filter((g) => g.level !== "community") : all,
    edges: (summarised ? edges.filter(([from]) => byId.get(from)?.level !== "community") : edges).map(
      ([from, to]) => ({ from, to }),
    ),
    summarised,
    communitySummaries: summarised ? summaries(edges, byId) : [],
    gaps,
    gapGoals: summarised ? community.filter((g) => named.has(g.id)) : [],
  };
}

/** Community goals aligned to each school goal, counted by status. */
function summaries(edges: [string, string][], byId: Map<string, MapGoal>) {
  const counts = new Map<string, { count: number; byStatus: Partial<Record<GoalStatus, number>> }>();
  for (const [from, to] of edges) {
    const source = byId.get(from);
    if (source?.level !== "community") continue;
    const entry = counts.get(to) ?? { count: 0, byStatus: {} };
    entry.count += 1;
    entry.byStatus[source.status] = (entry.byStatus[source.status] ?? 0) + 1;
    counts.set(to, entry);
  }
  return [...counts].map(([goalId, c]) => ({ goalId, ...c }));
}

function toGoal(
  t: GoalTuple,
  schools: Map<string, string>,
  communities: Map<string, { name: string; schools: string[] | null }>,
): MapGoal {
  const [id, level, title, status, schoolId, communityId, deadline, unit, baseline, target] = t;
  const [latestValue, latestOn, overdue] = [t[10], t[11], t[12]];
  const community = communityId ? communities.get(communityId) : undefined;
  return {
    id,
    level,
    title,
    status,
    school: schoolId ? { id: schoolId, name: schools.get(schoolId) ?? "" } : null,
    community: communityId ? { id: communityId, name: community?.name ?? "" } : null,
    communitySchoolIds: community?.schools ?? [],
    deadline,
    unit,
    baseline,
    target,
    latest: latestValue !== null && latestOn ? { value: latestValue, measuredOn: latestOn } : null,
    progress: progressOf(baseline, target, latestValue),
    overdue,
  };
}
