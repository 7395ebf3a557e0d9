import type { Cycle } from "../../../shared/schemas/cycles.ts";
import type { CycleStatus } from "../../../shared/schemas/goal-enums.ts";
import { seesStudentWork } from "../artifacts/policy.ts";
import { type CommunityAccess, canManage, canRead } from "../communities/policy.ts";
import { canReadMeetings } from "../meetings/policy.ts";

/**
 * Who may do what with a community's cycles of inquiry. Reading follows the community (whoever may read
 * it reads its cycles: partners and observers too). Starting a cycle, choosing its goal, moving between
 * stages and deciding are for the community's managers (facilitators, leaders of its schools,
 * administrators); stage notes and evidence also for its active members (collective responsibility).
 * Nothing changes once the community is archived or the cycle is finished.
 */
export type CycleAccess = { community: CommunityAccess; status: CycleStatus | null };

export const canReadCycles = (a: CommunityAccess) => canRead(a);

export const canStartCycle = (a: CommunityAccess) => canManage(a) && !a.archived;

const open = (a: CycleAccess) => !a.community.archived && a.status === "active";

export function canEditCycle(a: CycleAccess): boolean {
  return open(a) && canManage(a.community);
}

export function canContribute(a: CycleAccess): boolean {
  if (!open(a)) return false;
  const m = a.community.membership;
  return canManage(a.community) || (m?.status === "active" && m.role === "member");
}

/** Evidence shown to the actor: student work never to partners; meetings only to those who read them. */
export function seesEvidence(
  a: CommunityAccess,
  e: { kind: string; containsStudentWork: boolean | null },
): boolean {
  if (e.kind === "artifact") return !e.containsStudentWork || seesStudentWork(a);
  if (e.kind === "meeting") return canReadMeetings(a);
  return true;
}

/** Evidence may be removed by whoever added it, while they may still contribute, and by managers. */
export function canRemoveEvidence(a: CycleAccess, addedBy: string): boolean {
  return canEditCycle(a) || (canContribute(a) && addedBy === a.community.actor.id);
}

export function cycleCan(a: CycleAccess, stage: number, continued: boolean): Cycle["can"] {
  const edit = canEditCycle(a);
  return {
    edit,
    contribute: canContribute(a),
    advance: edit,
    decide: edit && stage === 7,
    startNext: a.status === "completed" && !continued && canStartCycle(a.community),
  };
}
