import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { Page, Section } from "../../ui/page.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { EmptyState, QueryView } from "../../ui/states.tsx";
import { AssessmentNav } from "../assessments/assessment-nav.tsx";
import { TeamLearningNeeds } from "../learning-needs/index.ts";
import { type Analysis, analysisQuery } from "./api.ts";
import {
  ItemAnalysisFigure,
  MasteryByGroup,
  MasteryByStandard,
  StandardsHeatMap,
  standardName,
} from "./sections.tsx";
import "./analysis.css";

export type AnalysisSearch = { schoolId?: string; classId?: string };

/** /assessments/$assessmentId/analysis?schoolId=&classId= — what the students knew, for this reader. */
export function AnalysisPage({ assessmentId, search }: { assessmentId: string; search: AnalysisSearch }) {
  const { t } = useTranslation();
  const query = useQuery(analysisQuery(assessmentId, search));
  return (
    <QueryView query={query} loadingLabel={t("analysis.loading")}>
      {(a) => <AnalysisView key={`${search.schoolId}:${search.classId}`} analysis={a} search={search} />}
    </QueryView>
  );
}

function AnalysisView({ analysis: a, search }: { analysis: Analysis; search: AnalysisSearch }) {
  const { t } = useTranslation();
  return (
    <Page
      title={t("analysis.title", { title: a.assessment.title })}
      eyebrow={
        <Link to="/assessments/$assessmentId" params={{ assessmentId: a.assessment.id }}>
          {t("analysis.back", { title: a.assessment.title })}
        </Link>
      }
      lead={t("analysis.lead", { count: a.students, threshold: a.assessment.masteryPercent })}
    >
      <AssessmentNav assessmentId={a.assessment.id} />
      <Filters analysis={a} search={search} />
      {a.students === 0 ? (
        <EmptyState title={t("analysis.noResults")}>
          <p>{t("analysis.noResultsHint")}</p>
        </EmptyState>
      ) : a.suppressed ? (
        <p className="analysis-notice" role="status">
          {t("analysis.suppressedAll", { minimum: a.minimum })}
        </p>
      ) : (
        <>
          <Weakest analysis={a} />
          <Section title={t("analysis.masteryTitle")} id="mastery">
            <MasteryByStandard analysis={a} />
          </Section>
          <Section title={t("analysis.heatTitle")} id="heat-map">
            <StandardsHeatMap analysis={a} />
            <GroupLinks analysis={a} />
          </Section>
          <Section title={t("analysis.schoolTitle")} id="by-school">
            <MasteryByGroup analysis={a} groups={a.bySchool} kind="school" />
            {a.byTeacher ? <MasteryByGroup analysis={a} groups={a.byTeacher} kind="teacher" /> : null}
          </Section>
          <Section title={t("analysis.itemTitle")} id="items">
            <ItemAnalysisFigure analysis={a} />
          </Section>
          {/* The educators' own learning needs, next to their students' (issue 6). */}
          {a.assessment.communityId ? <TeamLearningNeeds communityId={a.assessment.communityId} /> : null}
        </>
      )}
    </Page>
  );
}

function Weakest({ analysis: a }: { analysis: Analysis }) {
  const { t } = useTranslation();
  const weakest = a.standards.find((s) => s.standard === a.weakestStandard);
  if (!weakest || a.weakestStandard === null) return null;
  return (
    <section className="analysis-weakest" aria-labelledby="weakest-heading">
      <h2 id="weakest-heading">{t("analysis.weakest")}</h2>
      <p>
        {t("analysis.weakestText", {
          standard: standardName(t, weakest.standard),
          percent: weakest.percentMastered,
        })}
      </p>
      {weakest.standard ? <GroupsLink assessmentId={a.assessment.id} standard={weakest.standard} /> : null}
    </section>
  );
}

function GroupsLink({ assessmentId, standard }: { assessmentId: string; standard: string }) {
  const { t } = useTranslation();
  return (
    <Link to="/assessments/$assessmentId/groups" params={{ assessmentId }} search={{ standard }}>
      {t("analysis.groupsFor", { standard })}
    </Link>
  );
}

/** From a standard of the heat map to the students who need re-teaching or extension on it. */
function GroupLinks({ analysis: a }: { analysis: Analysis }) {
  const { t } = useTranslation();
  const standards = a.assessment.standards.filter((s) => s !== "");
  if (!standards.length) return null;
  return (
    <nav aria-label={t("analysis.groupsNav")} className="analysis-group-links">
      <ul className="cluster">
        {standards.map((standard) => (
          <li key={standard}>
            <GroupsLink assessmentId={a.assessment.id} standard={standard} />
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Filters({ analysis: a, search }: { analysis: Analysis; search: AnalysisSearch }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [schoolId, setSchoolId] = useState(search.schoolId ?? "");
  const [classId, setClassId] = useState(search.classId ?? "");
  const classes = a.filters.classes.filter((c) => !schoolId || c.schoolId === schoolId);
  if (a.filters.schools.length <= 1 && a.filters.classes.length <= 1) return null;
  return (
    <search aria-label={t("analysis.filters")}>
      <form
        className="analysis-filters"
        onSubmit={(event) => {
          event.preventDefault();
          void navigate({
            to: "/assessments/$assessmentId/analysis",
            params: { assessmentId: a.assessment.id },
            search: { schoolId: schoolId || undefined, classId: classId || undefined },
          });
        }}
      >
        <SelectField
          label={t("analysis.school")}
          name="schoolId"
          value={schoolId}
          onChange={(value) => {
            setSchoolId(value);
            setClassId("");
          }}
          options={[
            { value: "", label: t("analysis.allSchools") },
            ...a.filters.schools.map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
        <SelectField
          label={t("analysis.class")}
          name="classId"
          value={classId}
          onChange={setClassId}
          options={[
            { value: "", label: t("analysis.allClasses") },
            ...classes.map((c) => ({ value: c.id, label: c.name })),
          ]}
        />
        <Button type="submit" variant="secondary">
          {t("analysis.show")}
        </Button>
      </form>
    </search>
  );
}
