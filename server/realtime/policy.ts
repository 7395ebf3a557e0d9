import type { CommunityRole } from "../../shared/schemas/communities.ts";
import type { MeetingRole } from "../../shared/schemas/meeting-enums.ts";
import type { Actor } from "../http/auth/plugin.ts";

/** What the live room needs to know about a person and the meeting they open. */
export type RoomAccess = {
  actor: Actor;
  /** The person's membership of the meeting's community, when active. */
  communityRole: CommunityRole | null;
  /** Roles the person holds for this meeting. */
  meetingRoles: MeetingRole[];
};

/** Members (any role, observers included) and the district's administrators may open the room. */
export function canJoin(a: RoomAccess): boolean {
  return a.communityRole !== null || a.actor.orgRole === "administrator";
}

/** Everyone in the room contributes (partners too) except observers, who watch. */
export function canContribute(a: RoomAccess): boolean {
  return canJoin(a) && a.communityRole !== "observer";
}

/** Starting, advancing, pausing and ending: the meeting's facilitator or timekeeper, or the community's facilitators. */
export function canRun(a: RoomAccess): boolean {
  if (!canJoin(a)) return false;
  return (
    a.communityRole === "facilitator" ||
    a.meetingRoles.includes("facilitator") ||
    a.meetingRoles.includes("timekeeper")
  );
}

/** Shared notes follow contributions: observers read them but their edits are ignored. */
export const canWriteNotes = canContribute;
