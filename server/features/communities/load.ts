import { sql } from "drizzle-orm";
import type { Community, Member } from "../../../shared/schemas/communities.ts";
import type { Executor } from "../../db/client.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { notFound } from "../../http/errors.ts";
import { ReadCache } from "../../lib/read-cache.ts";
import { type CommunityAccess, canManage, canRead, communityCan } from "./policy.ts";

type CommunityRow = {
  id: string;
  name: string;
  kind: Community["kind"];
  purpose: string;
  vision: string;
  values: string;
  norms: string[];
  subjects: string[];
  grade_bands: string[];
  topics: string[];
  visibility: "private" | "organization";
  anonymous_feedback: boolean;
  share_results_by_teacher: boolean;
  archived: boolean;
  created_at: string;
  updated_at: string;
  /** Active members and pending requests (people who left are not listed). */
  members: Member[];
  schools: { id: string; name: string }[];
};

/** One community with its members, schools and the actor's access, read together. */
export type LoadedCommunity = { row: CommunityRow; members: Member[]; access: CommunityAccess };

const iso = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** One round trip: the community with its members and schools aggregated by PostgreSQL. */
async function queryCommunity(
  db: Executor,
  orgId: string,
  id: string,
  forUpdate: boolean,
): Promise<CommunityRow | null> {
  const result = await db.execute<CommunityRow>(sql`
    select c.id, c.name, c.kind, c.purpose, c.vision, c.values, c.norms, c.subjects, c.grade_bands, c.topics,
      c.visibility, c.anonymous_feedback, c.share_results_by_teacher, c.archived_at is not null as archived,
      ${iso("c.created_at")} as created_at, ${iso("c.updated_at")} as updated_at,
      coalesce((
        select json_agg(json_build_object(
          'personId', m.person_id, 'name', p.name, 'pronouns', p.pronouns, 'title', p.title,
          'role', m.role, 'status', m.status, 'joinedAt', ${iso("m.joined_at")}) order by p.name, p.id)
        from memberships m join people p on p.id = m.person_id
        where m.community_id = c.id and m.status <> 'left'), '[]') as members,
      coalesce((
        select json_agg(json_build_object('id', s.id, 'name', s.name) order by s.name)
        from community_schools cs join schools s on s.id = cs.school_id
        where cs.community_id = c.id), '[]') as schools
    from communities c
    where c.id = ${id} and c.org_id = ${orgId}
    ${forUpdate ? sql`for update of c` : sql``}`);
  return result.rows[0] ?? null;
}

/**
 * Loads a community the actor may see, or throws 404 — the same answer whether it is in another
 * district, does not exist, or is private to others, so nothing leaks. `forUpdate` locks the row.
 */
export async function loadCommunity(
  db: Executor,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<LoadedCommunity> {
  return withAccess(actor, await queryCommunity(db, actor.orgId, id, forUpdate));
}

// The shared part of a community page (not the viewer's access), for the busiest read: GET of a page.
const pages = new ReadCache<CommunityRow | null>(5_000);

/** Like loadCommunity, through the read cache: for plain reads outside any transaction. */
export async function loadCommunityCached(db: Executor, actor: Actor, id: string): Promise<LoadedCommunity> {
  return withAccess(
    actor,
    await pages.get(`${actor.orgId}:${id}`, () => queryCommunity(db, actor.orgId, id, false)),
  );
}

/**
 * The community as it is after a change the actor was allowed to make, whether or not they may still
 * read it: someone who has just left a private community no longer may, and that must not undo the leaving.
 */
export async function reloadAfterChange(db: Executor, actor: Actor, id: string): Promise<LoadedCommunity> {
  return withAccess(actor, await queryCommunity(db, actor.orgId, id, false), false);
}

function withAccess(actor: Actor, row: CommunityRow | null, mustRead = true): LoadedCommunity {
  if (!row) throw notFound("This community");
  const mine = row.members.find((m) => m.personId === actor.id);
  const access: CommunityAccess = {
    actor,
    visibility: row.visibility,
    archived: row.archived,
    membership: mine ? { role: mine.role, status: mine.status } : null,
    leadsItsSchool:
      actor.orgRole === "school_leader" && row.schools.some((school) => actor.schoolIds.includes(school.id)),
    facilitatorCount: row.members.filter((m) => m.role === "facilitator" && m.status === "active").length,
  };
  if (mustRead && !canRead(access)) throw notFound("This community");
  return { row, members: row.members, access };
}

/** The API shape of a community, with what the actor may do with it. */
export function presentCommunity({ row, members, access }: LoadedCommunity): Community {
  const mine = access.membership;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    purpose: row.purpose,
    vision: row.vision,
    values: row.values,
    norms: row.norms,
    schools: row.schools,
    subjects: row.subjects,
    gradeBands: row.grade_bands,
    topics: row.topics,
    visibility: row.visibility,
    anonymousFeedback: row.anonymous_feedback,
    shareResultsByTeacher: row.share_results_by_teacher,
    archived: row.archived,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    myRole: mine ? mine.role : null,
    myStatus: mine?.status ?? null,
    // Who is in it is for those who may read it (not, say, a partner who has just left).
    members: canRead(access) ? members.filter((m) => m.status === "active") : [],
    requests: canManage(access) ? members.filter((m) => m.status === "requested") : [],
    can: communityCan(access),
  };
}
