import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { MeetingSummary } from "../../../shared/schemas/meetings.ts";
import { Badge } from "../../ui/states.tsx";
import { MeetingWhen } from "./meeting-when.tsx";

/** Meetings as a list of links with when, where, status and what is planned. */
export function MeetingList({
  meetings,
  showCommunity = false,
}: {
  meetings: MeetingSummary[];
  showCommunity?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <ul className="meeting-list">
      {meetings.map((m) => (
        <li
          key={m.id}
          className={
            m.status === "cancelled"
              ? "meeting-list__item meeting-list__item--cancelled"
              : "meeting-list__item"
          }
        >
          <div className="meeting-list__main">
            <Link to="/meetings/$meetingId" params={{ meetingId: m.id }} className="meeting-list__title">
              {m.title}
            </Link>
            {m.status !== "scheduled" ? (
              <Badge tone={m.status === "cancelled" ? "danger" : m.status === "live" ? "info" : "neutral"}>
                {t(`meetingStatuses.${m.status}`)}
              </Badge>
            ) : null}
            {m.seriesId ? <Badge>{t("meetings.repeats")}</Badge> : null}
          </div>
          <p className="meeting-list__meta">
            <MeetingWhen meeting={m} />
            <span aria-hidden="true"> · </span>
            <span>{t("meetings.duration", { count: m.durationMinutes })}</span>
            {m.place ? (
              <>
                <span aria-hidden="true"> · </span>
                <span>{m.place}</span>
              </>
            ) : null}
          </p>
          <p className="meeting-list__meta muted">
            {showCommunity ? (
              <>
                <span>{m.communityName}</span>
                <span aria-hidden="true"> · </span>
              </>
            ) : null}
            <span>
              {m.agendaItemCount > 0
                ? t("meetings.agendaCount", { count: m.agendaItemCount })
                : t("meetings.noAgendaYet")}
            </span>
            {m.hasMinutes ? (
              <>
                <span aria-hidden="true"> · </span>
                <span>{t("meetings.hasMinutes")}</span>
              </>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
