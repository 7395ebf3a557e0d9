import type { CommunityRole } from "../../../shared/schemas/communities.ts";
import type { MeetingRole } from "../../../shared/schemas/meeting-enums.ts";
import type { MinutesCan } from "../../../shared/schemas/minutes.ts";
import type { Actor } from "../../http/auth/plugin.ts";

/** The actor's relation to one meeting's community (and to the meeting itself). */
export type MeetingAccess = {
  actor: Actor;
  /** The actor's role in the community, when their membership is active. */
  communityRole: CommunityRole | null;
  /** The actor is a school leader of one of the community's schools. */
  leadsItsSchool: boolean;
  /** Meeting-wide roles the actor holds in this meeting. */
  meetingRoles: MeetingRole[];
  /** The actor was present (joined the room, or marked present by the facilitator). */
  attended: boolean;
  archived: boolean;
};

export const isLeader = (a: Pick<MeetingAccess, "actor" | "leadsItsSchool">) =>
  a.actor.orgRole === "administrator" || (a.actor.orgRole === "school_leader" && a.leadsItsSchool);

/** Family and community partners (a partner account, or anyone in the partner role of this community). */
const isPartner = (a: MeetingAccess) => a.actor.orgRole === "partner" || a.communityRole === "partner";

/**
 * Who reads a meeting's minutes: active members, observers and facilitators of the community, the
 * district's administrators and the leaders of its schools. Partners read the minutes of meetings they
 * attended only: what a team says about its practice is shared with the families who were in the room,
 * not with every partner of the community. Anyone else gets 404, as if the meeting did not exist.
 */
export function canReadMinutes(a: MeetingAccess): boolean {
  if (isLeader(a)) return true;
  if (a.communityRole === null) return false;
  if (isPartner(a)) return a.attended;
  return true;
}

/** Edit the summary, regenerate the record, correct attendance: the community's facilitators, the
 * meeting's facilitator (while a member) and the district's and school's leaders. */
export function canEditMinutes(a: MeetingAccess): boolean {
  if (a.archived) return false;
  if (isLeader(a)) return true;
  if (a.communityRole === null || isPartner(a)) return false;
  return a.communityRole === "facilitator" || a.meetingRoles.includes("facilitator");
}

/** Record decisions and action items (during the meeting or after): editors and the note-taker. */
export function canRecordOutcomes(a: MeetingAccess): boolean {
  if (canEditMinutes(a)) return true;
  return !a.archived && a.communityRole !== null && !isPartner(a) && a.meetingRoles.includes("note_taker");
}

export function minutesCan(a: MeetingAccess): MinutesCan {
  const record = canRecordOutcomes(a);
  return { edit: canEditMinutes(a), recordDecisions: record, addActionItems: record };
}
