import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { feedbackAnswerSchema, isQuestionKind } from "../../../shared/schemas/feedback.ts";
import { Button } from "../../ui/button.tsx";
import { ConfirmDialog, ModalDialog } from "../../ui/dialog.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { DateTime } from "../../ui/format.tsx";
import { Badge } from "../../ui/states.tsx";
import { TextAreaField } from "../../ui/text-field.tsx";
import { useToast } from "../../ui/toast.tsx";
import { answerFeedback, type FeedbackItem, feedbackKeys, withdrawFeedback } from "./api.ts";

/** The words of an item shortened for a button's accessible name. */
const short = (body: string) => (body.length > 60 ? `${body.slice(0, 57)}…` : body);

/** One piece of feedback: its form, words, who gave it (or "Anonymous"), the presenter's answer. */
export function FeedbackEntry({ artifactId, item }: { artifactId: string; item: FeedbackItem }) {
  const { t } = useTranslation();
  const who = item.mine ? t("feedback.you") : (item.author?.name ?? t("feedback.anonymous"));
  const question = isQuestionKind(item.kind);
  return (
    <li className="feedback-entry">
      <p className="feedback-entry__meta">
        <Badge>{t(`feedback.kinds.${item.kind}`)}</Badge>{" "}
        <span>{t("feedback.byline", { name: who, version: item.versionNumber })}</span>
        {item.mine && item.anonymous ? <span className="muted"> ({t("feedback.anonymous")})</span> : null}
        {" · "}
        <DateTime iso={item.createdAt} />
      </p>
      <p className="pre-line feedback-entry__body">{item.body}</p>
      {item.rubricCriterion ? (
        <p className="muted">{t("feedback.criterion", { criterion: item.rubricCriterion })}</p>
      ) : null}
      {question ? (
        <div className="feedback-entry__answer">
          <p className="feedback-entry__answer-label">{t("feedback.answer.label")}</p>
          {item.answer ? (
            <p className="pre-line">{item.answer}</p>
          ) : (
            <p className="muted">{t("feedback.answer.none")}</p>
          )}
        </div>
      ) : null}
      {item.can.answer || item.can.withdraw ? (
        <div className="cluster">
          {item.can.answer ? <AnswerControl artifactId={artifactId} item={item} /> : null}
          {item.can.withdraw ? <WithdrawControl artifactId={artifactId} item={item} /> : null}
        </div>
      ) : null}
    </li>
  );
}

function useRefresh(artifactId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: feedbackKeys.artifact(artifactId) });
}

function AnswerControl({ artifactId, item }: { artifactId: string; item: FeedbackItem }) {
  const { t } = useTranslation();
  const toast = useToast();
  const refresh = useRefresh(artifactId);
  const [open, setOpen] = useState(false);
  const [answer, setAnswer] = useState(item.answer ?? "");
  const form = useFormSubmit({
    schema: feedbackAnswerSchema,
    send: (data) => answerFeedback(item.id, data.answer),
    onSuccess: () => {
      toast.success(t("feedback.answer.saved"));
      refresh();
      setOpen(false);
    },
  });
  const answered = item.answer !== null;
  return (
    <>
      <Button
        size="small"
        onPress={() => setOpen(true)}
        accessibleName={t(answered ? "feedback.answer.changeLabel" : "feedback.answer.controlLabel", {
          body: short(item.body),
        })}
      >
        {answered ? t("feedback.answer.change") : t("feedback.answer.control")}
      </Button>
      <ModalDialog title={t("feedback.answer.dialogTitle")} isOpen={open} onOpenChange={setOpen}>
        <p className="pre-line">{item.body}</p>
        <Form id={`answer-${item.id}`} form={form} onSubmit={() => form.submit({ answer })}>
          <TextAreaField
            label={t("feedback.answer.field")}
            name="answer"
            value={answer}
            onChange={setAnswer}
            rows={3}
            isRequired
          />
          <FormActions>
            <Button type="submit" variant="primary" isPending={form.isPending}>
              {t("feedback.answer.save")}
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

function WithdrawControl({ artifactId, item }: { artifactId: string; item: FeedbackItem }) {
  const { t } = useTranslation();
  const toast = useToast();
  const refresh = useRefresh(artifactId);
  const [open, setOpen] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => withdrawFeedback(item.id),
    onSuccess: () => {
      toast.success(t("feedback.withdraw.done"));
      setOpen(false);
      refresh();
    },
  });
  return (
    <>
      <Button
        size="small"
        variant="danger"
        onPress={() => setOpen(true)}
        accessibleName={t("feedback.withdraw.controlLabel", { body: short(item.body) })}
      >
        {t("feedback.withdraw.control")}
      </Button>
      <ConfirmDialog
        title={t("feedback.withdraw.title")}
        isOpen={open}
        onOpenChange={setOpen}
        confirmLabel={t("feedback.withdraw.control")}
        onConfirm={() => withdraw.mutate()}
        isPending={withdraw.isPending}
        destructive
        error={withdraw.error ? describeError(withdraw.error, t) : null}
      >
        <p>{t("feedback.withdraw.body")}</p>
      </ConfirmDialog>
    </>
  );
}
