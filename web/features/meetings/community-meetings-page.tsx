import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Button, LinkButton } from "../../ui/button.tsx";
import { Page } from "../../ui/page.tsx";
import { EmptyState, ErrorState, Loading } from "../../ui/states.tsx";
import { communityQuery } from "../communities/api.ts";
import { meetingKeys, meetingListPage, type When } from "./api.ts";
import { MeetingList } from "./meeting-list.tsx";
import "./meetings.css";

/** A community's meetings: upcoming (soonest first) or past (latest first), a page at a time. */
export function CommunityMeetingsPage({ communityId, when }: { communityId: string; when: When }) {
  const { t } = useTranslation();
  const community = useQuery(communityQuery(communityId));
  const name = community.data?.name;
  const canSchedule = community.data?.can.edit ?? false;
  return (
    <Page
      title={name ? t("meetings.listTitle", { community: name }) : t("meetings.listLoadingTitle")}
      lead={<p>{t("meetings.listLead")}</p>}
      actions={
        canSchedule ? (
          <LinkButton variant="primary" to="/communities/$communityId/meetings/new" params={{ communityId }}>
            {t("meetings.schedule")}
          </LinkButton>
        ) : null
      }
    >
      <p className="cluster">
        <Link to="/communities/$communityId" params={{ communityId }}>
          {t("meetings.backToCommunity", { community: name ?? "" })}
        </Link>
        <Link to="/communities/$communityId/minutes" params={{ communityId }}>
          {t("meetings.allMinutes")}
        </Link>
      </p>
      <nav aria-label={t("meetings.tabsLabel")} className="meeting-tabs">
        {(["upcoming", "past"] as const).map((w) => (
          <Link
            key={w}
            to="/communities/$communityId/meetings"
            params={{ communityId }}
            search={{ when: w }}
            className="meeting-tabs__tab"
            aria-current={w === when ? "page" : undefined}
          >
            {t(`meetings.${w}`)}
          </Link>
        ))}
      </nav>
      <MeetingPages communityId={communityId} when={when} canSchedule={canSchedule} />
    </Page>
  );
}

function MeetingPages({
  communityId,
  when,
  canSchedule,
}: {
  communityId: string;
  when: When;
  canSchedule: boolean;
}) {
  const { t } = useTranslation();
  const pages = useInfiniteQuery({
    queryKey: meetingKeys.list(communityId, when),
    queryFn: ({ pageParam }) => meetingListPage(communityId, when, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (pages.isPending) return <Loading label={t("meetings.loading")} />;
  if (pages.isError) return <ErrorState error={pages.error} onRetry={() => void pages.refetch()} />;
  const meetings = pages.data.pages.flatMap((p) => p.items);
  if (meetings.length === 0) {
    return when === "upcoming" ? (
      <EmptyState
        title={t("meetings.noUpcomingTitle")}
        actions={
          canSchedule ? (
            <LinkButton
              variant="secondary"
              to="/communities/$communityId/meetings/new"
              params={{ communityId }}
            >
              {t("meetings.schedule")}
            </LinkButton>
          ) : null
        }
      >
        <p>{canSchedule ? t("meetings.noUpcomingBody") : t("meetings.noUpcomingBodyReader")}</p>
      </EmptyState>
    ) : (
      <EmptyState title={t("meetings.noPastTitle")}>
        <p>{t("meetings.noPastBody")}</p>
      </EmptyState>
    );
  }
  return (
    <>
      <MeetingList meetings={meetings} />
      {pages.hasNextPage ? (
        <Button onPress={() => void pages.fetchNextPage()} isPending={pages.isFetchingNextPage}>
          {t("meetings.loadMore")}
        </Button>
      ) : null}
    </>
  );
}
