import { and, asc, eq, inArray } from "drizzle-orm";
import type { Community, Member } from "../../../shared/schemas/communities.ts";
import type { Executor } from "../../db/client.ts";
import {
  communities,
  communitySchools,
  memberships,
  people,
  personSchools,
  schools,
} from "../../db/schema/index.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { notFound } from "../../http/errors.ts";
import { type CommunityAccess, canManage, canRead, communityCan } from "./policy.ts";

export type CommunityRow = typeof communities.$inferSelect;

/** One community with its members, schools and the actor's access, read together. */
export type LoadedCommunity = {
  row: CommunityRow;
  members: (Member & { personId: string })[];
  schools: { id: string; name: string }[];
  access: CommunityAccess;
};

/**
 * Loads a community the actor may see, or throws 404 — the same answer whether it is in another
 * district, does not exist, or is private to others, so nothing leaks.
 */
export async function loadCommunity(
  db: Executor,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<LoadedCommunity> {
  const base = db
    .select()
    .from(communities)
    .where(and(eq(communities.id, id), eq(communities.orgId, actor.orgId)));
  const [row] = forUpdate ? await base.for("update") : await base;
  if (!row) throw notFound("This community");
  const [memberRows, schoolRows] = await Promise.all([
    db
      .select({
        personId: memberships.personId,
        name: people.name,
        pronouns: people.pronouns,
        title: people.title,
        role: memberships.role,
        status: memberships.status,
        joinedAt: memberships.joinedAt,
      })
      .from(memberships)
      .innerJoin(people, eq(people.id, memberships.personId))
      .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.communityId, id)))
      .orderBy(asc(people.name)),
    db
      .select({ id: schools.id, name: schools.name })
      .from(communitySchools)
      .innerJoin(schools, eq(schools.id, communitySchools.schoolId))
      .where(and(eq(communitySchools.orgId, actor.orgId), eq(communitySchools.communityId, id)))
      .orderBy(asc(schools.name)),
  ]);
  const members = memberRows.map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() }));
  const mine = members.find((m) => m.personId === actor.id);
  const access: CommunityAccess = {
    actor,
    visibility: row.visibility,
    archived: row.archivedAt !== null,
    membership: mine ? { role: mine.role, status: mine.status } : null,
    leadsItsSchool: await leadsAnyOf(
      db,
      actor,
      schoolRows.map((s) => s.id),
    ),
    facilitatorCount: members.filter((m) => m.role === "facilitator" && m.status === "active").length,
  };
  if (!canRead(access)) throw notFound("This community");
  return { row, members, schools: schoolRows, access };
}

/** True when the actor is a school leader of one of these schools. */
export async function leadsAnyOf(db: Executor, actor: Actor, schoolIds: string[]): Promise<boolean> {
  if (actor.orgRole !== "school_leader" || schoolIds.length === 0) return false;
  const rows = await db
    .select({ schoolId: personSchools.schoolId })
    .from(personSchools)
    .where(and(eq(personSchools.personId, actor.id), inArray(personSchools.schoolId, schoolIds)))
    .limit(1);
  return rows.length > 0;
}

/** The API shape of a community, with what the actor may do with it. */
export function presentCommunity(loaded: LoadedCommunity): Community {
  const { row, members, schools: schoolList, access } = loaded;
  const mine = access.membership;
  const toMember = ({ personId, name, pronouns, title, role, status, joinedAt }: Member) => ({
    personId,
    name,
    pronouns,
    title,
    role,
    status,
    joinedAt,
  });
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as Community["kind"],
    purpose: row.purpose,
    vision: row.vision,
    values: row.values,
    norms: row.norms,
    schools: schoolList,
    subjects: row.subjects,
    gradeBands: row.gradeBands,
    topics: row.topics,
    visibility: row.visibility,
    archived: row.archivedAt !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    myRole: mine && mine.status !== "left" ? mine.role : null,
    myStatus: mine?.status ?? null,
    members: members.filter((m) => m.status === "active").map(toMember),
    requests: canManage(access) ? members.filter((m) => m.status === "requested").map(toMember) : [],
    can: communityCan(access),
  };
}
