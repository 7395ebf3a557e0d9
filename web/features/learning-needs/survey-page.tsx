import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { responseInputSchema } from "../../../shared/schemas/learning-needs.ts";
import { isApiError } from "../../api/client.ts";
import { Button } from "../../ui/button.tsx";
import { CheckboxGroupField } from "../../ui/choice-fields.tsx";
import { describeError } from "../../ui/form/field-errors.ts";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { DateTime } from "../../ui/format.tsx";
import { Page, Section } from "../../ui/page.tsx";
import { EmptyState, QueryView } from "../../ui/states.tsx";
import { TextAreaField } from "../../ui/text-field.tsx";
import { useToast } from "../../ui/toast.tsx";
import { answerSurvey, closeSurvey, type Survey, surveyKeys, surveyQuery } from "./api.ts";
import { LearningNeedsSummary } from "./summary.tsx";
import "./learning-needs.css";

/** /learning-need-surveys/$surveyId — the counts, my own answer, and (facilitators) Close survey. */
export function SurveyPage({ surveyId }: { surveyId: string }) {
  const { t } = useTranslation();
  const query = useQuery(surveyQuery(surveyId));
  if (query.isError && isApiError(query.error) && query.error.status === 404)
    return (
      <Page title={t("learningNeeds.notFoundTitle")}>
        <EmptyState title={t("learningNeeds.notFoundTitle")}>
          <p>{t("learningNeeds.notFound")}</p>
        </EmptyState>
      </Page>
    );
  return (
    <QueryView query={query} loadingLabel={t("learningNeeds.loading")}>
      {(s) => <SurveyView survey={s} />}
    </QueryView>
  );
}

function SurveyView({ survey: s }: { survey: Survey }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const close = useMutation({
    mutationFn: () => closeSurvey(s.id),
    onSuccess: (next) => {
      queryClient.setQueryData(surveyKeys.one(s.id), next);
      void queryClient.invalidateQueries({ queryKey: surveyKeys.list(s.communityId) });
    },
  });
  return (
    <Page
      title={s.title}
      eyebrow={
        <Link to="/communities/$communityId/learning-needs" params={{ communityId: s.communityId }}>
          {t("learningNeeds.backToList")}
        </Link>
      }
      lead={
        <>
          {t("learningNeeds.sentBy", { name: s.createdBy.name })} <DateTime iso={s.createdAt} dateOnly />
          {" · "}
          {s.closed
            ? t("learningNeeds.closed")
            : s.closesOn
              ? t("learningNeeds.closesOn", { date: s.closesOn })
              : t("learningNeeds.open")}
        </>
      }
      actions={
        s.can.close ? (
          <Button isPending={close.isPending} onPress={() => close.mutate()}>
            {t("learningNeeds.close")}
          </Button>
        ) : null
      }
    >
      {close.error ? (
        <p className="inline-error" role="alert">
          {describeError(close.error, t)}
        </p>
      ) : null}
      <p className="learning-needs-privacy">{t("learningNeeds.privacy")}</p>
      {s.can.respond ? <AnswerForm survey={s} /> : null}
      {!s.can.respond && s.mine ? <MyAnswer survey={s} /> : null}
      <Section title={t("learningNeeds.summaryTitle")} id="summary">
        <LearningNeedsSummary survey={s} />
      </Section>
    </Page>
  );
}

function MyAnswer({ survey: s }: { survey: Survey }) {
  const { t } = useTranslation();
  const mine = s.mine;
  if (!mine) return null;
  const chosen = [...mine.standards, ...mine.practices];
  return (
    <Section title={t("learningNeeds.myAnswer")} id="my-answer">
      <p>{chosen.length ? chosen.join(", ") : t("learningNeeds.nothingChosen")}</p>
      {mine.other ? <p>{mine.other}</p> : null}
    </Section>
  );
}

function AnswerForm({ survey: s }: { survey: Survey }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [standards, setStandards] = useState(s.mine?.standards ?? []);
  const [practices, setPractices] = useState(s.mine?.practices ?? []);
  const [other, setOther] = useState(s.mine?.other ?? "");
  const form = useFormSubmit({
    schema: responseInputSchema,
    send: (input) => answerSurvey(s.id, input),
    onSuccess: (next) => {
      queryClient.setQueryData(surveyKeys.one(s.id), next);
      toast.success(t("learningNeeds.answerSaved"));
    },
  });
  return (
    <Section title={s.mine ? t("learningNeeds.changeAnswer") : t("learningNeeds.answerTitle")} id="answer">
      <Form
        id="learning-needs-answer"
        form={form}
        onSubmit={() => form.submit({ standards, practices, other })}
        className="form"
      >
        {s.standards.length ? (
          <CheckboxGroupField
            label={t("learningNeeds.standardsQuestion")}
            name="standards"
            value={standards}
            onChange={setStandards}
            options={s.standards.map((x) => ({ value: x, label: x }))}
          />
        ) : null}
        {s.practices.length ? (
          <CheckboxGroupField
            label={t("learningNeeds.practicesQuestion")}
            name="practices"
            value={practices}
            onChange={setPractices}
            options={s.practices.map((x) => ({ value: x, label: x }))}
          />
        ) : null}
        <TextAreaField
          label={t("learningNeeds.other")}
          name="other"
          value={other}
          onChange={setOther}
          description={t("learningNeeds.otherHint")}
        />
        <FormActions>
          <Button type="submit" variant="primary" isPending={form.isPending}>
            {t("learningNeeds.saveAnswer")}
          </Button>
        </FormActions>
      </Form>
    </Section>
  );
}
