import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Meeting } from "../../../shared/schemas/meetings.ts";
import { isApiError } from "../../api/client.ts";
import { Page, Section } from "../../ui/page.tsx";
import { Badge, EmptyState, ErrorState, Loading, Notice } from "../../ui/states.tsx";
import { AgendaBuilder } from "./agenda-builder.tsx";
import { meetingQuery } from "./api.ts";
import { MeetingActions } from "./meeting-actions.tsx";
import { MeetingWhen } from "./meeting-when.tsx";
import { RolesPanel } from "./roles-panel.tsx";
import "./meetings.css";

/** One meeting: when and where (in the viewer's zone), its series, roles and agenda. */
export function MeetingPage({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const query = useQuery(meetingQuery(meetingId));
  const meeting = query.data;
  return (
    <Page
      title={
        meeting?.title ?? (query.isError ? t("meetings.pageErrorTitle") : t("meetings.pageLoadingTitle"))
      }
      eyebrow={
        meeting ? (
          <span className="cluster">
            <Link to="/communities/$communityId" params={{ communityId: meeting.communityId }}>
              {meeting.communityName}
            </Link>
            {meeting.status !== "scheduled" ? (
              <Badge tone={meeting.status === "cancelled" ? "danger" : "info"}>
                {t(`meetingStatuses.${meeting.status}`)}
              </Badge>
            ) : null}
          </span>
        ) : null
      }
      actions={meeting ? <MeetingActions meeting={meeting} /> : null}
    >
      {meeting ? (
        <MeetingView meeting={meeting} />
      ) : query.isError &&
        isApiError(query.error) &&
        (query.error.status === 404 || query.error.status === 403) ? (
        <EmptyState title={t("meetings.notFoundTitle")}>
          <p>{query.error.status === 403 ? query.error.detail : t("meetings.notFoundBody")}</p>
        </EmptyState>
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Loading label={t("meetings.pageLoading")} />
      )}
    </Page>
  );
}

function StatusNotice({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  if (meeting.status === "cancelled")
    return (
      <Notice tone="warning" role="status">
        <p>{t("meetings.cancelledNotice")}</p>
      </Notice>
    );
  if (meeting.status === "live")
    return (
      <Notice role="status">
        <p>{t("meetings.liveNotice")}</p>
      </Notice>
    );
  if (meeting.status === "ended")
    return (
      <Notice role="status">
        <p>{t("meetings.endedNotice")}</p>
      </Notice>
    );
  return null;
}

function MeetingView({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  return (
    <>
      <StatusNotice meeting={meeting} />
      <div className="meeting-layout">
        <div className="meeting-layout__main">
          <AgendaBuilder meeting={meeting} />
        </div>
        <div className="meeting-layout__side">
          <Section title={t("meetings.details")} id="details">
            <dl className="definition-list">
              <dt>{t("meetings.whenLabel")}</dt>
              <dd>
                <MeetingWhen meeting={meeting} />
                {meeting.moved ? (
                  <>
                    {" "}
                    <Badge tone="warning">{t("meetings.moved")}</Badge>
                  </>
                ) : null}
              </dd>
              <dt>{t("meetings.lengthLabel")}</dt>
              <dd>{t("meetings.duration", { count: meeting.durationMinutes })}</dd>
              <dt>{t("meetings.placeLabel")}</dt>
              <dd>{meeting.place || <span className="muted">{t("meetings.noPlace")}</span>}</dd>
              {meeting.videoUrl ? (
                <>
                  <dt>{t("meetings.videoLabel")}</dt>
                  <dd>
                    <a href={meeting.videoUrl} target="_blank" rel="noopener noreferrer">
                      {t("meetings.joinVideo")}
                    </a>
                  </dd>
                </>
              ) : null}
              {meeting.series ? (
                <>
                  <dt>{t("meetings.seriesLabel")}</dt>
                  <dd>
                    {meeting.series.summary}
                    <br />
                    <span className="muted">
                      {t("meetings.seriesUpcoming", { count: meeting.series.upcomingCount })}
                    </span>
                  </dd>
                </>
              ) : null}
            </dl>
            {meeting.description ? (
              <>
                <h3>{t("meetings.descriptionLabel")}</h3>
                <p className="pre-line">{meeting.description}</p>
              </>
            ) : null}
          </Section>
          <RolesPanel meeting={meeting} />
        </div>
      </div>
    </>
  );
}
