import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Button, LinkButton } from "../../ui/button.tsx";
import { DateTime } from "../../ui/format.tsx";
import { Page } from "../../ui/page.tsx";
import { EmptyState, ErrorState, Loading } from "../../ui/states.tsx";
import { type Archive, archiveQuery } from "./api.ts";
import "./minutes.css";

type Entry = Archive["items"][number];

function ArchiveEntry({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  return (
    <li className="card">
      <h2 className="archive-entry__title">
        {entry.hasMinutes ? (
          <Link to="/meetings/$meetingId/minutes" params={{ meetingId: entry.meetingId }}>
            <span className="visually-hidden">{t("archive.open", { meeting: entry.title })}</span>
            <span aria-hidden="true">{entry.title}</span>
          </Link>
        ) : (
          entry.title
        )}
      </h2>
      <p>
        <DateTime iso={entry.startsAt} />
      </p>
      <p className="muted">
        {entry.hasMinutes
          ? t("archive.countsText", {
              contributions: entry.contributionCount,
              decisions: entry.decisionCount,
              actions: entry.actionItemCount,
            })
          : t("archive.pending")}
      </p>
    </li>
  );
}

/** A community's past meetings, newest first, each leading to its minutes. */
export function ArchivePage({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const query = useInfiniteQuery(archiveQuery(communityId));
  const community = query.data?.pages[0]?.community;
  const entries = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Page
      title={community ? t("archive.title", { community: community.name }) : t("archive.loadingTitle")}
      lead={<p>{t("archive.lead")}</p>}
      actions={
        <LinkButton to="/communities/$communityId" params={{ communityId }} variant="quiet">
          {t("archive.backToCommunity", { community: community?.name ?? "" })}
        </LinkButton>
      }
    >
      {query.isPending ? (
        <Loading label={t("archive.loading")} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState title={t("archive.empty")}>
          <p>{t("archive.emptyBody")}</p>
        </EmptyState>
      ) : (
        <>
          <ul className="archive-list" aria-label={t("archive.caption")}>
            {entries.map((entry) => (
              <ArchiveEntry key={entry.meetingId} entry={entry} />
            ))}
          </ul>
          {query.hasNextPage ? (
            <div className="cluster">
              <Button onPress={() => void query.fetchNextPage()} isPending={query.isFetchingNextPage}>
                {t("archive.loadMore")}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </Page>
  );
}
