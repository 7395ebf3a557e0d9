import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { Meeting } from "../../../shared/schemas/meetings.ts";
import { ErrorState, Loading } from "../../ui/states.tsx";
import { useMe } from "../auth/me.ts";
import { liveMeetingQuery } from "./api.ts";
import { ConnectionBadge } from "./connection-status.tsx";
import { Countdown, useRoomAnnouncement } from "./countdown.tsx";
import type { LiveView } from "./live-view.ts";
import { itemTitle, positionOf } from "./room-model.ts";
import { Roles } from "./step-panel.tsx";
import { useCountdown } from "./use-countdown.ts";
import { useLiveConnection } from "./use-live-connection.ts";
import "./live.css";
import "./projector.css";

/**
 * The screen on the wall: the step, who speaks, the prompts and a very large timer, readable from the
 * back of the room. No controls; the app's header and footer are hidden while it is shown.
 */
export function ProjectorPage({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const query = useQuery(liveMeetingQuery(meetingId));
  const { view } = useLiveConnection(meetingId, me.person.id);
  const meeting = query.data;

  useEffect(() => {
    document.body.classList.add("projector-mode");
    return () => document.body.classList.remove("projector-mode");
  }, []);

  useEffect(() => {
    document.title = t("app.documentTitle", {
      page: meeting ? t("projector.title", { meeting: meeting.title }) : t("projector.loadingTitle"),
    });
  }, [meeting, t]);

  return (
    <div className="projector">
      <div className="projector__bar">
        <p className="projector__meeting">{meeting?.title ?? t("projector.loadingTitle")}</p>
        <ConnectionBadge status={view.status} />
        <Link to="/meetings/$meetingId/live" params={{ meetingId }} className="projector__exit">
          {t("projector.exit")}
        </Link>
      </div>
      {meeting && view.state ? (
        <ProjectorStage meeting={meeting} view={view} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Loading label={t("live.loading")} />
      )}
    </div>
  );
}

function ProjectorStage({ meeting, view }: { meeting: Meeting; view: LiveView }) {
  const { t } = useTranslation();
  const state = view.state;
  const position = positionOf(meeting.agenda, state);
  const ms = useCountdown(state, view.clockOffsetMs);
  const announcement = useRoomAnnouncement(state, position?.step.title ?? null, ms);
  if (!state) return null;

  if (state.phase === "ended" || !position) {
    return (
      <div className="projector__stage projector__stage--ended">
        <h1 className="projector__step">
          {state.phase === "ended" ? t("projector.endedTitle") : meeting.title}
        </h1>
        {state.phase === "ended" ? <p className="projector__item">{t("projector.endedBody")}</p> : null}
      </div>
    );
  }

  const next = position.steps[position.stepIndex + 1];
  return (
    <div className="projector__stage">
      <div className="projector__heading">
        <p className="projector__item">
          {itemTitle(position.item)}
          {position.steps.length > 1
            ? ` · ${t("live.step", { number: position.stepIndex + 1, count: position.steps.length })}`
            : ""}
        </p>
        <h1 className="projector__step">{position.step.title}</h1>
      </div>
      <Countdown state={state} ms={ms} size="projector" />
      <Roles
        speakers={position.step.speakers}
        silent={position.step.silent}
        participants={view.participants}
      />
      {position.step.prompts.length > 0 ? (
        <ul className="projector__prompts" aria-label={t("live.prompts")}>
          {position.step.prompts.map((prompt) => (
            <li key={prompt}>{prompt}</li>
          ))}
        </ul>
      ) : null}
      {next ? <p className="projector__next">{t("projector.nextUp", { step: next.title })}</p> : null}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
