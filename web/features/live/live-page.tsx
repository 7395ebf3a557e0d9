import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { Meeting } from "../../../shared/schemas/meetings.ts";
import { isApiError } from "../../api/client.ts";
import { LinkButton } from "../../ui/button.tsx";
import { Page } from "../../ui/page.tsx";
import { EmptyState, ErrorState, Loading, Notice } from "../../ui/states.tsx";
import { ActionItemsPanel } from "../action-items/index.ts";
import { useMe } from "../auth/me.ts";
import { DecisionsPanel, minutesKeys } from "../minutes/index.ts";
import { AgendaOutline } from "./agenda-outline.tsx";
import { liveMeetingQuery } from "./api.ts";
import { ComposeForm } from "./compose-form.tsx";
import type { LiveConnection } from "./connection.ts";
import { ConnectionBadge, ConnectionHint } from "./connection-status.tsx";
import { ContributionsBoard } from "./contributions-board.tsx";
import { useRoomAnnouncement } from "./countdown.tsx";
import type { LiveView } from "./live-view.ts";
import { NotesSection } from "./notes-section.tsx";
import { ParticipantsList } from "./participants-list.tsx";
import { positionOf } from "./room-model.ts";
import { RunControls } from "./run-controls.tsx";
import { StepPanel } from "./step-panel.tsx";
import { useCountdown } from "./use-countdown.ts";
import { useLiveConnection } from "./use-live-connection.ts";
import "./live.css";

/** The live meeting room: the step, the clock, the cards, the notes, and the facilitator's controls. */
export function LivePage({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const query = useQuery(liveMeetingQuery(meetingId));
  const { connection, view } = useLiveConnection(meetingId, me.person.id);
  const meeting = query.data;

  return (
    <Page
      title={meeting ? t("live.title", { meeting: meeting.title }) : t("live.loadingTitle")}
      eyebrow={meeting ? <span>{meeting.communityName}</span> : null}
      actions={
        meeting ? (
          <>
            <ConnectionBadge status={view.status} />
            <LinkButton to="/meetings/$meetingId/projector" params={{ meetingId }} size="small">
              {t("live.openProjector")}
            </LinkButton>
            <LinkButton to="/meetings/$meetingId" params={{ meetingId }} size="small" variant="quiet">
              {t("live.backToMeeting")}
            </LinkButton>
          </>
        ) : null
      }
    >
      {meeting && connection ? (
        <Room meeting={meeting} connection={connection} view={view} />
      ) : query.isError && isApiError(query.error) && query.error.status === 404 ? (
        <EmptyState title={t("live.notFoundTitle")}>
          <p>{t("live.notFoundBody")}</p>
          <p>
            <Link to="/">{t("common.backHome")}</Link>
          </p>
        </EmptyState>
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Loading label={t("live.loading")} />
      )}
    </Page>
  );
}

interface RoomProps {
  meeting: Meeting;
  connection: LiveConnection;
  view: LiveView;
}

function Room({ meeting, connection, view }: RoomProps) {
  const { t } = useTranslation();
  const me = useMe();
  const state = view.state;
  const position = positionOf(meeting.agenda, state);
  const ms = useCountdown(state, view.clockOffsetMs);
  const announcement = useRoomAnnouncement(state, position?.step.title ?? null, ms);
  const ended = state?.phase === "ended";
  const canContribute = view.you?.canContribute !== false;

  if (!state) {
    return view.status === "closed" ? (
      <ClosedNotice view={view} />
    ) : (
      <>
        <ConnectionHint status={view.status} />
        <Loading label={t("live.loading")} />
      </>
    );
  }

  return (
    <>
      <ConnectionHint status={view.status} />
      {view.problem && view.status !== "closed" ? (
        <p className="inline-error" role="alert">
          {t("live.problem", { reason: view.problem.title })}
        </p>
      ) : null}
      {ended ? <EndedNotice meetingId={meeting.id} /> : null}
      <div className="room">
        <div className="room__main">
          {position ? (
            <StepPanel
              position={position}
              agendaLength={meeting.agenda.length}
              state={state}
              ms={ms}
              participants={view.participants}
            />
          ) : (
            <EmptyState title={t("live.noAgendaTitle")}>
              <p>{t("live.noAgendaBody")}</p>
            </EmptyState>
          )}
          {view.changedBy && !ended ? (
            <p className="muted room__changed-by">{t("live.changedBy", { name: view.changedBy })}</p>
          ) : null}
          {view.you?.canRun && !ended && meeting.agenda.length > 0 ? (
            <RunControls connection={connection} view={view} state={state} agenda={meeting.agenda} />
          ) : null}
          {position && !ended && canContribute ? (
            <ComposeForm connection={connection} view={view} position={position} />
          ) : null}
          {position && !ended && !canContribute ? (
            <p className="muted">{t("live.compose.observer")}</p>
          ) : null}
          {position && !ended ? (
            <ContributionsBoard connection={connection} view={view} position={position} />
          ) : null}
          <NotesSection
            notes={connection.notes}
            personId={me.person.id}
            name={me.person.name}
            status={view.status}
            readOnly={ended || !canContribute}
          />
          {/* Recorded as the meeting goes; the minutes pick them up when it ends. */}
          {!ended ? <DecisionsPanel meetingId={meeting.id} /> : null}
          {!ended ? <ActionItemsPanel meetingId={meeting.id} /> : null}
        </div>
        <div className="room__side">
          <AgendaOutline agenda={meeting.agenda} state={state} />
          <ParticipantsList participants={view.participants} youId={view.you?.personId ?? null} />
        </div>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}

function EndedNotice({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // Ending wrote the minutes: what this device read of them during the meeting is out of date.
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: minutesKeys.detail(meetingId) });
  }, [queryClient, meetingId]);
  return (
    <Notice role="status">
      <p className="state__title">{t("live.endedTitle")}</p>
      <p>{t("live.endedBody")}</p>
      <p>
        <Link to="/meetings/$meetingId/minutes" params={{ meetingId }}>
          {t("live.minutesLink")}
        </Link>
      </p>
    </Notice>
  );
}

function ClosedNotice({ view }: { view: LiveView }) {
  const { t } = useTranslation();
  return (
    <EmptyState title={t("live.status.closed")}>
      <p>{view.problem?.title || t("live.status.closedHint")}</p>
    </EmptyState>
  );
}
