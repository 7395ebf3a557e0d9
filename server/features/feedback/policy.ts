import type { ArtifactAccess } from "../artifacts/policy.ts";

/*
 * Feedback rules beyond the artifact's own (features/artifacts/policy.ts decides who reads an artifact and
 * who may give feedback on it). These say who answers and who withdraws.
 */

/** The presenter answers the clarifying and probing questions on their own work, while it is open. */
export function canAnswerFeedback(a: ArtifactAccess): boolean {
  return a.actor.id === a.ownerId && !a.archived && a.community !== null && !a.community.archived;
}

/** Only the one who gave it withdraws it (anonymous or not); nobody withdraws someone else's words. */
export function canWithdrawFeedback(a: ArtifactAccess, authorId: string): boolean {
  return a.actor.id === authorId;
}
