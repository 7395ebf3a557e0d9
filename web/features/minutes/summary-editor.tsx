import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { summaryUpdateSchema } from "../../../shared/schemas/minutes.ts";
import { isApiError } from "../../api/client.ts";
import { Button } from "../../ui/button.tsx";
import { FORM_LEVEL } from "../../ui/form/field-errors.ts";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { DateTime } from "../../ui/format.tsx";
import { Section } from "../../ui/page.tsx";
import { TextAreaField } from "../../ui/text-field.tsx";
import { useToast } from "../../ui/toast.tsx";
import { type Minutes, minutesKeys, saveSummary } from "./api.ts";

/** The summary; facilitators edit it in place. A stale save (someone saved first) says so and keeps the text. */
export function SummarySection({ minutes }: { minutes: Minutes }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <Section
      title={t("minutes.summary")}
      id="summary"
      actions={
        minutes.can.edit && minutes.record && !editing ? (
          <Button onPress={() => setEditing(true)} className="no-print">
            {t("minutes.editSummary")}
          </Button>
        ) : null
      }
    >
      {editing ? (
        <SummaryForm minutes={minutes} onDone={() => setEditing(false)} />
      ) : minutes.summary ? (
        <div className="pre-line minutes-summary">{minutes.summary}</div>
      ) : (
        <p className="muted">
          {minutes.can.edit ? t("minutes.summaryEmptyEditor") : t("minutes.summaryEmpty")}
        </p>
      )}
      {minutes.editedAt && minutes.editedBy ? (
        <p className="muted minutes-meta">
          {t("minutes.editedBy", { name: minutes.editedBy })} <DateTime iso={minutes.editedAt} />
        </p>
      ) : null}
    </Section>
  );
}

function SummaryForm({ minutes, onDone }: { minutes: Minutes; onDone: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [summary, setSummary] = useState(minutes.summary);
  const [stale, setStale] = useState(false);
  const form = useFormSubmit({
    schema: summaryUpdateSchema,
    send: (data) => saveSummary(minutes.meeting.id, data.summary, data.revision),
    onSuccess: (saved) => {
      queryClient.setQueryData(minutesKeys.detail(minutes.meeting.id), saved);
      toast.success(t("minutes.summarySaved"));
      onDone();
    },
    mapError: (error) => {
      if (!isApiError(error) || error.status !== 409) return undefined;
      setStale(true);
      return { [FORM_LEVEL]: t("minutes.summaryConflict"), summary: t("minutes.summaryConflict") };
    },
  });
  return (
    <Form id="edit-summary" form={form} onSubmit={() => form.submit({ summary, revision: minutes.revision })}>
      <TextAreaField
        label={t("minutes.summaryLabel")}
        name="summary"
        value={summary}
        onChange={setSummary}
        description={t("minutes.summaryHint")}
        rows={8}
      />
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {t("minutes.saveSummary")}
        </Button>
        {stale ? (
          <Button
            onPress={() => {
              setStale(false);
              form.clearErrors();
              void queryClient.invalidateQueries({ queryKey: minutesKeys.detail(minutes.meeting.id) });
            }}
          >
            {t("minutes.reload")}
          </Button>
        ) : null}
        <Button variant="quiet" onPress={onDone}>
          {t("common.cancel")}
        </Button>
      </FormActions>
    </Form>
  );
}
