import type { SurveyKind } from "../../../shared/schemas/surveys.ts";
import type { Actor } from "../../http/auth/plugin.ts";

/*
 * The survey library (issue 7 brief, "Who may do what"). Partners are not educators: the library is not
 * theirs. Built-ins are read by every educator and changed by nobody (a copy is editable). The district's
 * own surveys are read by its educators and written by administrators and school leaders. A community's
 * own surveys are read by those who belong to it (active members, facilitators, observers) and those who
 * oversee it (administrators, leaders of its schools), and written by those who manage it. Sending is the
 * administrations' rule (features/survey-administrations/policy.ts); `send` here only says whether the
 * reader could send the survey somewhere, so the library can offer it.
 */

/** The actor's relation to the community whose own survey it is. */
export type CommunityRelation = {
  archived: boolean;
  role: string | null;
  status: string | null;
  leadsItsSchool: boolean;
};

export type SurveyAccess = {
  actor: Actor;
  kind: SurveyKind;
  archived: boolean;
  community: CommunityRelation | null;
  /** The actor facilitates at least one active community (so could send a library survey to it). */
  facilitatesAny: boolean;
};

export const isEducator = (actor: Actor) => actor.orgRole !== "partner";

const leadsIt = (actor: Actor, c: CommunityRelation) =>
  actor.orgRole === "administrator" || (actor.orgRole === "school_leader" && c.leadsItsSchool);
const isActive = (c: CommunityRelation) => c.status === "active" && c.role !== "partner";
const facilitates = (c: CommunityRelation) => c.status === "active" && c.role === "facilitator";

/** Administrators and school leaders keep the district's library. */
export const canWriteDistrictLibrary = (actor: Actor) =>
  actor.orgRole === "administrator" || actor.orgRole === "school_leader";

/** A community's own surveys are written by those who manage it, while it is not archived. */
export const canWriteForCommunity = (actor: Actor, c: CommunityRelation) =>
  isEducator(actor) && !c.archived && (leadsIt(actor, c) || facilitates(c));

export function canReadSurvey(a: SurveyAccess): boolean {
  if (!isEducator(a.actor)) return false;
  if (a.kind !== "community") return true;
  return a.community !== null && (isActive(a.community) || leadsIt(a.actor, a.community));
}

export function canEditSurvey(a: SurveyAccess): boolean {
  if (!canReadSurvey(a) || a.archived || a.kind === "builtin") return false;
  if (a.kind === "district") return canWriteDistrictLibrary(a.actor);
  return a.community !== null && canWriteForCommunity(a.actor, a.community);
}

function canSend(a: SurveyAccess): boolean {
  if (!canReadSurvey(a) || a.archived) return false;
  const { actor } = a;
  if (actor.orgRole === "administrator") return true;
  if (actor.orgRole === "school_leader" && actor.schoolIds.length > 0) return true;
  if (a.kind === "community")
    return a.community !== null && facilitates(a.community) && !a.community.archived;
  return a.facilitatesAny;
}

export function surveyCan(a: SurveyAccess, canCreateSomewhere: boolean) {
  const edit = canEditSurvey(a);
  return {
    edit,
    send: canSend(a),
    copy: canReadSurvey(a) && canCreateSomewhere,
    archive: edit,
  };
}
