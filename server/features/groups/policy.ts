import type { ResultsAccess } from "../results/policy.ts";
import { canManageResults } from "../results/policy.ts";

/*
 * Who may open an assessment's student-level tools (groups) and its aggregates (growth): whoever manages
 * its results (results/policy.ts), and the team's own facilitators and members — what they then see of
 * students is narrowed by the student-access rule (features/students: a teacher her own classes, leaders
 * their schools, administrators all). District-wide assessments: administrators and school leaders.
 * Partners never (community partners included); observers as the assessment page lets them (what they see
 * is still their own students only).
 * Everyone else is answered as if the assessment did not exist (404).
 */
export function canUseStudentData(a: ResultsAccess): boolean {
  if (a.actor.orgRole === "partner" || a.communityRole === "partner") return false;
  if (canManageResults(a)) return true;
  if (a.communityId === null) return a.actor.orgRole === "school_leader";
  return a.communityRole === "facilitator" || a.communityRole === "member" || a.communityRole === "observer";
}

/** A saved group is changed (members, title) and deleted by the person who made it, and no one else. */
export const canChangeGroup = (actorId: string, group: { createdBy: string }) => group.createdBy === actorId;
