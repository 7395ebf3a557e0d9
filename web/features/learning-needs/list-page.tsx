import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { surveyInputSchema } from "../../../shared/schemas/learning-needs.ts";
import { Button } from "../../ui/button.tsx";
import { Form, FormActions } from "../../ui/form/form.tsx";
import { useFormSubmit } from "../../ui/form/use-form-submit.ts";
import { NativeField } from "../../ui/native-field.tsx";
import { Page, Section } from "../../ui/page.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { EmptyState, QueryView } from "../../ui/states.tsx";
import { TextAreaField, TextField } from "../../ui/text-field.tsx";
import { communityQuery } from "../communities/api.ts";
import { teamAssessmentsQuery } from "../groups/api.ts";
import { createSurvey, type SurveyList, surveyKeys, surveyListQuery } from "./api.ts";
import "./learning-needs.css";

/** /communities/$communityId/learning-needs — the team's surveys, and the form to send one. */
export function LearningNeedsPage({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const community = useQuery(communityQuery(communityId));
  const query = useQuery(surveyListQuery(communityId));
  const name = community.data?.name ?? "";
  return (
    <Page
      title={t("learningNeeds.title")}
      eyebrow={
        <Link to="/communities/$communityId" params={{ communityId }}>
          {name || t("learningNeeds.backToCommunity")}
        </Link>
      }
      lead={t("learningNeeds.lead")}
    >
      <QueryView query={query} loadingLabel={t("learningNeeds.loading")}>
        {(list) => <Surveys communityId={communityId} list={list} />}
      </QueryView>
    </Page>
  );
}

function Surveys({ communityId, list }: { communityId: string; list: SurveyList }) {
  const { t } = useTranslation();
  return (
    <>
      <Section title={t("learningNeeds.surveys")} id="surveys">
        {list.items.length === 0 ? (
          <EmptyState title={t("learningNeeds.emptyTitle")}>
            <p>{list.can.create ? t("learningNeeds.emptyManager") : t("learningNeeds.emptyMember")}</p>
          </EmptyState>
        ) : (
          <ul className="learning-needs-list" aria-label={t("learningNeeds.surveys")}>
            {list.items.map((s) => (
              <li key={s.id}>
                <Link to="/learning-need-surveys/$surveyId" params={{ surveyId: s.id }}>
                  {s.title}
                </Link>{" "}
                <span className="learning-needs-list__meta">
                  {t("learningNeeds.listMeta", { responded: s.responded, asked: s.asked })}
                  {s.closed ? ` · ${t("learningNeeds.closed")}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      {list.can.create ? <SendForm communityId={communityId} /> : null}
    </>
  );
}

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

function SendForm({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const assessments = useQuery(teamAssessmentsQuery(communityId));
  const [title, setTitle] = useState("");
  const [assessmentId, setAssessmentId] = useState("");
  const [standards, setStandards] = useState("");
  const [practices, setPractices] = useState("");
  const [closesOn, setClosesOn] = useState("");
  const form = useFormSubmit({
    schema: surveyInputSchema,
    send: (input, key) => createSurvey(communityId, input, key),
    onSuccess: (survey) => {
      void queryClient.invalidateQueries({ queryKey: surveyKeys.list(communityId) });
      void navigate({ to: "/learning-need-surveys/$surveyId", params: { surveyId: survey.id } });
    },
  });
  const values = {
    title,
    assessmentId: assessmentId || null,
    standards: lines(standards),
    practices: lines(practices),
    closesOn: closesOn || null,
  };
  return (
    <Section title={t("learningNeeds.sendTitle")} id="send">
      <Form id="send-learning-needs" form={form} onSubmit={() => form.submit(values)} className="form">
        <TextField label={t("learningNeeds.fieldTitle")} name="title" value={title} onChange={setTitle} />
        <SelectField
          label={t("learningNeeds.fieldAssessment")}
          name="assessmentId"
          value={assessmentId}
          placeholder={t("learningNeeds.noAssessment")}
          options={(assessments.data?.items ?? []).map((a) => ({ value: a.id, label: a.title }))}
          onChange={setAssessmentId}
          description={t("learningNeeds.fieldAssessmentHint")}
        />
        <TextAreaField
          label={t("learningNeeds.fieldStandards")}
          name="standards"
          value={standards}
          onChange={setStandards}
          description={t("learningNeeds.fieldStandardsHint")}
        />
        <TextAreaField
          label={t("learningNeeds.fieldPractices")}
          name="practices"
          value={practices}
          onChange={setPractices}
          description={t("learningNeeds.fieldPracticesHint")}
        />
        <NativeField
          label={t("learningNeeds.fieldClosesOn")}
          name="closesOn"
          type="date"
          value={closesOn}
          onChange={setClosesOn}
          description={t("learningNeeds.optional")}
        />
        <FormActions>
          <Button type="submit" variant="primary" isPending={form.isPending}>
            {t("learningNeeds.send")}
          </Button>
        </FormActions>
      </Form>
    </Section>
  );
}
