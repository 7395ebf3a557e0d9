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
import { ReadCache } from "../../lib/read-cache.ts";
import { singleFlight } from "./single-flight.ts";
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
  big: boolean | null;
  goals: GoalTuple[];
  summaries: [schoolGoalId: string, status: GoalStatus, count: number][];
  /** Community goals aligned to nothing, and past their deadline, in the whole scope. */
  community_gaps: [unaligned: number, overdue: number];
  edges: [from: string, to: string][];
  communities: [id: string, name: string, schoolIds: string[] | null][];
  schools: [id: string, name: string][];
};

const levelOrder = sql`array_position(array['national','state','district','school','community']::text[], g.level)`;

/** How many community goals of each gap the summarised district view names (the totals count them all). */
const SUMMARISED_GAP_ITEMS = 25;

export function statement(ctx: ServiceContext, schoolId: string | undefined): SQL {
  const { actor } = ctx;
  const ofSchool = schoolId
    ? sql`exists (select 1 from community_schools cs where cs.community_id = gc.id and cs.school_id = ${schoolId})`
    : sql`true`;
  const school = schoolId ? sql`and (g.level <> 'school' or g.school_id = ${schoolId})` : sql``;
  const big = schoolId
    ? sql`false`
    : sql`(select count(*) > ${MAX_LISTED_COMMUNITY_GOALS} from scope where level = 'community')`;
  const first = (where: SQL) => sql`(select s2.id from scope s2 where s2.level = 'community' and ${where}
    order by s2.level_order, s2.title, s2.id limit ${SUMMARISED_GAP_ITEMS})`;
  const unaligned = sql`not exists (select 1 from up where up.goal_id = s2.id)`;
  // In a large district the community goals stay in the database: only their counts per school goal and
  // the first of each gap leave it (the whole-district answer stays small and fast).
  return sql`
    with scope as materialized (
      select g.id, g.level, g.title, g.status, g.school_id, g.community_id, g.deadline, g.unit, g.baseline,
        g.target, ${levelOrder} as level_order,
        (g.deadline is not null and g.deadline < current_date
          and g.status not in ('met', 'not_met', 'retired')) as overdue
      from goals g
      where ${goalVisible(actor, sql.raw("g"), sql`gc.archived_at is null and ${ofSchool}`)} ${school}
    ),
    flag as materialized (select ${big} as big),
    up as materialized (select a.goal_id, a.aligned_to_id from goal_alignments a
      where a.org_id = ${actor.orgId} and a.goal_id in (select id from scope)),
    shown as materialized (
      select s.* from scope s where s.level <> 'community' or not (select big from flag)
        or s.id in ${first(unaligned)} or s.id in ${first(sql`s2.overdue`)})
    select (select big from flag) as big,
      (select coalesce(json_agg(json_build_array(s.id, s.level, s.title, s.status, s.school_id, s.community_id,
          s.deadline, s.unit, s.baseline, s.target, l.value, l.measured_on, s.overdue)
          order by s.level_order, s.title, s.id), '[]')
        from shown s
        left join lateral (select m.value, m.measured_on from goal_measurements m
          where m.org_id = ${actor.orgId} and m.goal_id = s.id
          order by m.measured_on desc, m.created_at desc limit 1) l on true) as goals,
      (select coalesce(json_agg(json_build_array(up.goal_id, up.aligned_to_id)), '[]')
        from up where up.goal_id in (select id from shown)) as edges,
      (select coalesce(json_agg(json_build_array(x.aligned_to_id, x.status, x.n)), '[]') from (
        select up.aligned_to_id, s.status, count(*)::int n from up join scope s on s.id = up.goal_id
        where s.level = 'community' and (select big from flag) group by 1, 2) x) as summaries,
      (select json_build_array(count(*) filter (where u.goal_id is null), count(*) filter (where s.overdue))
        from scope s left join (select distinct goal_id from up) u on u.goal_id = s.id
        where s.level = 'community') as community_gaps,
      (select coalesce(json_agg(json_build_array(c.id, c.name,
          (select array_agg(cs.school_id) from community_schools cs where cs.community_id = c.id))), '[]')
        from communities c where c.id in (select community_id from shown)) as communities,
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
  // What a person sees depends on their memberships, so only administrators (who see everything) share.
  const who = actor.orgRole === "administrator" ? "administrator" : actor.id;
  const key = `${actor.orgId}|${who}|${query.schoolId ?? ""}`;
  return maps.get(key, () =>
    once(key, async () => {
      const [row] = (await db.execute<Row>(statement(ctx, query.schoolId))).rows;
      if (!row) throw new Error("the alignment map query returned no row");
      return present(row, query.schoolId ?? null);
    }),
  );
}

/**
 * Maps are read far more often than goals change: kept 5 s, and dropped by every successful write request
 * (lib/read-cache.ts, decision 0003), so whoever aligns or measures a goal sees it on the map at once.
 */
const maps = new ReadCache<AlignmentMap>(5_000, 2_000);
const once = singleFlight<AlignmentMap>();

function present(row: Row, schoolId: string | null): AlignmentMap {
  const schoolName = new Map(row.schools.map(([id, name]) => [id, name]));
  const communities = new Map(row.communities.map(([id, name, schools]) => [id, { name, schools }]));
  const all = row.goals.map((t) => toGoal(t, schoolName, communities));
  const byId = new Map(all.map((g) => [g.id, g]));
  const alignedUp = new Set(row.edges.map(([from]) => from));
  const supported = new Set<string>();
  for (const [from, to] of row.edges) if (byId.get(from)?.level === "community") supported.add(to);
  for (const [to] of row.summaries) supported.add(to);
  const summarised = row.big === true;
  const community = all.filter((g) => g.level === "community");
  const [unalignedTotal, overdueCommunity] = row.community_gaps;
  const gapList = (goals: MapGoal[], total = goals.length) => ({
    total,
    items: goals.slice(0, MAX_GAP_ITEMS).map((g) => g.id),
  });
  const overdue = all.filter((g) => g.overdue);
  const overdueTotal = overdue.filter((g) => g.level !== "community").length + overdueCommunity;
  return {
    school: schoolId ? { id: schoolId, name: schoolName.get(schoolId) ?? "" } : null,
    schools: row.schools.map(([id, name]) => ({ id, name })),
    goals: summarised ? all.filter((g) => g.level !== "community") : all,
    edges: row.edges
      .filter(([from, to]) => byId.has(to) && (!summarised || byId.get(from)?.level !== "community"))
      .map(([from, to]) => ({ from, to })),
    summarised,
    communitySummaries: summaries(row.summaries),
    gaps: {
      unaligned: gapList(
        community.filter((g) => !alignedUp.has(g.id)),
        unalignedTotal,
      ),
      unsupported: gapList(all.filter((g) => g.level === "school" && !supported.has(g.id))),
      overdue: gapList(overdue, overdueTotal),
    },
    gapGoals: summarised ? community : [],
  };
}

/** Community goals aligned to each school goal, counted by status. */
function summaries(rows: Row["summaries"]) {
  const counts = new Map<string, { count: number; byStatus: Partial<Record<GoalStatus, number>> }>();
  for (const [to, status, n] of rows) {
    const entry = counts.get(to) ?? { count: 0, byStatus: {} };
    entry.count += n;
    entry.byStatus[status] = (entry.byStatus[status] ?? 0) + n;
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
