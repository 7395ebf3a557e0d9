import type { ProtocolCan } from "../../../shared/schemas/protocols.ts";
import type { Actor } from "../../http/auth/plugin.ts";

/**
 * Who may do what in the protocol library. Protocols are not sensitive: everyone signed in reads the
 * built-ins and their own district's. Writing one is for people who lead meetings.
 */

/** What the policy needs to know about the actor beyond their district role. */
export type ProtocolActor = {
  actor: Actor;
  /** The actor facilitates at least one active (not archived) community. */
  facilitates: boolean;
};

/** Write a new protocol, or copy one to adapt it: administrators, school leaders, facilitators. */
export function canCreateProtocol({ actor, facilitates }: ProtocolActor): boolean {
  return actor.orgRole === "administrator" || actor.orgRole === "school_leader" || facilitates;
}

export type ProtocolAccess = {
  /** Shipped with Lamplight: read-only for everyone, copy it to adapt it. */
  builtIn: boolean;
  createdBy: string | null;
  archived: boolean;
};

/** Edit, archive or restore a district's protocol: its administrators and whoever wrote it. */
export function canChangeProtocol(who: ProtocolActor, p: ProtocolAccess): boolean {
  if (p.builtIn) return false;
  return who.actor.orgRole === "administrator" || p.createdBy === who.actor.id;
}

export function protocolCan(who: ProtocolActor, p: ProtocolAccess): ProtocolCan {
  const change = canChangeProtocol(who, p);
  return {
    edit: change && !p.archived,
    copy: canCreateProtocol(who),
    archive: change && !p.archived,
    restore: change && p.archived,
  };
}

/** Only administrators browse the district's archived protocols. */
export const canListArchived = (actor: Actor): boolean => actor.orgRole === "administrator";
