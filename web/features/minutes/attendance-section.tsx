import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MinutesRecord } from "../../../shared/schemas/minutes.ts";
import { Button } from "../../ui/button.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { Section } from "../../ui/page.tsx";
import { Notice } from "../../ui/states.tsx";
import { useToast } from "../../ui/toast.tsx";
import { minutesKeys, regenerateMinutes } from "./api.ts";
import { AttendanceEditor } from "./attendance-editor.tsx";

interface AttendanceSectionProps {
  meetingId: string;
  record: MinutesRecord;
  canEdit: boolean;
}

/** Who was there, as readable lists; facilitators correct it in place and then update the minutes. */
export function AttendanceSection({ meetingId, record, canEdit }: AttendanceSectionProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  // Saved corrections the minutes do not show yet: they are read into the record only on regenerate.
  const [changed, setChanged] = useState(false);
  const { present, absent } = record.attendance;
  const names = (list: { name: string }[]) => list.map((p) => p.name).join(", ") || t("minutes.nobody");
  return (
    <Section
      title={t("minutes.attendance")}
      id="attendance"
      actions={
        canEdit && !editing ? (
          <Button onPress={() => setEditing(true)} className="no-print">
            {t("minutes.editAttendance")}
          </Button>
        ) : null
      }
    >
      <dl className="definition-list">
        <dt>{t("minutes.present", { count: present.length })}</dt>
        <dd>{names(present)}</dd>
        <dt>{t("minutes.absent", { count: absent.length })}</dt>
        <dd>{names(absent)}</dd>
      </dl>
      {editing ? <AttendanceEditor meetingId={meetingId} onSaved={() => setChanged(true)} /> : null}
      {changed ? (
        <UpdateMinutesPrompt
          meetingId={meetingId}
          onUpdated={() => {
            setChanged(false);
            setEditing(false);
          }}
        />
      ) : null}
      {editing ? (
        <div className="cluster no-print">
          <Button variant="quiet" onPress={() => setEditing(false)}>
            {t("minutes.closeAttendance")}
          </Button>
        </div>
      ) : null}
    </Section>
  );
}

/** After a correction: regenerate the record so the lists above (and the downloads) show it. */
function UpdateMinutesPrompt({ meetingId, onUpdated }: { meetingId: string; onUpdated: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: () => regenerateMinutes(meetingId),
    onSuccess: (fresh) => {
      queryClient.setQueryData(minutesKeys.detail(meetingId), fresh);
      toast.success(t("minutes.attendanceUpdated"));
      onUpdated();
    },
  });
  return (
    <div className="stack no-print">
      <Notice tone="warning" role="status">
        <p>{t("minutes.attendanceChanged")}</p>
      </Notice>
      {update.error ? (
        <p className="field__error" role="alert">
          {describeError(update.error, t)}
        </p>
      ) : null}
      <div className="cluster">
        <Button variant="primary" onPress={() => update.mutate()} isPending={update.isPending}>
          {t("minutes.updateMinutes")}
        </Button>
      </div>
    </div>
  );
}
