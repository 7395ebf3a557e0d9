import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Page } from "../../ui/page.tsx";
import { ErrorState, Loading } from "../../ui/states.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useMe } from "../auth/me.ts";
import { NoAccess } from "../shell/error-page.tsx";
import { communityQuery, createCommunity, rememberCommunity, updateCommunity } from "./api.ts";
import { CommunityForm } from "./community-form.tsx";

export function NewCommunityPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  if (!me.can.createCommunity) return <NoAccess message={t("communityForm.cannotCreate")} />;
  return (
    <Page title={t("communityForm.createTitle")} lead={<p>{t("communityForm.createLead")}</p>}>
      <CommunityForm
        id="create-community"
        organizationName={me.organization.name}
        submitLabel={t("communityForm.create")}
        send={createCommunity}
        onSaved={(community) => {
          rememberCommunity(queryClient, community, community.id);
          toast.success(t("communityForm.created", { community: community.name }));
          void navigate({ to: "/communities/$communityId", params: { communityId: community.id } });
        }}
        cancel={{ to: "/" }}
      />
    </Page>
  );
}

export function EditCommunityPage({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const query = useQuery({ ...communityQuery(communityId), staleTime: 0 });
  const community = query.data;

  if (community && !community.can.edit) return <NoAccess message={t("communityForm.cannotEdit")} />;
  return (
    <Page
      title={
        community
          ? t("communityForm.editTitle", { community: community.name })
          : t("communityForm.editTitleLoading")
      }
    >
      {community ? (
        <CommunityForm
          id="edit-community"
          community={community}
          organizationName={me.organization.name}
          submitLabel={t("communityForm.save")}
          send={(input) => updateCommunity(communityId, input)}
          onSaved={(saved) => {
            rememberCommunity(queryClient, saved, communityId);
            toast.success(t("communityForm.saved", { community: saved.name }));
            void navigate({ to: "/communities/$communityId", params: { communityId } });
          }}
          cancel={{ to: "/communities/$communityId", params: { communityId } }}
        />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}
