import type { Actor } from "../../http/auth/plugin.ts";
import { type ArtifactAccess, canNominate, canReviewExemplar } from "../artifacts/policy.ts";

/** The exemplar rules on top of the artifact's (features/artifacts/policy.ts), for one nomination. */
export type NominationFacts = { status: string; nominated_by: string; owner_id: string };

const isOpen = (n: NominationFacts) => n.status === "nominated" || n.status === "approved";

/**
 * Reviewers are the community's facilitators and the leaders who oversee it — but never the person who
 * nominated the work nor its owner: an exemplar is someone else's judgement that the work is exemplary.
 */
export function canReview(a: ArtifactAccess, n: NominationFacts): boolean {
  return canReviewExemplar(a) && a.actor.id !== n.nominated_by && a.actor.id !== n.owner_id;
}

/** The nominator or the owner may take a nomination (or an approved exemplar) back. */
export function canWithdraw(actor: Actor, n: NominationFacts): boolean {
  return isOpen(n) && (actor.id === n.nominated_by || actor.id === n.owner_id);
}

/** The library is the district's educators' and leaders'; partners (families) are not offered it. */
export const canBrowseLibrary = (actor: Actor) => actor.orgRole !== "partner";

export function exemplarCan(a: ArtifactAccess, n: NominationFacts | null) {
  return {
    nominate: n === null && canNominate(a),
    review: n?.status === "nominated" && canReview(a, n),
    withdraw: n !== null && canWithdraw(a.actor, n),
    copy: n?.status === "approved" && canBrowseLibrary(a.actor),
  };
}
