import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { type ArtifactKind, artifactKinds } from "../../../shared/schemas/work-enums.ts";
import { Button, LinkButton } from "../../ui/button.tsx";
import { Page } from "../../ui/page.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { EmptyState, QueryView } from "../../ui/states.tsx";
import { communityQuery } from "../communities/api.ts";
import { canShareIn, communityArtifactsQuery } from "./api.ts";
import { ArtifactCard } from "./artifact-card.tsx";
import "./artifacts.css";

/** A community's work samples, newest first, with a kind filter and the way to share one. */
export function CommunityArtifactsPage({
  communityId,
  kind,
  archived,
}: {
  communityId: string;
  kind: ArtifactKind | "";
  archived: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const community = useQuery(communityQuery(communityId));
  const list = useInfiniteQuery(communityArtifactsQuery(communityId, kind, archived));
  const setSearch = (next: { kind?: ArtifactKind | ""; archived?: boolean }) =>
    void navigate({
      to: "/communities/$communityId/artifacts",
      params: { communityId },
      search: { kind: (next.kind ?? kind) || undefined, archived: (next.archived ?? archived) || undefined },
    });
  const shareLink =
    community.data && canShareIn(community.data) ? (
      <LinkButton variant="primary" to="/communities/$communityId/artifacts/new" params={{ communityId }}>
        {t("artifacts.share")}
      </LinkButton>
    ) : undefined;
  return (
    <Page
      title={t("artifacts.listTitle")}
      eyebrow={community.data ? t("artifacts.listEyebrow", { community: community.data.name }) : undefined}
      lead={t("artifacts.listLead")}
      actions={shareLink}
    >
      <div className="artifact-filters">
        <SelectField
          label={t("artifacts.kindFilter")}
          value={kind}
          onChange={(v) => setSearch({ kind: v as ArtifactKind | "" })}
          options={[
            { value: "", label: t("artifacts.allKinds") },
            ...artifactKinds.map((k) => ({ value: k, label: t(`artifactKinds.${k}`) })),
          ]}
        />
        <Button variant="quiet" onPress={() => setSearch({ archived: !archived })}>
          {archived ? t("artifacts.showCurrent") : t("artifacts.showArchived")}
        </Button>
      </div>
      <QueryView query={list} loadingLabel={t("artifacts.loading")}>
        {(data) => {
          const items = data.pages.flatMap((p) => p.items);
          if (items.length === 0)
            return (
              <EmptyState title={t("artifacts.emptyTitle")} actions={kind ? undefined : shareLink}>
                <p>
                  {kind
                    ? t("artifacts.emptyFiltered")
                    : shareLink
                      ? t("artifacts.emptyHint")
                      : t("artifacts.emptyHintReader")}
                </p>
              </EmptyState>
            );
          return (
            <>
              <ul className="artifact-list">
                {items.map((a) => (
                  <li key={a.id}>
                    <ArtifactCard artifact={a} />
                  </li>
                ))}
              </ul>
              {list.hasNextPage ? (
                <Button
                  variant="secondary"
                  isPending={list.isFetchingNextPage}
                  onPress={() => void list.fetchNextPage()}
                >
                  {t("artifacts.loadMore")}
                </Button>
              ) : null}
            </>
          );
        }}
      </QueryView>
    </Page>
  );
}
