import { type CommunityAccess, canManage } from "../communities/policy.ts";

/**
 * Who may write in a community's discussions: its active facilitators, members and partners (a partner
 * takes part where they were invited) and those who lead it. Observers read only; an archived
 * community is read-only for everyone. Reading follows the community (`canRead`, via loadCommunity).
 */
export function canContribute(a: CommunityAccess): boolean {
  if (a.archived) return false;
  if (canManage(a)) return true;
  const m = a.membership;
  return m?.status === "active" && (m.role === "member" || m.role === "partner");
}

/** Pinning a thread to the top: the community's facilitators and leaders, while it is not archived. */
export function canPin(a: CommunityAccess): boolean {
  return !a.archived && canManage(a);
}

/**
 * Removing a post: its author (as changing it), or the community's facilitators and leaders, who keep
 * its discussions within the norms.
 */
export function canRemovePost(a: CommunityAccess, authorId: string, deleted: boolean): boolean {
  return canChangePost(a, authorId, deleted) || (!deleted && !a.archived && canManage(a));
}

/** One's own post, while one may still write here and it has not been removed. */
export function canChangePost(a: CommunityAccess, authorId: string, deleted: boolean): boolean {
  return !deleted && authorId === a.actor.id && canContribute(a);
}
