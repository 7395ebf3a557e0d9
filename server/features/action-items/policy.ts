import type { ActionItem } from "../../../shared/schemas/action-items.ts";
import type { CommunityRole } from "../../../shared/schemas/communities.ts";
import type { Actor } from "../../http/auth/plugin.ts";

/** The actor's relation to an action item's community. */
export type ActionItemAccess = {
  actor: Actor;
  /** The actor's role in the community, when their membership is active. */
  communityRole: CommunityRole | null;
  leadsItsSchool: boolean;
  archived: boolean;
};

const isLeader = (a: ActionItemAccess) =>
  a.actor.orgRole === "administrator" || (a.actor.orgRole === "school_leader" && a.leadsItsSchool);
const isPartner = (a: ActionItemAccess) => a.actor.orgRole === "partner" || a.communityRole === "partner";

/**
 * Who sees a community's action items: its active members and observers, and its leaders. Partners
 * see the ones they own (a family member asked to bring something), not the team's whole list.
 */
export function canReadAll(a: ActionItemAccess): boolean {
  return isLeader(a) || (a.communityRole !== null && !isPartner(a));
}

export function canReadItem(a: ActionItemAccess, ownerId: string | null): boolean {
  return canReadAll(a) || (ownerId === a.actor.id && a.communityRole !== null);
}

/** Add action items to a community, and change anything about them: facilitators and leaders. */
export function canManageItems(a: ActionItemAccess): boolean {
  if (a.archived) return false;
  return isLeader(a) || (a.communityRole === "facilitator" && !isPartner(a));
}

/** The owner may mark their own item done, dropped or open again; managers may change anything. */
export function actionItemCan(a: ActionItemAccess, ownerId: string | null): ActionItem["can"] {
  const edit = canManageItems(a);
  return { edit, changeStatus: edit || (!a.archived && ownerId === a.actor.id) };
}
