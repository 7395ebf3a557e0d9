import { type SQL, sql } from "drizzle-orm";
import {
  DASHBOARD_PAGE_SIZE,
  type Dashboard,
  type DashboardCycle,
  type DashboardGoal,
  type DashboardQuery,
} from "../../../shared/schemas/alignment.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { forbidden, invalid, notFound } from "../../http/errors.ts";
import type { ServiceContext } from "../../lib/context.ts";
import { ReadCache } from "../../lib/read-cache.ts";
import { canSeeLeaderDashboard } from "../goals/policy.ts";
import { singleFlight } from "./single-flight.ts";
import { schoolArray } from "./visibility.ts";

/*
 * The leaders' dashboard: every goal and cycle in the caller's scope — administrators: the district;
 * school leaders: the district's goals, their schools' goals, and the goals and cycles of their schools'
 * communities (all of which goals/policy.ts lets them read; dashboard.test.ts checks the scope). Archived
 * communities are left out. One round trip: counts, one page of each list, the filter choices.
 */

type Cursor = { list: "goals" | "cycles"; offset: number };

/** Kept 5 s and dropped by every successful write request (lib/read-cache.ts, decision 0003). */
const rows = new ReadCache<Row>(5_000, 2_000);
const once = singleFlight<Row>();

const encode = (c: Cursor) => Buffer.from(JSON.stringify([c.list, c.offset])).toString("base64url");
function decode(cursor: string): Cursor {
  try {
    const [list, offset] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if ((list === "goals" || list === "cycles") && Number.isInteger(offset) && (offset as number) > 0)
      return { list, offset: offset as number };
  } catch {
    // Falls through to the same answer as a well-formed but wrong cursor.
  }
  throw invalid("cursor", "This page link is not valid; start from the first page.");
}

type Row = {
  counts: {
    goals: Record<string, number> | null;
    stages: Record<string, number> | null;
    cycles: Record<string, number> | null;
  };
  goals: DashboardGoal[] | null;
  cycles: DashboardCycle[] | null;
  schools: { id: string; name: string }[];
  communities: { id: string; name: string; schoolIds: string[] }[] | null;
};

export async function dashboard(ctx: ServiceContext, query: DashboardQuery): Promise<Dashboard> {
  const { actor, db } = ctx;
  if (!canSeeLeaderDashboard(actor))
    throw forbidden("The improvement dashboard is for the district's administrators and school leaders.");
  await checkPlace(ctx, query);
  const cursor = query.cursor ? decode(query.cursor) : null;
  // The scope depends on the role and the schools only (never on memberships): leaders of the same
  // schools, and all administrators, share an entry.
  const key = [actor.orgId, actor.orgRole, [...actor.schoolIds].sort().join(","), JSON.stringify(query)].join(
    "|",
  );
  const row = await rows.get(key, () =>
    once(key, async () => {
      const [found] = (await db.execute<Row>(statement(actor, query, cursor))).rows;
      if (!found) throw new Error("the dashboard query returned no row");
      return found;
    }),
  );
  const page = <T>(items: T[] | null, list: Cursor["list"]) => {
    if (cursor && cursor.list !== list) return null;
    const all = items ?? [];
    const offset = cursor?.offset ?? 0;
    return {
      items: all.slice(0, DASHBOARD_PAGE_SIZE),
      nextCursor:
        all.length > DASHBOARD_PAGE_SIZE ? encode({ list, offset: offset + DASHBOARD_PAGE_SIZE }) : null,
    };
  };
  const sum = (r: Record<string, number> | null) => Object.values(r ?? {}).reduce((a, b) => a + b, 0);
  return {
    counts: cursor
      ? null
      : {
          goalsByStatus: row.counts.goals ?? {},
          cyclesByStage: row.counts.stages ?? {},
          cyclesByStatus: row.counts.cycles ?? {},
          goals: sum(row.counts.goals),
          cycles: sum(row.counts.cycles),
        },
    goals: page(row.goals, "goals"),
    cycles: page(row.cycles, "cycles"),
    schools: row.schools,
    communities: row.communities ?? [],
  };
}

/** Another district's (or no) school or community: 404; one outside a school leader's schools: 403. */
async function checkPlace(ctx: ServiceContext, query: DashboardQuery) {
  const { actor, db } = ctx;
  const admin = actor.orgRole === "administrator";
  if (query.schoolId) {
    const found = await db.execute(
      sql`select 1 from schools where id = ${query.schoolId} and org_id = ${actor.orgId}`,
    );
    if (!found.rows.length) throw notFound("This school");
    if (!admin && !actor.schoolIds.includes(query.schoolId))
      throw forbidden("You can see the dashboard of the schools you lead.", "schoolId");
  }
  if (query.communityId) {
    const found = await db.execute<{ school_ids: string[] | null }>(sql`
      select (select array_agg(cs.school_id) from community_schools cs where cs.community_id = c.id) as school_ids
      from communities c where c.id = ${query.communityId} and c.org_id = ${actor.orgId}`);
    const [community] = found.rows;
    if (!community) throw notFound("This community");
    if (!admin && !(community.school_ids ?? []).some((id) => actor.schoolIds.includes(id)))
      throw forbidden("You can see the communities of the schools you lead.", "communityId");
  }
}

/** The communities in scope (`gc`): not archived; a school leader's: of their schools; then the filters. */
function communityScope(actor: Actor, query: DashboardQuery): SQL {
  const parts = [sql`gc.org_id = ${actor.orgId}`, sql`gc.archived_at is null`];
  if (actor.orgRole !== "administrator")
    parts.push(sql`exists (select 1 from community_schools cs where cs.community_id = gc.id
      and cs.school_id = any(${schoolArray(actor.schoolIds)}))`);
  if (query.schoolId)
    parts.push(sql`exists (select 1 from community_schools cs where cs.community_id = gc.id
      and cs.school_id = ${query.schoolId})`);
  if (query.communityId) parts.push(sql`gc.id = ${query.communityId}`);
  return sql.join(parts, sql` and `);
}

function goalScope(actor: Actor, query: DashboardQuery): SQL {
  const communities = sql`(g.level = 'community' and g.community_id in (
    select gc.id from communities gc where ${communityScope(actor, query)}))`;
  const place = query.schoolId || query.communityId;
  const schoolGoals = query.communityId
    ? sql`false`
    : sql`(g.level = 'school' ${actor.orgRole === "administrator" ? sql`` : sql`and g.school_id = any(${schoolArray(actor.schoolIds)})`}
        ${query.schoolId ? sql`and g.school_id = ${query.schoolId}` : sql``})`;
  const district = place ? sql`false` : sql`g.level in ('national', 'state', 'district')`;
  const q = query.q ? sql`and position(lower(${query.q}) in lower(g.title)) > 0` : sql``;
  return sql`g.org_id = ${actor.orgId} and (${communities} or ${schoolGoals} or ${district}) ${q}`;
}

function cycleScope(actor: Actor, query: DashboardQuery): SQL {
  const q = query.q ? sql`and position(lower(${query.q}) in lower(c.title)) > 0` : sql``;
  return sql`c.org_id = ${actor.orgId} and c.community_id in (
    select gc.id from communities gc where ${communityScope(actor, query)}) ${q}`;
}

const schoolsOf = (column: SQL) => sql`(select coalesce(json_agg(json_build_object('id', s.id, 'name', s.name)
  order by s.name), '[]') from schools s where s.id in (${column}))`;

export function statement(actor: Actor, query: DashboardQuery, cursor: Cursor | null): SQL {
  const limit = DASHBOARD_PAGE_SIZE + 1;
  const offset = (list: Cursor["list"]) => (cursor?.list === list ? cursor.offset : 0);
  const goalFilter = sql.join(
    [
      sql`true`,
      ...(query.level ? [sql`level = ${query.level}`] : []),
      ...(query.status ? [sql`status = ${query.status}`] : []),
    ],
    sql` and `,
  );
  const cycleFilter = sql.join(
    [
      sql`true`,
      ...(query.stage ? [sql`stage = ${query.stage}`] : []),
      ...(query.cycleStatus ? [sql`status = ${query.cycleStatus}`] : []),
    ],
    sql` and `,
  );
  const wantGoals = !cursor || cursor.list === "goals";
  const wantCycles = !cursor || cursor.list === "cycles";
  const counts = cursor
    ? sql`null::json`
    : sql`json_build_object(
        'goals', (select json_object_agg(status, n) from (select status, count(*) n from sg group by status) x),
        'stages', (select json_object_agg(stage, n) from (select stage, count(*) n from sc group by stage) x),
        'cycles', (select json_object_agg(status, n) from (select status, count(*) n from sc group by status) x))`;
  return sql`
    with sg as materialized (
      select g.id, g.org_id, g.level, g.status, g.title, g.deadline, g.school_id, g.community_id, g.updated_at,
        array_position(array['national','state','district','school','community']::text[], g.level) as level_order
      from goals g where ${goalScope(actor, query)}),
    sc as materialized (
      select c.id, c.title, c.stage, c.status, c.community_id, c.goal_id, c.last_activity_at
      from cycles c where ${cycleScope(actor, query)})
    select ${counts} as counts,
      ${wantGoals ? goalsPage(goalFilter, limit, offset("goals")) : sql`null::json`} as goals,
      ${wantCycles ? cyclesPage(cycleFilter, limit, offset("cycles")) : sql`null::json`} as cycles,
      (select coalesce(json_agg(json_build_object('id', s.id, 'name', s.name) order by s.name), '[]')
        from schools s where s.org_id = ${actor.orgId} and s.archived_at is null
        ${actor.orgRole === "administrator" ? sql`` : sql`and s.id = any(${schoolArray(actor.schoolIds)})`}) as schools,
      ${communityChoices(actor, query)} as communities`;
}

/** Goals that need attention first: overdue, then by deadline. Only the page gets its details. */
function goalsPage(filter: SQL, limit: number, offset: number): SQL {
  return sql`(select json_agg(json_build_object(
      'id', p.id, 'level', p.level, 'title', p.title, 'status', p.status, 'deadline', p.deadline,
      'overdue', p.overdue,
      'community', case when p.community_id is null then null
        else (select json_build_object('id', c.id, 'name', c.name) from communities c where c.id = p.community_id) end,
      'schools', ${schoolsOf(sql`select p.school_id union select cs.school_id from community_schools cs where cs.community_id = p.community_id`)},
      'lastActivityAt', greatest(p.updated_at,
        (select max(m.created_at) from goal_measurements m where m.org_id = p.org_id and m.goal_id = p.id),
        (select max(ci.created_at) from goal_check_ins ci where ci.org_id = p.org_id and ci.goal_id = p.id),
        (select max(cy.last_activity_at) from cycles cy where cy.org_id = p.org_id and cy.goal_id = p.id)),
      'alignedUp', (select count(*) from goal_alignments a where a.goal_id = p.id),
      'alignedBelow', (select count(*) from goal_alignments a where a.org_id = p.org_id and a.aligned_to_id = p.id),
      'activeCycles', (select count(*) from cycles cy where cy.org_id = p.org_id and cy.goal_id = p.id and cy.status = 'active'))
      order by p.overdue desc, p.deadline nulls last, p.level_order, p.title, p.id)
    from (select sg.*, (sg.deadline is not null and sg.deadline < current_date and sg.status not in ('met', 'not_met', 'retired')) as overdue
      from sg where ${filter}
      order by overdue desc, deadline nulls last, level_order, title, id limit ${limit} offset ${offset}) p)`;
}

/** Cycles with the most recent activity first. */
function cyclesPage(filter: SQL, limit: number, offset: number): SQL {
  return sql`(select json_agg(json_build_object(
      'id', p.id, 'title', p.title, 'stage', p.stage, 'status', p.status, 'lastActivityAt', p.last_activity_at,
      'community', (select json_build_object('id', c.id, 'name', c.name) from communities c where c.id = p.community_id),
      'schools', ${schoolsOf(sql`select cs.school_id from community_schools cs where cs.community_id = p.community_id`)},
      'goal', (select json_build_object('id', g.id, 'title', g.title, 'status', g.status) from goals g where g.id = p.goal_id),
      'goalAlignedUp', exists (select 1 from goal_alignments a where a.goal_id = p.goal_id))
      order by p.last_activity_at desc, p.id desc)
    from (select * from sc where ${filter} order by last_activity_at desc, id desc limit ${limit} offset ${offset}) p)`;
}

/** Communities to filter by: a school's (once one is chosen), or a school leader's schools'. */
function communityChoices(actor: Actor, query: DashboardQuery): SQL {
  if (!query.schoolId && actor.orgRole === "administrator") return sql`null::json`;
  const scope = communityScope(actor, { ...query, communityId: undefined });
  return sql`(select json_agg(json_build_object('id', gc.id, 'name', gc.name, 'schoolIds',
      (select coalesce(array_agg(cs.school_id), '{}') from community_schools cs where cs.community_id = gc.id))
      order by gc.name) from communities gc where ${scope})`;
}
