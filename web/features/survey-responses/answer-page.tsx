import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { submitInputSchema } from "../../../shared/schemas/survey-administrations.ts";
import { checkAnswers } from "../../../shared/surveys/answers.ts";
import {
  localized,
  questionsOf,
  type SurveyAnswers,
  type SurveyDefinition,
} from "../../../shared/surveys/definition.ts";
import { isApiError } from "../../api/client.ts";
import { Button } from "../../ui/button.tsx";
import { errorsFromApi } from "../../ui/form/field-errors.ts";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { DateTime } from "../../ui/format.tsx";
import { Page, Section } from "../../ui/page.tsx";
import { EmptyState, Notice, QueryView } from "../../ui/states.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useMe } from "../auth/me.ts";
import { administrationKeys } from "../survey-administrations/api.ts";
import { changeResponse, type MyResponse, myResponseKey, myResponseQuery, submitResponse } from "./api.ts";
import { dropCopy, readCopy } from "./local-copy.ts";
import { QuestionField, useAnswerWords } from "./question-field.tsx";
import { SaveStatus } from "./save-status.tsx";
import { useAutosave } from "./use-autosave.ts";
import "./survey-responses.css";

/** /survey-responses/$administrationId — answer a survey: drafts saved as you go, submit, change until it closes. */
export function AnswerPage({ administrationId }: { administrationId: string }) {
  const { t } = useTranslation();
  const query = useQuery(myResponseQuery(administrationId));
  if (query.isError && isApiError(query.error) && (query.error.status === 404 || query.error.status === 403))
    return (
      <Page title={t("surveyAdministrations.notFoundTitle")}>
        <EmptyState title={t("surveyAdministrations.notFoundTitle")}>
          <p>{query.error.status === 403 ? query.error.detail : t("surveyAdministrations.notFound")}</p>
        </EmptyState>
      </Page>
    );
  return (
    <QueryView query={query} loadingLabel={t("surveyResponses.loading")}>
      {(r) => <AnswerView key={`${r.status}-${r.submittedAt ?? ""}`} r={r} />}
    </QueryView>
  );
}

function Statement({ r }: { r: MyResponse }) {
  const { t } = useTranslation();
  const a = r.administration;
  return (
    <div className="survey-statement">
      <p>
        <strong>
          {a.anonymous
            ? t("surveyResponses.anonymousStatementShort")
            : t("surveyResponses.namedStatement", { sender: a.sentBy.name })}
        </strong>
      </p>
      {a.status === "open" ? (
        <p>
          {t("surveyResponses.closesAt")}
          <DateTime iso={a.closesAt} />
        </p>
      ) : null}
    </div>
  );
}

function AnswerView({ r }: { r: MyResponse }) {
  const { t, i18n } = useTranslation();
  const a = r.administration;
  const [editing, setEditing] = useState(r.status !== "submitted");
  const intro = r.definition.introduction ? localized(r.definition.introduction, i18n.language) : null;
  let body: React.ReactNode;
  if (a.status === "upcoming")
    body = (
      <Notice tone="warning">
        {t("surveyResponses.opensAt")} <DateTime iso={a.opensAt} />
      </Notice>
    );
  else if (r.status === "unlinked")
    body = <Notice tone="warning">{t("surveyResponses.unlinkedMessage")}</Notice>;
  else if (a.status === "closed")
    body = (
      <>
        <Notice tone="warning">
          {t("surveyResponses.closedMessage")} <DateTime iso={a.closesAt} />
        </Notice>
        {r.submitted ? <ReadOnlyAnswers definition={r.definition} answers={r.submitted} /> : null}
      </>
    );
  else if (r.status === "submitted" && !editing)
    body = (
      <>
        <Notice tone="success">{t("surveyResponses.submittedMessage")}</Notice>
        <p>
          <Button variant="primary" onPress={() => setEditing(true)}>
            {t("surveyResponses.change")}
          </Button>
        </p>
        {r.submitted ? <ReadOnlyAnswers definition={r.definition} answers={r.submitted} /> : null}
      </>
    );
  else body = <AnswerForm r={r} changing={r.status === "submitted"} onCancel={() => setEditing(false)} />;
  return (
    <Page title={a.title} lead={<Statement r={r} />} width="narrow">
      {intro ? <p>{intro}</p> : null}
      {body}
    </Page>
  );
}

function ReadOnlyAnswers({ definition, answers }: { definition: SurveyDefinition; answers: SurveyAnswers }) {
  const { i18n } = useTranslation();
  const words = useAnswerWords();
  return (
    <>
      {definition.sections.map((section) => (
        <Section
          key={section.key}
          title={localized(section.title, i18n.language)}
          id={`section-${section.key}`}
        >
          <dl className="survey-answers">
            {section.questions.map((q) => (
              <div key={q.key}>
                <dt>{localized(q.text, i18n.language)}</dt>
                <dd>{words(q, answers[q.key])}</dd>
              </div>
            ))}
          </dl>
        </Section>
      ))}
    </>
  );
}

/** Where to start: this device's copy when newer than the server's draft, else the draft, else the submission. */
function startingAnswers(r: MyResponse, personId: string): SurveyAnswers {
  const copy = readCopy(r.administration.id, personId);
  const serverAt = r.draftSavedAt ?? r.submittedAt;
  if (copy && (!serverAt || copy.at > serverAt)) return copy.answers;
  return r.draft ?? r.submitted ?? {};
}

function AnswerForm({ r, changing, onCancel }: { r: MyResponse; changing: boolean; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const toast = useToast();
  const queryClient = useQueryClient();
  const id = r.administration.id;
  const [answers, setAnswers] = useState<SurveyAnswers>(() => startingAnswers(r, me.person.id));
  const autosave = useAutosave({
    administrationId: id,
    personId: me.person.id,
    version: r.version,
    enabled: true,
  });
  const numbers = new Map(questionsOf(r.definition).map(({ question }, i) => [question.key, i + 1]));
  const schema = submitInputSchema.superRefine((value, ctx) => {
    for (const issue of checkAnswers(r.definition, value.answers, { complete: true }))
      ctx.addIssue({ code: "custom", path: ["answers", issue.key], message: issue.message });
  });
  const form = useFormSubmit({
    schema,
    send: (input) => (changing ? changeResponse(id, input.answers) : submitResponse(id, input.answers)),
    onSuccess: (next) => {
      dropCopy(id, me.person.id);
      toast.success(changing ? t("surveyResponses.changed") : t("surveyResponses.submitted"));
      queryClient.setQueryData(myResponseKey(id), next);
      void queryClient.invalidateQueries({ queryKey: administrationKeys.all });
    },
    // The server names `answers.<key>.value`; the field is `answers.<key>`.
    mapError: (error) => {
      const errors: Record<string, string> = {};
      for (const [path, message] of Object.entries(errorsFromApi(error, t)))
        errors[path.replace(/\.(value|choices|text)$/, "")] = message;
      return errors;
    },
  });
  const set = (key: string, answer: SurveyAnswers[string]) => {
    const next = { ...answers, [key]: answer };
    setAnswers(next);
    autosave.change(next);
  };
  return (
    <Form
      id="survey-answers"
      form={form}
      aria-label={r.administration.title}
      onSubmit={() => {
        autosave.cancel();
        form.submit({ answers });
      }}
    >
      {r.definition.sections.map((section) => (
        <Section
          key={section.key}
          title={localized(section.title, i18n.language)}
          id={`section-${section.key}`}
        >
          {section.description ? (
            <p className="muted">{localized(section.description, i18n.language)}</p>
          ) : null}
          <div className="survey-questions">
            {section.questions.map((q) => (
              <QuestionField
                key={q.key}
                question={q}
                number={numbers.get(q.key) ?? 0}
                answer={answers[q.key]}
                onChange={(answer) => set(q.key, answer)}
              />
            ))}
          </div>
        </Section>
      ))}
      <SaveStatus state={autosave.state} />
      <FormActions>
        <Button type="submit" variant="primary" isPending={form.isPending}>
          {changing ? t("surveyResponses.saveChanges") : t("surveyResponses.submit")}
        </Button>
        {changing ? (
          <Button variant="secondary" onPress={onCancel}>
            {t("surveyResponses.cancelChange")}
          </Button>
        ) : null}
      </FormActions>
    </Form>
  );
}
