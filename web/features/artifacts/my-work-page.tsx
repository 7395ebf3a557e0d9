import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Button, LinkButton } from "../../ui/button.tsx";
import { Page } from "../../ui/page.tsx";
import { EmptyState, QueryView } from "../../ui/states.tsx";
import { myArtifactsQuery } from "./api.ts";
import { ArtifactCard } from "./artifact-card.tsx";
import "./artifacts.css";

/** My work: what I shared in my communities and my own copies of exemplars. */
export function MyWorkPage() {
  const { t } = useTranslation();
  const list = useInfiniteQuery(myArtifactsQuery());
  return (
    <Page title={t("artifacts.myWorkTitle")} lead={t("artifacts.myWorkLead")}>
      <QueryView query={list} loadingLabel={t("artifacts.loading")}>
        {(data) => {
          const items = data.pages.flatMap((p) => p.items);
          if (items.length === 0)
            return (
              <EmptyState
                title={t("artifacts.myWorkEmptyTitle")}
                actions={
                  <>
                    <LinkButton variant="primary" to="/communities" search={{ scope: "mine" }}>
                      {t("artifacts.browseCommunities")}
                    </LinkButton>
                    <LinkButton variant="secondary" to="/exemplars">
                      {t("artifacts.browseExemplars")}
                    </LinkButton>
                  </>
                }
              >
                <p>{t("artifacts.myWorkEmptyHint")}</p>
              </EmptyState>
            );
          return (
            <>
              <ul className="artifact-list">
                {items.map((a) => (
                  <li key={a.id}>
                    <ArtifactCard artifact={a} showCommunity />
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
