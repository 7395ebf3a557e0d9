import { type CommunityAccess, canManage, canRead } from "../communities/policy.ts";

/*
 * The learning-needs survey. Sent and closed by those who manage the community (its facilitators, leaders
 * of its schools, administrators), not once it is archived. Its summary — counts only — is read by whoever
 * may read the community. Answered by the team's active facilitators and members (the educators asked;
 * not observers or partners). One person's answer is shown to that person only.
 */
export const canSendSurvey = (a: CommunityAccess) => canManage(a) && !a.archived;
export const canReadSurvey = (a: CommunityAccess) => canRead(a);
export const canRespond = (a: CommunityAccess) =>
  !a.archived &&
  a.membership?.status === "active" &&
  (a.membership.role === "facilitator" || a.membership.role === "member");
