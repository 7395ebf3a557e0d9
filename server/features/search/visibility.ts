import { type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../http/auth/plugin.ts";

/*
 * The read rules of communities/policy.ts (canRead) and artifacts/policy.ts (canReadArtifact), written
 * once as SQL so search filters inside the query, where the indexes work, instead of after it.
 * visibility.test.ts checks these fragments against the JS policy case by case so the two cannot drift.
 */

const schools = (actor: Actor) =>
  actor.schoolIds.length
    ? sql`array[${sql.join(
        actor.schoolIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}]`
    : sql`'{}'::uuid[]`;

/** The communities the actor may read (`c` is a row of communities). Archived ones are the caller's call. */
export function communityVisible(actor: Actor, c = sql.raw("c")): SQL {
  const membership = (status: string) => sql`exists (
    select 1 from memberships vm
    where vm.community_id = ${c}.id and vm.person_id = ${actor.id} and vm.status = ${status})`;
  const leader =
    actor.orgRole === "administrator"
      ? sql`true`
      : actor.orgRole === "school_leader"
        ? sql`exists (select 1 from community_schools vs
            where vs.community_id = ${c}.id and vs.school_id = any(${schools(actor)}))`
        : sql`false`;
  // Partners see only what they are active members of; everyone else also sees the district-visible
  // communities and those they asked to join.
  const district =
    actor.orgRole === "partner"
      ? sql`false`
      : sql`(${c}.visibility = 'organization' or ${membership("requested")})`;
  return sql`(${c}.org_id = ${actor.orgId} and (${membership("active")} or ${leader} or ${district}))`;
}

/** The ids of the communities the actor may read, as a subquery. */
export function visibleCommunityIds(actor: Actor, includeArchived = true): SQL {
  return sql`(select c.id from communities c where ${communityVisible(actor)}
    ${includeArchived ? sql`` : sql`and c.archived_at is null`})`;
}

/**
 * The artifacts the actor may read (`a` is a row of artifacts): their own copies; work of communities
 * they may read, except student work for partners; approved exemplars for the district's non-partners.
 * `visibleIds` is the subquery of visibleCommunityIds (passed in so a query can share one).
 */
export function artifactVisible(
  actor: Actor,
  a = sql.raw("a"),
  visibleIds = visibleCommunityIds(actor),
): SQL {
  return sql`(${a}.org_id = ${actor.orgId} and (
    (${a}.community_id is null and ${a}.owner_id = ${actor.id})
    or (${a}.community_id is not null and not ${studentWorkHidden(actor, a)}
        and (${a}.community_id in ${visibleIds} or ${approvedExemplar(actor, a)}))))`;
}

/** Partners (by district role, or by their role in the work's community) never see student work. */
function studentWorkHidden(actor: Actor, a: SQL): SQL {
  return actor.orgRole === "partner"
    ? sql`${a}.contains_student_work`
    : sql`(${a}.contains_student_work and exists (
        select 1 from memberships pm where pm.community_id = ${a}.community_id
          and pm.person_id = ${actor.id} and pm.status = 'active' and pm.role = 'partner'))`;
}

/** Approved exemplars reach the district's non-partners, whatever their community. */
function approvedExemplar(actor: Actor, a: SQL): SQL {
  return actor.orgRole === "partner"
    ? sql`false`
    : sql`${a}.id in (select ve.artifact_id from exemplars ve
        where ve.org_id = ${actor.orgId} and ve.status = 'approved')`;
}

/**
 * artifactVisible as separate parts whose OR is the same rule (visibility.test.ts checks it), so a
 * query can search each part on its own index: work of the readable communities (`visibleArray` is an
 * array of their ids, which a btree answers), one's own copies, approved exemplars.
 */
export function artifactVisibleParts(actor: Actor, a: SQL, visibleArray: SQL): SQL[] {
  const inOrg = sql`${a}.org_id = ${actor.orgId}`;
  const shared = sql`${a}.community_id is not null and not ${studentWorkHidden(actor, a)}`;
  return [
    sql`(${inOrg} and ${a}.community_id = any(${visibleArray}) and ${shared})`,
    sql`(${inOrg} and ${a}.community_id is null and ${a}.owner_id = ${actor.id})`,
    ...(actor.orgRole === "partner" ? [] : [sql`(${inOrg} and ${shared} and ${approvedExemplar(actor, a)})`]),
  ];
}
