import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Meeting, meetingUpdateSchema } from "../../../shared/schemas/meetings.ts";
import { Button } from "../../ui/button.tsx";
import { ModalDialog } from "../../ui/dialog.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { useToast } from "../../ui/toast.tsx";
import { toZoned } from "../../ui/zoned.ts";
import { rememberMeeting, updateMeeting } from "./api.ts";
import { MeetingFields, type MeetingFieldValues, toMeetingFields } from "./meeting-fields.tsx";

/** "Change this meeting": move it, change its length, place, link or description (this occurrence only). */
export function EditMeetingButton({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onPress={() => setOpen(true)}>
        {t("meetings.edit")}
      </Button>
      <ModalDialog title={t("meetings.editTitle")} isOpen={open} onOpenChange={setOpen} size="wide">
        <EditMeetingForm meeting={meeting} onDone={() => setOpen(false)} />
      </ModalDialog>
    </>
  );
}

function EditMeetingForm({ meeting, onDone }: { meeting: Meeting; onDone: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<MeetingFieldValues>(() => {
    // The meeting's own clock: its date and HH:MM in its time zone.
    const clock = toZoned(meeting.startsAt, meeting.timeZone);
    return {
      title: meeting.title,
      date: clock.date,
      startTime: clock.time,
      durationMinutes: String(meeting.durationMinutes),
      timeZone: meeting.timeZone,
      place: meeting.place,
      videoUrl: meeting.videoUrl,
      description: meeting.description,
    };
  });
  const form = useFormSubmit({
    schema: meetingUpdateSchema,
    send: (input) => updateMeeting(meeting.id, input),
    onSuccess: (saved: Meeting) => {
      rememberMeeting(queryClient, saved);
      toast.success(t("meetings.saved"));
      onDone();
    },
  });
  return (
    <Form
      id="edit-meeting"
      form={form}
      onSubmit={() => form.submit(toMeetingFields(values))}
      className="form"
    >
      {meeting.series ? <p className="muted">{t("meetings.editSeriesHint")}</p> : null}
      <MeetingFields values={values} onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))} />
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {t("meetingForm.save")}
        </Button>
        <Button variant="quiet" onPress={onDone}>
          {t("common.cancel")}
        </Button>
      </FormActions>
    </Form>
  );
}
