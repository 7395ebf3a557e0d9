import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Community } from "../../../shared/schemas/communities.ts";
import { Button, LinkButton } from "../../ui/button.tsx";
import { ConfirmDialog } from "../../ui/dialog.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { archiveCommunity, joinCommunity, leaveCommunity, restoreCommunity } from "./api.ts";
import { InviteButton } from "./invite-dialog.tsx";
import { useCommunityAction } from "./use-community-action.ts";

/** What I can do with this community, according to its `can`. */
export function CommunityActions({ community }: { community: Community }) {
  const { t } = useTranslation();
  const { can } = community;
  const id = community.id;

  const join = useCommunityAction(
    id,
    () => joinCommunity(id),
    (c) =>
      c?.myStatus === "active"
        ? t("community.joined", { community: community.name })
        : t("community.requestSent", { community: community.name }),
  );

  return (
    <>
      {can.invite && !community.archived ? (
        <InviteButton communityId={id} communityName={community.name} />
      ) : null}
      {can.edit ? (
        <LinkButton to="/communities/$communityId/edit" params={{ communityId: id }} variant="secondary">
          {t("community.edit")}
        </LinkButton>
      ) : null}
      {can.join ? (
        <Button variant="primary" onPress={() => join.mutate()} isPending={join.isPending}>
          {t("community.join")}
        </Button>
      ) : can.requestToJoin ? (
        <Button variant="primary" onPress={() => join.mutate()} isPending={join.isPending}>
          {t("community.requestToJoin")}
        </Button>
      ) : null}
      {can.archive ? <ArchiveButton community={community} /> : null}
      {can.leave ? <LeaveButton community={community} /> : null}
    </>
  );
}

function ArchiveButton({ community }: { community: Community }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const archive = useCommunityAction(
    community.id,
    () => archiveCommunity(community.id),
    () => t("community.archivedToast", { community: community.name }),
    { onSuccess: () => setOpen(false), toastErrors: false },
  );
  const restore = useCommunityAction(
    community.id,
    () => restoreCommunity(community.id),
    () => t("community.restoredToast", { community: community.name }),
  );

  if (community.archived) {
    return (
      <Button variant="secondary" onPress={() => restore.mutate()} isPending={restore.isPending}>
        {t("community.restore")}
      </Button>
    );
  }
  return (
    <>
      <Button variant="secondary" onPress={() => setOpen(true)}>
        {t("community.archive")}
      </Button>
      <ConfirmDialog
        title={t("community.archiveConfirmTitle", { community: community.name })}
        isOpen={open}
        onOpenChange={(v) => {
          setOpen(v);
          if (!v) archive.reset();
        }}
        confirmLabel={t("community.archiveConfirm")}
        onConfirm={() => archive.mutate()}
        isPending={archive.isPending}
        error={archive.isError ? describeError(archive.error, t) : null}
      >
        <p>{t("community.archiveConfirmBody")}</p>
      </ConfirmDialog>
    </>
  );
}

function LeaveButton({ community }: { community: Community }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const leave = useCommunityAction(
    community.id,
    () => leaveCommunity(community.id),
    () => t("community.leftToast", { community: community.name }),
    { onSuccess: () => setOpen(false), toastErrors: false },
  );
  return (
    <>
      <Button variant="quiet" onPress={() => setOpen(true)}>
        {t("community.leave")}
      </Button>
      <ConfirmDialog
        title={t("community.leaveConfirmTitle", { community: community.name })}
        isOpen={open}
        onOpenChange={(v) => {
          setOpen(v);
          if (!v) leave.reset();
        }}
        confirmLabel={t("community.leaveConfirm")}
        onConfirm={() => leave.mutate()}
        isPending={leave.isPending}
        destructive
        error={leave.isError ? describeError(leave.error, t) : null}
      >
        <p>
          {community.visibility === "private"
            ? t("community.leaveBodyPrivate")
            : t("community.leaveBodyOrganization")}
        </p>
      </ConfirmDialog>
    </>
  );
}
