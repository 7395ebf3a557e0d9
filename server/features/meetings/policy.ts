import type { MeetingRole, MeetingStatus } from "../../../shared/schemas/meeting-enums.ts";
import type { MeetingCan } from "../../../shared/schemas/meetings.ts";
import { type CommunityAccess, canManage } from "../communities/policy.ts";

/**
 * Who may do what with a community's meetings. Reading needs an active membership (any community role:
 * member, facilitator, partner, observer) or district leadership over the community; scheduling and
 * editing are for its facilitators and leaders, as long as the community is not archived.
 */
export function canReadMeetings(a: CommunityAccess): boolean {
  if (a.membership?.status === "active") return true;
  return a.actor.orgRole === "administrator" || (a.actor.orgRole === "school_leader" && a.leadsItsSchool);
}

export function canScheduleMeetings(a: CommunityAccess): boolean {
  return canManage(a) && !a.archived;
}

/** A meeting that has started or ended is history: its time, status and agenda stay as they were. */
export const isSettled = (status: MeetingStatus) => status === "live" || status === "ended";

export function meetingCan(
  a: CommunityAccess,
  meeting: { status: MeetingStatus; seriesId: string | null },
  myRoles: readonly MeetingRole[],
): MeetingCan {
  const manage = canScheduleMeetings(a);
  const scheduled = meeting.status === "scheduled";
  const runsIt = myRoles.includes("facilitator") || myRoles.includes("timekeeper");
  return {
    edit: manage && scheduled,
    cancel: manage && scheduled,
    restore: manage && meeting.status === "cancelled",
    editAgenda: manage && scheduled,
    editRoles: manage && (scheduled || meeting.status === "live"),
    editSeries: manage && meeting.seriesId !== null,
    run: (manage || (runsIt && !a.archived)) && (scheduled || meeting.status === "live"),
  };
}
