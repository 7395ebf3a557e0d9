import type { Invitation } from "../../../shared/schemas/invitations.ts";
import type { invitations } from "../../db/schema/index.ts";

export type InvitationRow = typeof invitations.$inferSelect;

export function invitationStatus(row: InvitationRow, now = new Date()): Invitation["status"] {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  if (row.expiresAt <= now) return "expired";
  return "pending";
}

export function presentInvitation(row: InvitationRow, invitedBy: string): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.communityRole ?? row.orgRole,
    invitedBy,
    expiresAt: row.expiresAt.toISOString(),
    status: invitationStatus(row),
    createdAt: row.createdAt.toISOString(),
  };
}
