import type { CommunityCan } from "../../../shared/schemas/communities.ts";
import type { Actor } from "../../http/auth/plugin.ts";

/** Everything the policy needs to know about one community and the actor's relation to it. */
export type CommunityAccess = {
  actor: Actor;
  visibility: "private" | "organization";
  archived: boolean;
  membership: {
    role: "facilitator" | "member" | "partner" | "observer";
    status: "active" | "requested" | "left";
  } | null;
  /** The actor is a school leader of one of the community's schools. */
  leadsItsSchool: boolean;
  facilitatorCount: number;
};

const isActive = (a: CommunityAccess) => a.membership?.status === "active";
const isFacilitator = (a: CommunityAccess) => isActive(a) && a.membership?.role === "facilitator";
const isLeader = (a: CommunityAccess) =>
  a.actor.orgRole === "administrator" || (a.actor.orgRole === "school_leader" && a.leadsItsSchool);

/**
 * Who may see a community: its members, the district's administrators, leaders of its schools, and — when
 * it is visible to the whole district — every educator and leader. Partners see only what they joined.
 */
export function canRead(a: CommunityAccess): boolean {
  if (isActive(a) || isLeader(a)) return true;
  if (a.actor.orgRole === "partner") return false;
  return a.visibility === "organization" || a.membership?.status === "requested";
}

export function canManage(a: CommunityAccess): boolean {
  return isLeader(a) || isFacilitator(a);
}

export function communityCan(a: CommunityAccess): CommunityCan {
  const manage = canManage(a);
  const lastFacilitator = isFacilitator(a) && a.facilitatorCount <= 1;
  const outsider = !a.membership || a.membership.status === "left";
  // Leaders join directly; the join route never records a request for them, so the UI must not offer one.
  const join = outsider && isLeader(a) && !a.archived;
  return {
    edit: manage && !a.archived,
    archive: manage,
    invite: manage && !a.archived,
    manageMembers: manage && !a.archived,
    join,
    requestToJoin:
      outsider && !join && !a.archived && a.visibility === "organization" && a.actor.orgRole !== "partner",
    leave: isActive(a) && !lastFacilitator,
  };
}
