import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Invitation } from "../../../shared/schemas/invitations.ts";
import { useLabels } from "../../i18n/labels.ts";
import { Button } from "../../ui/button.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { DateTime } from "../../ui/format.tsx";
import { Section } from "../../ui/page.tsx";
import { QueryView } from "../../ui/states.tsx";
import { useToast } from "../../ui/toast.tsx";
import { peopleInvitationsQuery, peopleKeys, revokePersonInvitation } from "./api.ts";

/** District invitations not yet accepted, newest first, each revocable. */
export function PeopleInvitations() {
  const { t } = useTranslation();
  const query = useQuery(peopleInvitationsQuery);
  return (
    <Section title={t("people.invitationsTitle")} id="invitations">
      <QueryView query={query} loadingLabel={t("pendingInvitations.loading")}>
        {(data) => {
          const pending = data.items.filter((i) => i.status === "pending");
          if (pending.length === 0) return <p className="muted">{t("people.noInvitations")}</p>;
          return (
            <div className="table-wrap">
              <table className="table table--stack">
                <thead>
                  <tr>
                    <th scope="col">{t("people.colEmail")}</th>
                    <th scope="col">{t("people.colRole")}</th>
                    <th scope="col">{t("people.colInvitedBy")}</th>
                    <th scope="col">{t("people.colExpires")}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t("people.colActions")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {pending.map((invitation) => (
                    <InvitationRow key={invitation.id} invitation={invitation} />
                  ))}
                </tbody>
              </table>
            </div>
          );
        }}
      </QueryView>
    </Section>
  );
}

function InvitationRow({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const toast = useToast();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => revokePersonInvitation(invitation.id),
    onSuccess: () => {
      toast.success(t("pendingInvitations.revoked", { email: invitation.email }));
      void queryClient.invalidateQueries({ queryKey: peopleKeys.invitations });
    },
    onError: (error) => toast.error(describeError(error, t)),
  });
  return (
    <tr>
      <th scope="row">{invitation.email}</th>
      <td data-label={t("people.colRole")}>{labels.anyRole(invitation.role)}</td>
      <td data-label={t("people.colInvitedBy")}>{invitation.invitedBy}</td>
      <td data-label={t("people.colExpires")}>
        <DateTime iso={invitation.expiresAt} />
      </td>
      <td>
        <Button
          size="small"
          variant="quiet"
          onPress={() => revoke.mutate()}
          isPending={revoke.isPending}
          accessibleName={t("pendingInvitations.revokeFor", { email: invitation.email })}
        >
          {t("pendingInvitations.revoke")}
        </Button>
      </td>
    </tr>
  );
}
