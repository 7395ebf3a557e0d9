import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, buttonClass, LinkButton } from "../../ui/button.tsx";
import { ConfirmDialog } from "../../ui/dialog.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { DateTime, useFormat } from "../../ui/format.tsx";
import { Page } from "../../ui/page.tsx";
import { EmptyState, QueryView } from "../../ui/states.tsx";
import { useToast } from "../../ui/toast.tsx";
import { ActionItemsPanel } from "../action-items/action-items-panel.tsx";
import { ReflectOn } from "../team-reflections/index.ts";
import { type Minutes, markdownUrl, minutesKeys, minutesQuery, pdfUrl, regenerateMinutes } from "./api.ts";
import { AttendanceSection } from "./attendance-section.tsx";
import { DecisionsPanel } from "./decisions-panel.tsx";
import { AgendaSection, NotesSection } from "./minutes-record.tsx";
import { SummarySection } from "./summary-editor.tsx";
import "./minutes.css";

/** The minutes of one meeting: a readable document, with editing for facilitators and print/export. */
export function MinutesPage({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const query = useQuery(minutesQuery(meetingId));
  if (!query.data) {
    return (
      <Page title={t("minutes.loadingTitle")}>
        <QueryView query={query} loadingLabel={t("minutes.loading")}>
          {() => null}
        </QueryView>
      </Page>
    );
  }
  return <MinutesDocument minutes={query.data} />;
}

function MinutesDocument({ minutes }: { minutes: Minutes }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { meeting, record } = minutes;
  return (
    <div className="minutes-document">
      <Page
        title={t("minutes.title", { meeting: meeting.title })}
        eyebrow={t("minutes.eyebrow", { community: meeting.communityName })}
        lead={
          <p>{t("minutes.when", { when: format.dateTime(meeting.startsAt), timeZone: format.timeZone })}</p>
        }
        actions={<DocumentActions minutes={minutes} />}
      >
        {record ? null : (
          <EmptyState title={t("minutes.notYetTitle")}>
            <p>{t("minutes.notYetBody")}</p>
          </EmptyState>
        )}
        <SummarySection minutes={minutes} />
        {record ? (
          <AttendanceSection
            meetingId={meeting.id}
            record={record}
            canEdit={minutes.can.edit && meeting.status === "ended"}
          />
        ) : null}
        {record ? <AgendaSection record={record} /> : null}
        {record ? <NotesSection record={record} /> : null}
        <DecisionsPanel meetingId={meeting.id} />
        <ActionItemsPanel meetingId={meeting.id} />
        {meeting.status === "ended" ? (
          <div className="no-print">
            <ReflectOn
              communityId={meeting.communityId}
              subject={{ kind: "meeting", meetingId: meeting.id }}
            />
          </div>
        ) : null}
        {minutes.generatedAt ? (
          <p className="muted minutes-meta">
            {t("minutes.generatedAt")} <DateTime iso={minutes.generatedAt} />
          </p>
        ) : null}
        <nav className="cluster no-print" aria-label={t("minutes.loadingTitle")}>
          <LinkButton
            to="/communities/$communityId/minutes"
            params={{ communityId: meeting.communityId }}
            variant="quiet"
          >
            {t("minutes.archiveLink", { community: meeting.communityName })}
          </LinkButton>
          <LinkButton
            to="/communities/$communityId"
            params={{ communityId: meeting.communityId }}
            variant="quiet"
          >
            {t("minutes.backToCommunity", { community: meeting.communityName })}
          </LinkButton>
        </nav>
      </Page>
    </div>
  );
}

/** Print, downloads and (for facilitators) regenerate. Downloads are plain links: the browser saves the file. */
function DocumentActions({ minutes }: { minutes: Minutes }) {
  const { t } = useTranslation();
  return (
    <div className="cluster no-print">
      <Button onPress={() => window.print()}>{t("minutes.print")}</Button>
      <a className={buttonClass("secondary")} href={markdownUrl(minutes.meeting.id)} download>
        {t("minutes.downloadMarkdown")}
      </a>
      <a className={buttonClass("secondary")} href={pdfUrl(minutes.meeting.id)} download>
        {t("minutes.downloadPdf")}
      </a>
      <LinkButton to="/journal/new" search={{ meeting: minutes.meeting.id }} variant="secondary">
        {t("journal.minutesLink")}
      </LinkButton>
      {minutes.can.edit && minutes.meeting.status === "ended" ? (
        <RegenerateButton meetingId={minutes.meeting.id} />
      ) : null}
    </div>
  );
}

function RegenerateButton({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const regenerate = useMutation({
    mutationFn: () => regenerateMinutes(meetingId),
    onSuccess: (fresh) => {
      queryClient.setQueryData(minutesKeys.detail(meetingId), fresh);
      toast.success(t("minutes.regenerated"));
      setOpen(false);
    },
  });
  return (
    <>
      <Button onPress={() => setOpen(true)}>{t("minutes.regenerate")}</Button>
      <ConfirmDialog
        title={t("minutes.regenerateTitle")}
        isOpen={open}
        onOpenChange={setOpen}
        confirmLabel={t("minutes.regenerateConfirm")}
        onConfirm={() => regenerate.mutate()}
        isPending={regenerate.isPending}
        error={regenerate.error ? describeError(regenerate.error, t) : null}
      >
        <p>{t("minutes.regenerateBody")}</p>
      </ConfirmDialog>
    </>
  );
}
