import type { CommunityAccess } from "../communities/policy.ts";

/*
 * A community's team reflections are the team's own writing about itself, read like its minutes: by the
 * district's administrators, leaders of its schools and the community's active members of every role
 * but partner (observers included); written by its active facilitators and members; deleted by its
 * facilitators. Partners stay out for now (they are not educators), and so do district educators who can
 * see a district-visible community without belonging to it. Nothing is written once it is archived.
 */

const isLeader = (a: CommunityAccess) =>
  a.actor.orgRole === "administrator" || (a.actor.orgRole === "school_leader" && a.leadsItsSchool);
const activeRole = (a: CommunityAccess) => (a.membership?.status === "active" ? a.membership.role : null);

export function canReadReflections(a: CommunityAccess): boolean {
  if (a.actor.orgRole === "partner") return false;
  if (isLeader(a)) return true;
  const role = activeRole(a);
  return role !== null && role !== "partner";
}

export function canWriteReflections(a: CommunityAccess): boolean {
  if (a.archived || a.actor.orgRole === "partner") return false;
  const role = activeRole(a);
  return role === "facilitator" || role === "member";
}

export const canDeleteReflection = (a: CommunityAccess) =>
  !a.archived && a.actor.orgRole !== "partner" && activeRole(a) === "facilitator";
