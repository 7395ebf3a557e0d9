import type { AudienceKind } from "../../../shared/surveys/definition.ts";
import type { Actor } from "../../http/auth/plugin.ts";

/*
 * Who may do what with a sent survey (issue 7 brief, "Who may do what"). Partners never answer or read
 * educator surveys. Sending: a community's facilitators to it, a school's leaders to it, administrators to
 * anything. Managing (reminding, closing, moving the closing date, seeing who answered a named survey):
 * its sender and administrators. Reading it (its dates and counts): those who may manage it, its
 * recipients, and those who may read its results — a community's active facilitators and members, a
 * school's leaders. Anything not readable is 404, as if it did not exist.
 */

export type AdministrationAccess = {
  actor: Actor;
  createdBy: string;
  audience: AudienceKind;
  schoolId: string | null;
  isRecipient: boolean;
  /** The actor's active role in the administration's community, if any. */
  communityRole: string | null;
};

const isEducator = (a: Actor) => a.orgRole !== "partner";
const leads = (a: Actor, schoolId: string | null) =>
  a.orgRole === "school_leader" && schoolId !== null && a.schoolIds.includes(schoolId);
const inTeam = (a: AdministrationAccess) => a.communityRole === "facilitator" || a.communityRole === "member";

export const canManageAdministration = (a: AdministrationAccess) =>
  isEducator(a.actor) && (a.actor.id === a.createdBy || a.actor.orgRole === "administrator");

export function canReadResults(a: AdministrationAccess): boolean {
  if (canManageAdministration(a)) return true;
  if (!isEducator(a.actor)) return false;
  if (a.audience === "community") return inTeam(a);
  if (a.audience === "school") return leads(a.actor, a.schoolId);
  return false;
}

export const canReadAdministration = (a: AdministrationAccess) =>
  isEducator(a.actor) && (a.isRecipient || canReadResults(a));

/** Only recipients answer; the list is fixed at sending. */
export const canAnswer = (a: AdministrationAccess) => isEducator(a.actor) && a.isRecipient;

/** Whether the actor may send to this audience (the target's existence is checked by the caller). */
export function canSendTo(
  actor: Actor,
  audience: AudienceKind,
  target: { facilitates?: boolean; schoolId?: string | null },
): boolean {
  if (actor.orgRole === "administrator") return true;
  if (audience === "community") return actor.orgRole !== "partner" && target.facilitates === true;
  if (audience === "school") return leads(actor, target.schoolId ?? null);
  return false;
}
