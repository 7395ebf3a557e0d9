import type { GoalLevel } from "../../../shared/schemas/goal-enums.ts";
import type { Actor } from "../../http/auth/plugin.ts";
import { type CommunityAccess, canManage, canRead } from "../communities/policy.ts";

/**
 * Who may do what with a goal. The rules of every feature that shows goals (goals, cycles, the
 * alignment map and the leaders' dashboard) come from here; SQL that filters goals must mirror them.
 *
 * - Reading: a district's reference, district and school goals are the district's published plan: every
 *   person of the district reads them (partners too). A community's goals are read by whoever may read
 *   the community (communities/policy.ts canRead).
 * - Editing (and aligning, and changing status): reference and district goals — administrators; a school's
 *   goals — administrators and that school's leaders; a community's — whoever manages the community
 *   (its facilitators, leaders of its schools, administrators), not once it is archived.
 * - Recording progress (measurements, check-ins): the editors, the goal's owner, and for a community's goal
 *   its active members too (collective responsibility). Never partners or observers.
 */
export type GoalAccess = {
  actor: Actor;
  level: GoalLevel;
  schoolId: string | null;
  ownerId: string | null;
  /** For a community's goal: the actor's access to that community. */
  community: CommunityAccess | null;
};

const isAdmin = (actor: Actor) => actor.orgRole === "administrator";
const leadsSchool = (actor: Actor, schoolId: string | null) =>
  actor.orgRole === "school_leader" && schoolId !== null && actor.schoolIds.includes(schoolId);

export function canReadGoal(a: GoalAccess): boolean {
  if (a.level === "community") return a.community !== null && canRead(a.community);
  return true;
}

/** Whether the actor may create a goal at this place (the same rule as editing one there). */
export function canWriteGoalAt(a: Omit<GoalAccess, "ownerId">): boolean {
  switch (a.level) {
    case "national":
    case "state":
    case "district":
      return isAdmin(a.actor);
    case "school":
      return isAdmin(a.actor) || leadsSchool(a.actor, a.schoolId);
    case "community":
      return a.community !== null && canManage(a.community) && !a.community.archived;
  }
}

export function canEditGoal(a: GoalAccess): boolean {
  return canReadGoal(a) && canWriteGoalAt(a);
}

export function canRecordProgress(a: GoalAccess): boolean {
  if (!canReadGoal(a) || a.actor.orgRole === "partner") return false;
  if (canEditGoal(a) || a.ownerId === a.actor.id) return true;
  const membership = a.community?.membership;
  return (
    a.level === "community" &&
    !a.community?.archived &&
    membership?.status === "active" &&
    membership.role === "member"
  );
}

/** The leaders' dashboard and the whole-district alignment view: administrators and school leaders. */
export function canSeeLeaderDashboard(actor: Actor): boolean {
  return actor.orgRole === "administrator" || actor.orgRole === "school_leader";
}
