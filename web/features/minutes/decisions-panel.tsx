import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { decisionInputSchema, decisionUpdateSchema } from "../../../shared/schemas/minutes.ts";
import { Button } from "../../ui/button.tsx";
import { ConfirmDialog, ModalDialog } from "../../ui/dialog.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { Section } from "../../ui/page.tsx";
import { QueryView } from "../../ui/states.tsx";
import { TextAreaField } from "../../ui/text-field.tsx";
import { useToast } from "../../ui/toast.tsx";
import {
  createDecision,
  type Decision,
  deleteDecision,
  minutesKeys,
  minutesQuery,
  updateDecision,
} from "./api.ts";
import "./minutes.css";

interface DecisionsPanelProps {
  meetingId: string;
  /** h2 on the minutes page, h3 inside another section (the live room). */
  headingLevel?: 2 | 3;
}

/** A meeting's decisions, with add / edit / remove for the facilitator and the note-taker. */
export function DecisionsPanel({ meetingId, headingLevel = 2 }: DecisionsPanelProps) {
  const { t } = useTranslation();
  const query = useQuery(minutesQuery(meetingId));
  return (
    <Section title={t("decisions.title")} id="decisions" headingLevel={headingLevel}>
      <QueryView query={query} loadingLabel={t("common.loading")}>
        {(minutes) => (
          <div className="stack">
            {minutes.decisions.length === 0 ? (
              <p className="muted">
                {minutes.can.recordDecisions ? t("decisions.emptyCanAdd") : t("decisions.empty")}
              </p>
            ) : (
              <ol className="decision-list">
                {minutes.decisions.map((decision) => (
                  <li key={decision.id} className="decision">
                    <p className="pre-line decision__text">{decision.text}</p>
                    {minutes.can.recordDecisions ? (
                      <div className="cluster no-print">
                        <EditDecision meetingId={meetingId} decision={decision} />
                        <RemoveDecision meetingId={meetingId} decision={decision} />
                      </div>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
            {minutes.can.recordDecisions ? <AddDecisionForm meetingId={meetingId} /> : null}
          </div>
        )}
      </QueryView>
    </Section>
  );
}

function useRefresh(meetingId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: minutesKeys.detail(meetingId) });
}

function AddDecisionForm({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const refresh = useRefresh(meetingId);
  const [text, setText] = useState("");
  const form = useFormSubmit({
    schema: decisionInputSchema,
    send: (data, key) => createDecision(meetingId, data, key),
    onSuccess: () => {
      setText("");
      toast.success(t("decisions.added"));
      refresh();
    },
  });
  return (
    <Form
      id={`add-decision-${meetingId}`}
      form={form}
      onSubmit={() => form.submit({ text })}
      className="form no-print"
    >
      <TextAreaField label={t("decisions.text")} name="text" value={text} onChange={setText} rows={2} />
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {t("decisions.add")}
        </Button>
      </FormActions>
    </Form>
  );
}

function EditDecision({ meetingId, decision }: { meetingId: string; decision: Decision }) {
  const { t } = useTranslation();
  const toast = useToast();
  const refresh = useRefresh(meetingId);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(decision.text);
  const form = useFormSubmit({
    schema: decisionUpdateSchema,
    send: (data) => updateDecision(meetingId, decision.id, data),
    onSuccess: () => {
      toast.success(t("decisions.saved"));
      refresh();
      setOpen(false);
    },
  });
  return (
    <>
      <Button
        size="small"
        onPress={() => setOpen(true)}
        accessibleName={t("decisions.editLabel", { text: decision.text })}
      >
        {t("decisions.edit")}
      </Button>
      <ModalDialog title={t("decisions.editTitle")} isOpen={open} onOpenChange={setOpen}>
        <Form id={`edit-decision-${decision.id}`} form={form} onSubmit={() => form.submit({ text })}>
          <TextAreaField label={t("decisions.text")} name="text" value={text} onChange={setText} rows={3} />
          <FormActions>
            <Button type="submit" variant="primary" isPending={form.isPending}>
              {t("decisions.save")}
            </Button>
            <Button variant="quiet" onPress={() => setOpen(false)}>
              {t("common.cancel")}
            </Button>
          </FormActions>
        </Form>
      </ModalDialog>
    </>
  );
}

function RemoveDecision({ meetingId, decision }: { meetingId: string; decision: Decision }) {
  const { t } = useTranslation();
  const toast = useToast();
  const refresh = useRefresh(meetingId);
  const [open, setOpen] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteDecision(meetingId, decision.id),
    onSuccess: () => {
      toast.success(t("decisions.removed"));
      refresh();
      setOpen(false);
    },
  });
  return (
    <>
      <Button
        size="small"
        variant="danger"
        onPress={() => setOpen(true)}
        accessibleName={t("decisions.removeLabel", { text: decision.text })}
      >
        {t("decisions.remove")}
      </Button>
      <ConfirmDialog
        title={t("decisions.removeTitle")}
        isOpen={open}
        onOpenChange={setOpen}
        confirmLabel={t("decisions.remove")}
        onConfirm={() => remove.mutate()}
        isPending={remove.isPending}
        destructive
        error={remove.error ? describeError(remove.error, t) : null}
      >
        <p>{t("decisions.removeBody", { text: decision.text })}</p>
      </ConfirmDialog>
    </>
  );
}
