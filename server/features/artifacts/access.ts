import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { AppError, notFound } from "../../http/errors.ts";
import { loadCommunity } from "../communities/load.ts";
import { type ArtifactAccess, canReadArtifact } from "./policy.ts";

/** The artifact columns every feature that acts on an artifact needs. */
export type ArtifactHead = {
  id: string;
  community_id: string | null;
  owner_id: string;
  title: string;
  contains_student_work: boolean;
  archived: boolean;
  current_version: number;
  approved_exemplar: boolean;
};

/**
 * Loads an artifact the actor may see with the actor's access, or throws 404 — the same answer for
 * another district's, a missing one, or one private to others. `forUpdate` locks the artifact row.
 */
export async function loadArtifactAccess(
  db: Executor,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<{ head: ArtifactHead; access: ArtifactAccess }> {
  const result = await db.execute<ArtifactHead>(sql`
    select a.id, a.community_id, a.owner_id, a.title, a.contains_student_work,
      a.archived_at is not null as archived, a.current_version,
      exists (select 1 from exemplars e where e.artifact_id = a.id and e.status = 'approved') as approved_exemplar
    from artifacts a
    where a.id = ${id} and a.org_id = ${actor.orgId}
    ${forUpdate ? sql`for update of a` : sql``}`);
  const head = result.rows[0];
  if (!head) throw notFound("This artifact");
  const community = head.community_id ? await communityAccessOrNull(db, actor, head.community_id) : null;
  const access: ArtifactAccess = {
    actor,
    ownerId: head.owner_id,
    community,
    containsStudentWork: head.contains_student_work,
    archived: head.archived,
    approvedExemplar: head.approved_exemplar,
  };
  // A community's artifact whose community the actor cannot load at all is not theirs to see,
  // unless it is an approved exemplar (then `community` stays as the outsider's access).
  if (head.community_id && !community) throw notFound("This artifact");
  if (!canReadArtifact(access)) throw notFound("This artifact");
  return { head, access };
}

/** The actor's access to a community even when they may not read it (exemplars reach further). */
async function communityAccessOrNull(db: Executor, actor: Actor, communityId: string) {
  try {
    return (await loadCommunity(db, actor, communityId)).access;
  } catch (error) {
    if (error instanceof AppError && error.status === 404) return outsiderAccess(db, actor, communityId);
    throw error;
  }
}

/** An outsider's view of a community in the actor's district (for exemplar reads only). */
async function outsiderAccess(db: Executor, actor: Actor, communityId: string) {
  const result = await db.execute<{ archived: boolean }>(sql`
    select archived_at is not null as archived from communities
    where id = ${communityId} and org_id = ${actor.orgId}`);
  const row = result.rows[0];
  if (!row) return null;
  return {
    actor,
    visibility: "private" as const,
    archived: row.archived,
    membership: null,
    leadsItsSchool: false,
    facilitatorCount: 0,
  };
}
