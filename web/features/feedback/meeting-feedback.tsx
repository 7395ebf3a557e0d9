import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../ui/format.tsx";
import { Badge } from "../../ui/states.tsx";
import type { MeetingFeedback } from "./api.ts";

/** Cards given in live protocol runs that presented this work, read-only, by meeting. */
export function MeetingFeedbackList({ meetings }: { meetings: MeetingFeedback[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (meetings.length === 0) return null;
  return (
    <div className="feedback-group feedback-group--meeting">
      <h3 className="feedback-group__title">{t("feedback.meeting.title")}</h3>
      <p className="muted">{t("feedback.meeting.intro")}</p>
      {meetings.map((m) => (
        <div key={`${m.meetingId}-${m.agendaItemTitle}`} className="feedback-meeting">
          <h4 className="feedback-meeting__title">
            <Link to="/meetings/$meetingId" params={{ meetingId: m.meetingId }}>
              {t("feedback.meeting.heading", { meeting: m.meetingTitle, date: format.date(m.startsAt) })}
            </Link>
          </h4>
          <p className="muted">{t("feedback.meeting.item", { item: m.agendaItemTitle })}</p>
          <ul className="feedback-list">
            {m.items.map((card) => (
              <li key={card.id} className="feedback-entry">
                <p className="feedback-entry__meta">
                  <Badge>{t(`contributionKinds.${card.kind}`)}</Badge>{" "}
                  <span>{card.author?.name ?? t("feedback.anonymous")}</span>
                  {" · "}
                  <span>{t("feedback.meeting.given")}</span>
                </p>
                <p className="pre-line feedback-entry__body">{card.body}</p>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
