import type { Actor } from "../../http/auth/plugin.ts";
import { type CommunityAccess, canManage, canRead } from "../communities/policy.ts";

/**
 * Everything the rules need about one artifact and the actor's relation to it. `community` is null for
 * someone's own copy ("my work"), which only its owner sees.
 */
export type ArtifactAccess = {
  actor: Actor;
  ownerId: string;
  community: CommunityAccess | null;
  containsStudentWork: boolean;
  archived: boolean;
  /** An approved exemplar: browsable by the district's educators and leaders, whatever its community. */
  approvedExemplar: boolean;
};

const activeRole = (a: ArtifactAccess) =>
  a.community?.membership?.status === "active" ? a.community.membership.role : null;
const isOwner = (a: ArtifactAccess) => a.actor.id === a.ownerId;
/** Partners (family members, community leaders) never see student work, whatever their role. */
const isPartner = (a: ArtifactAccess) => a.actor.orgRole === "partner" || activeRole(a) === "partner";
const isLeader = (a: CommunityAccess) =>
  a.actor.orgRole === "administrator" || (a.actor.orgRole === "school_leader" && a.leadsItsSchool);

export function canReadArtifact(a: ArtifactAccess): boolean {
  if (!a.community) return isOwner(a);
  if (a.containsStudentWork && isPartner(a)) return false;
  if (canRead(a.community)) return true;
  return a.approvedExemplar && a.actor.orgRole !== "partner";
}

/** Who may bring work to a community: its facilitators and members, and the leaders who oversee it. */
export function canCreateIn(community: CommunityAccess): boolean {
  if (community.archived) return false;
  const role = community.membership?.status === "active" ? community.membership.role : null;
  return role === "facilitator" || role === "member" || isLeader(community);
}

/** New versions, the reflection and the description: the presenter's own. */
export function canEditArtifact(a: ArtifactAccess): boolean {
  if (a.archived || !isOwner(a)) return false;
  return a.community === null || canCreateIn(a.community);
}

/** Archiving: the owner, or the community's facilitators and leaders. */
export function canArchiveArtifact(a: ArtifactAccess): boolean {
  if (isOwner(a)) return true;
  return a.community !== null && canManage(a.community);
}

/** Feedback comes from colleagues in the community (partners too, on work without student work). */
export function canGiveFeedback(a: ArtifactAccess): boolean {
  if (a.archived || !a.community || a.community.archived || isOwner(a) || !canReadArtifact(a)) return false;
  const role = activeRole(a);
  return role === "facilitator" || role === "member" || role === "partner" || isLeader(a.community);
}

/** Members and facilitators nominate exemplars; partners and observers do not. */
export function canNominate(a: ArtifactAccess): boolean {
  if (a.archived || !a.community || a.community.archived) return false;
  const role = activeRole(a);
  return role === "facilitator" || role === "member" || isLeader(a.community);
}

/** A facilitator of the artifact's community or a leader who oversees it approves an exemplar. */
export function canReviewExemplar(a: ArtifactAccess): boolean {
  return a.community !== null && canManage(a.community);
}

/** Whether a community's list may include its student work for this actor (never for partners). */
export function seesStudentWork(community: CommunityAccess): boolean {
  if (community.actor.orgRole === "partner") return false;
  return !(community.membership?.status === "active" && community.membership.role === "partner");
}

/** What the artifact page offers the actor; each answer is the rule its route enforces. */
export function artifactCan(a: ArtifactAccess) {
  return {
    edit: canEditArtifact(a),
    archive: canArchiveArtifact(a),
    giveFeedback: canGiveFeedback(a),
    nominate: canNominate(a),
    reviewExemplar: canReviewExemplar(a),
  };
}
