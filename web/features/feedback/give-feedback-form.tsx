import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type FeedbackKind, feedbackInputSchema } from "../../../shared/schemas/feedback.ts";
import { Button } from "../../ui/button.tsx";
import { RadioGroupField } from "../../ui/choice-fields.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { SelectField } from "../../ui/select-field.tsx";
import { TextAreaField } from "../../ui/text-field.tsx";
import { useToast } from "../../ui/toast.tsx";
import { type FeedbackList, feedbackKeys, giveFeedback } from "./api.ts";
import { CheckboxField } from "./checkbox-field.tsx";

const blank = { kind: "warm" as FeedbackKind, body: "", anonymous: false, rubricCriterion: "" };

/** The colleague's form: which form of feedback, the words, anonymity where allowed, a rubric criterion. */
export function GiveFeedbackForm({ artifactId, list }: { artifactId: string; list: FeedbackList }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(blank);
  const set =
    <K extends keyof typeof blank>(key: K) =>
    (value: (typeof blank)[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const form = useFormSubmit({
    schema: feedbackInputSchema,
    send: (input, key) => giveFeedback(artifactId, input, key),
    onSuccess: () => {
      setValues(blank);
      toast.success(t("feedback.form.given"));
      void queryClient.invalidateQueries({ queryKey: feedbackKeys.artifact(artifactId) });
    },
  });
  const submit = () =>
    form.submit({
      kind: values.kind,
      body: values.body,
      // Only sent where the community allows it, so the server's refusal can't surprise anyone.
      anonymous: list.anonymousAllowed && values.anonymous,
      rubricCriterion: values.rubricCriterion || null,
    });
  return (
    <Form id={`give-feedback-${artifactId}`} form={form} onSubmit={submit} className="form feedback-form">
      <h3 className="feedback-form__title">{t("feedback.form.title")}</h3>
      <RadioGroupField
        label={t("feedback.form.kind")}
        name="kind"
        value={values.kind}
        onChange={(kind) => set("kind")(kind as FeedbackKind)}
        options={list.forms.map((kind) => ({
          value: kind,
          label: t(`feedback.kinds.${kind}`),
          description: t(`feedback.kindHints.${kind}`),
        }))}
      />
      <TextAreaField
        label={t("feedback.form.body")}
        name="body"
        value={values.body}
        onChange={set("body")}
        description={t("feedback.form.bodyHint")}
        rows={4}
        isRequired
      />
      {list.rubricCriteria.length > 0 ? (
        <SelectField
          label={t("feedback.form.criterion")}
          name="rubricCriterion"
          value={values.rubricCriterion}
          onChange={set("rubricCriterion")}
          placeholder={t("feedback.form.noCriterion")}
          options={list.rubricCriteria.map((c) => ({ value: c, label: c }))}
          description={t("feedback.form.criterionHint")}
        />
      ) : null}
      {list.anonymousAllowed ? (
        <CheckboxField
          label={t("feedback.form.anonymous")}
          name="anonymous"
          checked={values.anonymous}
          onChange={set("anonymous")}
          description={t("feedback.form.anonymousHint")}
        />
      ) : null}
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {t("feedback.form.submit")}
        </Button>
      </FormActions>
    </Form>
  );
}
