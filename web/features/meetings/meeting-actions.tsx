import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Meeting } from "../../../shared/schemas/meetings.ts";
import { Button, buttonClass, LinkButton } from "../../ui/button.tsx";
import { ConfirmDialog } from "../../ui/dialog.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { useFormat } from "../../ui/format.tsx";
import { useToast } from "../../ui/toast.tsx";
import { cancelMeeting, cancelSeriesFrom, meetingIcsUrl, meetingKeys, restoreMeeting } from "./api.ts";
import { EditMeetingButton } from "./edit-meeting-dialog.tsx";
import { useMeetingAction } from "./use-meeting-action.ts";

/** The meeting page's buttons: the room, the minutes, the calendar file, and the facilitator's changes. */
export function MeetingActions({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const params = { meetingId: meeting.id };
  return (
    <>
      {meeting.status === "scheduled" || meeting.status === "live" ? (
        <LinkButton variant="primary" to="/meetings/$meetingId/live" params={params}>
          {t("meetings.openRoom")}
        </LinkButton>
      ) : null}
      <LinkButton variant="secondary" to="/meetings/$meetingId/minutes" params={params}>
        {t("meetings.minutes")}
      </LinkButton>
      <a className={buttonClass("secondary")} href={meetingIcsUrl(meeting.id)} download>
        {t("meetings.addToCalendar")}
      </a>
      {meeting.can.edit ? <EditMeetingButton meeting={meeting} /> : null}
      {meeting.can.cancel ? <CancelButton meeting={meeting} /> : null}
      {meeting.can.restore ? <RestoreButton meeting={meeting} /> : null}
      {meeting.can.editSeries && meeting.can.cancel ? <CancelSeriesButton meeting={meeting} /> : null}
    </>
  );
}

function CancelButton({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const cancel = useMeetingAction(() => cancelMeeting(meeting.id), t("meetings.cancelled"), {
    onSuccess: () => setOpen(false),
  });
  return (
    <>
      <Button variant="danger" onPress={() => setOpen(true)}>
        {t("meetings.cancel")}
      </Button>
      <ConfirmDialog
        title={t("meetings.cancelTitle")}
        isOpen={open}
        onOpenChange={setOpen}
        confirmLabel={t("meetings.cancelConfirm")}
        onConfirm={() => cancel.mutate()}
        isPending={cancel.isPending}
        destructive
      >
        <p>{t("meetings.cancelBody")}</p>
      </ConfirmDialog>
    </>
  );
}

function RestoreButton({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const restore = useMeetingAction(() => restoreMeeting(meeting.id), t("meetings.restored"));
  return (
    <Button variant="secondary" onPress={() => restore.mutate()} isPending={restore.isPending}>
      {t("meetings.restore")}
    </Button>
  );
}

/** The day of this meeting on its own clock, where the rest of the series is cancelled from. */
function localDate(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(iso));
}

function CancelSeriesButton({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const seriesId = meeting.seriesId ?? "";
  const cancel = useMutation({
    mutationFn: () => cancelSeriesFrom(seriesId, localDate(meeting.startsAt, meeting.timeZone)),
    onSuccess: (change) => {
      toast.success(t("meetings.seriesCancelled", { count: change.cancelled }));
      void queryClient.invalidateQueries({ queryKey: meetingKeys.all });
      void queryClient.invalidateQueries({ queryKey: ["home"] });
      setOpen(false);
    },
    onError: (error) => toast.error(describeError(error, t)),
  });
  return (
    <>
      <Button variant="danger" onPress={() => setOpen(true)}>
        {t("meetings.cancelSeries")}
      </Button>
      <ConfirmDialog
        title={t("meetings.cancelSeriesTitle")}
        isOpen={open}
        onOpenChange={setOpen}
        confirmLabel={t("meetings.cancelSeriesConfirm")}
        onConfirm={() => cancel.mutate()}
        isPending={cancel.isPending}
        destructive
      >
        <p>{t("meetings.cancelSeriesBody", { date: format.date(meeting.startsAt) })}</p>
      </ConfirmDialog>
    </>
  );
}
