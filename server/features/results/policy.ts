import type { CommunityRole } from "../../../shared/schemas/communities.ts";
import type { Actor } from "../../http/auth/plugin.ts";

/*
 * Who may create, change and import into assessments:
 *   - administrators, for any assessment of their district (and they alone for district-wide ones);
 *   - school leaders of a school the assessment's community belongs to;
 *   - the community's facilitators.
 * Partners never, whatever their role in the community: results are student data.
 * Members, observers and other educators may not import: a results file names students by their district
 * id, and only the people above are, for now, trusted with a whole team's file.
 *
 * Who may read a team's assessments (their items, standards, how many students have results — no student
 * is named): the managers above and the team's active members and observers. Partners never. Anything
 * about one student follows features/students (canReadStudent) instead.
 */

export type ResultsAccess = {
  actor: Actor;
  /** null for a district-wide assessment. */
  communityId: string | null;
  /** The actor's role in the community, when their membership is active. */
  communityRole: CommunityRole | null;
  /** The schools of the assessment's community. */
  schoolIds: readonly string[];
  archived: boolean;
};

const isPartner = (a: ResultsAccess) => a.actor.orgRole === "partner" || a.communityRole === "partner";

export function canManageResults(a: ResultsAccess): boolean {
  if (isPartner(a) || a.archived) return false;
  if (a.actor.orgRole === "administrator") return true;
  if (a.communityId === null) return false;
  if (a.actor.orgRole === "school_leader" && a.schoolIds.some((s) => a.actor.schoolIds.includes(s)))
    return true;
  return a.communityRole === "facilitator";
}

/** Reading stays open in an archived community (its history), unlike managing. */
export function canReadResults(a: ResultsAccess): boolean {
  if (isPartner(a)) return false;
  if (a.actor.orgRole === "administrator") return true;
  if (a.communityId === null) return false;
  if (a.actor.orgRole === "school_leader" && a.schoolIds.some((s) => a.actor.schoolIds.includes(s)))
    return true;
  return a.communityRole !== null;
}
