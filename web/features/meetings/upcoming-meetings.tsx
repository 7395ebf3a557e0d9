import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { MeetingSummary } from "../../../shared/schemas/meetings.ts";
import { LinkButton } from "../../ui/button.tsx";
import { Section } from "../../ui/page.tsx";
import { QueryView } from "../../ui/states.tsx";
import { nextMeetingsQuery } from "./api.ts";
import { MeetingList } from "./meeting-list.tsx";
import "./meetings.css";

/** The home page's "Upcoming meetings": the next two weeks across my communities. */
export function HomeUpcomingMeetings({ meetings }: { meetings: MeetingSummary[] }) {
  const { t } = useTranslation();
  return (
    <Section title={t("meetings.homeSection")} id="upcoming-meetings">
      {meetings.length === 0 ? (
        <>
          <p className="muted">{t("meetings.homeNone")}</p>
          <p className="muted">{t("meetings.homeNoneHint")}</p>
        </>
      ) : (
        <MeetingList meetings={meetings} showCommunity />
      )}
    </Section>
  );
}

/** The community page's "Meetings": the next three, and links to schedule, list and minutes. */
export function CommunityMeetingsSection({
  communityId,
  canSchedule,
}: {
  communityId: string;
  canSchedule: boolean;
}) {
  const { t } = useTranslation();
  const query = useQuery(nextMeetingsQuery(communityId));
  return (
    <Section
      title={t("meetings.communitySection")}
      id="meetings"
      actions={
        canSchedule ? (
          <LinkButton
            size="small"
            variant="secondary"
            to="/communities/$communityId/meetings/new"
            params={{ communityId }}
          >
            {t("meetings.schedule")}
          </LinkButton>
        ) : null
      }
    >
      <QueryView query={query} loadingLabel={t("meetings.loading")}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">{t("meetings.communityNone")}</p>
          ) : (
            <MeetingList meetings={page.items} />
          )
        }
      </QueryView>
      <p className="cluster">
        <Link to="/communities/$communityId/meetings" params={{ communityId }}>
          {t("meetings.allMeetings")}
        </Link>
        <Link to="/communities/$communityId/minutes" params={{ communityId }}>
          {t("meetings.allMinutes")}
        </Link>
      </p>
    </Section>
  );
}
