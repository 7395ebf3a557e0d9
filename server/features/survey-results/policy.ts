import type { Actor } from "../../http/auth/plugin.ts";
import { AppError } from "../../http/errors.ts";
import { type CommunityAccess, canRead } from "../communities/policy.ts";
import { canWriteGoalAt } from "../goals/policy.ts";
import { canReadResults as readsResults } from "../survey-administrations/policy.ts";

/*
 * Who reads a survey administration's results (helper brief "Results"), and who turns them into work:
 * - the sender and the district's administrators always;
 * - a community survey: the community's active members and facilitators (a team looks at itself);
 * - a school survey: that school's leaders; a district survey: administrators only.
 * Partners never read educator surveys. Always subject to the anonymity minimum (service.ts).
 *
 * Who knows the administration exists (and so gets 403 rather than 404 when refused): its recipients,
 * and for a community survey whoever may read the community (observers, leaders of its schools, and
 * educators of a district-visible community). Everyone else — another district included — gets 404.
 *
 * Turning a growth area into a goal or a cycle: a reader of the results who may also create the
 * community's goals and cycles (its facilitators, leaders of its schools, administrators — goals policy).
 */

export type AdministrationAccess = {
  actor: Actor;
  audience: "community" | "school" | "district";
  schoolId: string | null;
  createdBy: string;
  recipient: boolean;
  /** For a community survey: the actor's access to the community (null when they cannot see it). */
  community: CommunityAccess | null;
};

/** The read rule is the sending feature's (one rule for the results and the administration's page). */
export function canReadResults(a: AdministrationAccess): boolean {
  const m = a.community?.membership;
  return readsResults({
    actor: a.actor,
    createdBy: a.createdBy,
    audience: a.audience,
    schoolId: a.schoolId,
    isRecipient: a.recipient,
    communityRole: m?.status === "active" ? m.role : null,
  });
}

/** Whether a refusal may say so (403) instead of answering as if there were nothing (404). */
export function knowsOf(a: AdministrationAccess): boolean {
  if (a.actor.orgRole === "partner") return false;
  if (a.recipient) return true;
  return a.audience === "community" && a.community !== null && canRead(a.community);
}

export function canFollowUp(a: AdministrationAccess): boolean {
  return (
    a.audience === "community" &&
    canReadResults(a) &&
    canWriteGoalAt({ actor: a.actor, level: "community", schoolId: null, community: a.community })
  );
}

export const READERS_ONLY: Record<AdministrationAccess["audience"], string> = {
  community: "Only the team's members and facilitators, its sender and administrators read these results.",
  school: "Only the school's leaders, the sender and administrators read these results.",
  district: "Only the district's administrators and the sender read these results.",
};

export const FOLLOW_UP_ONLY =
  "Only the community's facilitators and leaders can turn results into a goal or a cycle.";

/** A well-formed request the rules refuse (a group too small to show, a section with no answers): 422 naming the field. */
export const refused = (path: string, message: string) =>
  new AppError(422, "validation", "Please check the highlighted fields", message, [{ path, message }]);
