import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { meetingInputSchema } from "../../../shared/schemas/meetings.ts";
import { Button, LinkButton } from "../../ui/button.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { Page } from "../../ui/page.tsx";
import { EmptyState, QueryView } from "../../ui/states.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useMe } from "../auth/me.ts";
import { communityQuery } from "../communities/api.ts";
import { type MeetingCreated, rememberMeeting, scheduleMeeting } from "./api.ts";
import { MeetingFields, type MeetingFieldValues, toMeetingFields } from "./meeting-fields.tsx";
import { noRecurrence, RecurrenceFields, type RecurrenceValues, toRecurrence } from "./recurrence-fields.tsx";
import "./meetings.css";

/** Tomorrow's date in a time zone (the form's default day). */
function tomorrow(timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  return parts.format(new Date(Date.now() + 24 * 3600_000));
}

/** Schedule a meeting, or a series, for one community. */
export function SchedulePage({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const query = useQuery(communityQuery(communityId));
  const name = query.data?.name ?? "";
  return (
    <Page
      title={t("meetingForm.title")}
      lead={name ? <p>{t("meetingForm.lead", { community: name })}</p> : null}
      width="narrow"
    >
      <QueryView query={query}>
        {(community) =>
          community.can.edit ? (
            <ScheduleForm communityId={communityId} />
          ) : (
            <EmptyState title={t("meetingForm.notAllowedTitle")}>
              <p>{t("meetingForm.notAllowedBody", { community: community.name })}</p>
            </EmptyState>
          )
        }
      </QueryView>
    </Page>
  );
}

function ScheduleForm({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const timeZone = me.person.timeZone;
  const [values, setValues] = useState<MeetingFieldValues>(() => ({
    title: "",
    date: tomorrow(timeZone),
    startTime: "15:30",
    durationMinutes: "60",
    timeZone,
    place: "",
    videoUrl: "",
    description: "",
  }));
  const [recurrence, setRecurrence] = useState<RecurrenceValues>(noRecurrence);

  const form = useFormSubmit({
    schema: meetingInputSchema,
    send: (input, key) => scheduleMeeting(communityId, input, key),
    onSuccess: (meeting: MeetingCreated) => {
      rememberMeeting(queryClient, meeting);
      toast.success(
        meeting.series
          ? t("meetingForm.scheduledSeries", { count: meeting.occurrenceCount })
          : t("meetingForm.scheduled"),
      );
      void navigate({ to: "/meetings/$meetingId", params: { meetingId: meeting.id } });
    },
  });
  const submit = () => {
    const rule = toRecurrence(recurrence);
    form.submit({ ...toMeetingFields(values), ...(rule ? { recurrence: rule } : {}) });
  };

  return (
    <Form
      id="schedule-meeting"
      form={form}
      onSubmit={submit}
      className="form"
      aria-label={t("meetingForm.formLabel")}
    >
      <MeetingFields values={values} onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))} />
      <RecurrenceFields values={recurrence} date={values.date} onChange={setRecurrence} />
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {t("meetingForm.submit")}
        </Button>
        <LinkButton variant="quiet" to="/communities/$communityId/meetings" params={{ communityId }}>
          {t("common.cancel")}
        </LinkButton>
      </FormActions>
    </Form>
  );
}
