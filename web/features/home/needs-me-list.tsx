import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useLabels } from "../../i18n/labels.ts";
import { Button } from "../../ui/button.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { useToast } from "../../ui/toast.tsx";
import { decideJoinRequest } from "../communities/api.ts";
import { acceptMyInvitation } from "../invitations/api.ts";
import type { NeedsMe } from "./api.ts";

/** Invitations to accept and join requests to decide, each with its action right there. */
export function NeedsMeList({ items }: { items: NeedsMe[] }) {
  return (
    <ul className="needs-me">
      {items.map((item) =>
        item.kind === "invitation" ? (
          <InvitationItem key={`i-${item.invitationId}`} item={item} />
        ) : (
          <JoinRequestItem key={`r-${item.communityId}-${item.personId}`} item={item} />
        ),
      )}
    </ul>
  );
}

function InvitationItem({ item }: { item: Extract<NeedsMe, { kind: "invitation" }> }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const accept = useMutation({
    mutationFn: () => acceptMyInvitation(item.invitationId),
    onSuccess: async (result) => {
      toast.success(t("invitation.joined", { community: item.communityName }));
      await queryClient.invalidateQueries({ queryKey: ["home"] });
      void queryClient.invalidateQueries({ queryKey: ["communities"] });
      if (result.communityId) {
        void navigate({ to: "/communities/$communityId", params: { communityId: result.communityId } });
      }
    },
    onError: (error) => toast.error(describeError(error, t)),
  });

  return (
    <li className="needs-me__item">
      <p>
        <span className="needs-me__kind">{t("home.invitationKind")}</span>
        {t("home.invitationText", {
          invitedBy: item.invitedBy,
          community: item.communityName,
          role: labels.anyRole(item.role),
        })}
      </p>
      <div className="cluster">
        <Button
          variant="primary"
          onPress={() => accept.mutate()}
          isPending={accept.isPending}
          accessibleName={t("home.acceptInvitationTo", { community: item.communityName })}
        >
          {t("invitation.accept")}
        </Button>
      </div>
    </li>
  );
}

function JoinRequestItem({ item }: { item: Extract<NeedsMe, { kind: "join_request" }> }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: (approve: boolean) => decideJoinRequest(item.communityId, item.personId, approve),
    onSuccess: (_community, approve) => {
      toast.success(
        approve
          ? t("requests.approved", { person: item.personName, community: item.communityName })
          : t("requests.declined", { person: item.personName, community: item.communityName }),
      );
      void queryClient.invalidateQueries({ queryKey: ["home"] });
      void queryClient.invalidateQueries({ queryKey: ["communities"] });
    },
    onError: (error) => toast.error(describeError(error, t)),
  });

  return (
    <li className="needs-me__item">
      <p>
        <span className="needs-me__kind">{t("home.requestKind")}</span>
        {t("home.requestText", { person: item.personName, community: item.communityName })}
      </p>
      <div className="cluster">
        <Button
          variant="primary"
          onPress={() => decide.mutate(true)}
          isPending={decide.isPending && decide.variables === true}
          isDisabled={decide.isPending}
          accessibleName={t("requests.approveLabel", {
            person: item.personName,
            community: item.communityName,
          })}
        >
          {t("requests.approve")}
        </Button>
        <Button
          variant="secondary"
          onPress={() => decide.mutate(false)}
          isPending={decide.isPending && decide.variables === false}
          isDisabled={decide.isPending}
          accessibleName={t("requests.declineLabel", {
            person: item.personName,
            community: item.communityName,
          })}
        >
          {t("requests.decline")}
        </Button>
      </div>
    </li>
  );
}
