import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Community } from "../../../shared/schemas/communities.ts";
import type { Invitation } from "../../../shared/schemas/invitations.ts";
import { useLabels } from "../../i18n/labels.ts";
import { Button } from "../../ui/button.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { DateTime } from "../../ui/format.tsx";
import { Section } from "../../ui/page.tsx";
import { QueryView } from "../../ui/states.tsx";
import { useToast } from "../../ui/toast.tsx";
import { communityInvitationsQuery, communityKeys, revokeCommunityInvitation } from "./api.ts";

/** Invitations not yet accepted, for facilitators, each revocable. */
export function PendingInvitations({ community }: { community: Community }) {
  const { t } = useTranslation();
  const query = useQuery(communityInvitationsQuery(community.id));
  return (
    <Section title={t("pendingInvitations.title")} id="invitations">
      <QueryView query={query} loadingLabel={t("pendingInvitations.loading")}>
        {(data) => {
          const pending = data.items.filter((i) => i.status === "pending");
          if (pending.length === 0) return <p className="muted">{t("pendingInvitations.empty")}</p>;
          return (
            <ul className="member-list">
              {pending.map((invitation) => (
                <InvitationRow key={invitation.id} communityId={community.id} invitation={invitation} />
              ))}
            </ul>
          );
        }}
      </QueryView>
    </Section>
  );
}

function InvitationRow({ communityId, invitation }: { communityId: string; invitation: Invitation }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const toast = useToast();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => revokeCommunityInvitation(communityId, invitation.id),
    onSuccess: () => {
      toast.success(t("pendingInvitations.revoked", { email: invitation.email }));
      void queryClient.invalidateQueries({ queryKey: communityKeys.invitations(communityId) });
    },
    onError: (error) => toast.error(describeError(error, t)),
  });
  return (
    <li className="member">
      <div className="member__who">
        <span className="member__name">{invitation.email}</span>
        <span className="member__detail">
          {t("pendingInvitations.detail", {
            role: labels.anyRole(invitation.role),
            invitedBy: invitation.invitedBy,
          })}
        </span>
        <span className="member__detail">
          {t("pendingInvitations.expires")} <DateTime iso={invitation.expiresAt} />
        </span>
      </div>
      <div className="member__actions">
        <Button
          size="small"
          variant="quiet"
          onPress={() => revoke.mutate()}
          isPending={revoke.isPending}
          accessibleName={t("pendingInvitations.revokeFor", { email: invitation.email })}
        >
          {t("pendingInvitations.revoke")}
        </Button>
      </div>
    </li>
  );
}
