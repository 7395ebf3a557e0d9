import { useTranslation } from "react-i18next";
import { gradeBands } from "../../shared/schemas/common.ts";
import {
  type CommunityKind,
  type CommunityRole,
  communityKinds,
  communityRoles,
  type Visibility,
} from "../../shared/schemas/communities.ts";
import { type OrgRole, orgRoles, type PersonStatus } from "../../shared/schemas/people.ts";

type InvitationStatus = "pending" | "accepted" | "expired" | "revoked";
type GradeBand = (typeof gradeBands)[number];

function isGradeBand(value: string): value is GradeBand {
  return (gradeBands as readonly string[]).includes(value);
}

/** Readable, translated names for the domain's enums (kinds, roles, statuses, grade bands). */
export function useLabels() {
  const { t } = useTranslation();
  const kind = (k: CommunityKind) => t(`communityKinds.${k}`);
  const role = (r: CommunityRole) => t(`communityRoles.${r}`);
  const roleDescription = (r: CommunityRole) => t(`communityRoleDescriptions.${r}`);
  const visibility = (v: Visibility) => t(`visibility.${v}`);
  const gradeBand = (g: string) => (isGradeBand(g) ? t(`gradeBands.${g}`) : g);
  const orgRole = (r: OrgRole) => t(`orgRoles.${r}`);
  const orgRoleDescription = (r: OrgRole) => t(`orgRoleDescriptions.${r}`);
  const personStatus = (s: PersonStatus) => t(`personStatuses.${s}`);
  const invitationStatus = (s: InvitationStatus) => t(`invitationStatuses.${s}`);
  /** Invitation.role is a plain string: a community role or a district role. */
  const anyRole = (r: string) => {
    if ((communityRoles as readonly string[]).includes(r)) return role(r as CommunityRole);
    if ((orgRoles as readonly string[]).includes(r)) return orgRole(r as OrgRole);
    return r;
  };
  return {
    orgRole,
    orgRoleDescription,
    personStatus,
    invitationStatus,
    anyRole,
    orgRoleOptions: orgRoles.map((r) => ({ value: r, label: orgRole(r) })),
    kind,
    role,
    roleDescription,
    visibility,
    gradeBand,
    kindOptions: communityKinds.map((k) => ({ value: k, label: kind(k) })),
    roleOptions: communityRoles.map((r) => ({ value: r, label: role(r) })),
    gradeBandOptions: gradeBands.map((g) => ({ value: g, label: gradeBand(g) })),
  };
}
